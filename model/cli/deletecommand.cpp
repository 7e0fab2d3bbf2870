#include "cli/editcommands.h"
#include "cli/editsupport.h"

namespace debrief::cli {

int runDelete(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    const std::optional<Target> target = arguments.size() == 1 ? parseTarget(arguments.constFirst())
                                                               : std::nullopt;
    if (!target) {
        err << "Usage: debrief delete FILE:LINE\n";
        return 1;
    }
    return applyEdits({{*target, NoteEdit::remove(target->line)}}, QStringLiteral("deleted"), QDate(),
                      out, err);
}

} // namespace debrief::cli
