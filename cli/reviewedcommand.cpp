#include "cli/commandline.h"
#include "cli/editcommands.h"
#include "cli/editsupport.h"

namespace debrief::cli {

int runReviewed(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    if (wantsHelp(arguments)) {
        out << CommandLine::help(QStringLiteral("reviewed"));
        return 0;
    }
    QStringList files;
    bool undo = false;
    for (const QString &argument : arguments) {
        if (argument == u"--undo") {
            undo = true;
        } else if (argument.startsWith(u"--")) {
            err << "debrief reviewed: unknown option " << argument << "\nUsage: debrief reviewed FILE... [--undo]\n";
            return 1;
        } else {
            files.append(argument);
        }
    }
    if (files.isEmpty()) {
        err << "Usage: debrief reviewed FILE... [--undo]\n";
        return 1;
    }
    const std::optional<QDate> day = today(err);
    if (!day)
        return 1;
    const std::optional<QString> value = undo ? std::nullopt : std::optional<QString>(day->toString(Qt::ISODate));
    QList<std::pair<Target, NoteEdit>> edits;
    for (const QString &file : files)
        edits.append({Target{file, 0}, NoteEdit::setFrontmatter(QStringLiteral("reviewed"), value)});
    return applyEdits(edits, undo ? QStringLiteral("not reviewed") : QStringLiteral("reviewed"), *day, out, err);
}

} // namespace debrief::cli
