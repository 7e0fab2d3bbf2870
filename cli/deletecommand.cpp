#include "cli/commandline.h"
#include "cli/editcommands.h"
#include "cli/editsupport.h"

namespace debrief::cli {

int runDelete(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    if (wantsHelp(arguments)) {
        out << CommandLine::help(QStringLiteral("delete"));
        return 0;
    }
    // Several items are deleted together (neighbours too), all or none, as the app's bulk delete.
    QList<std::pair<Target, NoteEdit>> edits;
    for (const QString &argument : arguments) {
        const std::optional<Target> target = parseTarget(argument);
        if (!target) {
            err << "debrief delete: expected FILE:LINE, got '" << argument << "'\n";
            return 1;
        }
        edits.append({*target, NoteEdit::remove(target->line)});
    }
    if (edits.isEmpty()) {
        err << "Usage: debrief delete FILE:LINE [FILE:LINE...]\n";
        return 1;
    }
    return applyEdits(edits, QStringLiteral("deleted"), QDate(), out, err);
}

} // namespace debrief::cli
