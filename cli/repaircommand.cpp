#include "cli/commandline.h"
#include "cli/editcommands.h"
#include "cli/editsupport.h"

#include "edit/editplanner.h"
#include "edit/notefile.h"

namespace debrief::cli {

int runRepair(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    if (wantsHelp(arguments)) {
        out << CommandLine::help(QStringLiteral("repair"));
        return 0;
    }
    QStringList files;
    bool dryRun = false;
    for (const QString &argument : arguments) {
        if (argument == u"--dry-run") {
            dryRun = true;
        } else if (argument.startsWith(u"--")) {
            err << "debrief repair: unknown option " << argument << "\nUsage: debrief repair FILE... [--dry-run]\n";
            return 1;
        } else {
            files.append(argument);
        }
    }
    if (files.isEmpty()) {
        err << "Usage: debrief repair FILE... [--dry-run]\n";
        return 1;
    }

    // Read and plan every file before writing any.
    struct Planned
    {
        QString path;
        TextLines lines;
        LinePatch patch;
        FileStamp stamp;
    };
    QList<Planned> planned;
    for (const QString &path : files) {
        const NoteFile::ReadResult read = NoteFile::read(path);
        if (!read.ok()) {
            err << "debrief: " << read.error.message << '\n';
            return exitCode(read.error);
        }
        TextLines lines = TextLines::split(read.bytes);
        const EditPlanner::Plan plan = EditPlanner::plan(lines, path, NoteEdit::repair(), QDate());
        planned.append(Planned{path, std::move(lines), plan.patch, read.stamp});
    }
    for (const Planned &file : planned) {
        if (dryRun) {
            out << unifiedDiff(file.path, file.lines, file.patch);
            continue;
        }
        // Planned from every line of the file: a change since is a conflict, not something to relocate.
        const NoteFile::PatchResult result =
            NoteFile::applyPatch(file.path, file.patch, file.stamp, NoteFile::IfChanged::Conflict);
        if (!result.ok()) {
            err << "debrief: " << result.error.message << '\n';
            return exitCode(result.error);
        }
        const int count = int(file.patch.hunks().size());
        if (count == 0)
            out << file.path << ": nothing to repair\n";
        else
            out << file.path << ": repaired " << count << (count == 1 ? " line\n" : " lines\n");
    }
    return 0;
}

} // namespace debrief::cli
