#include "cli/commandline.h"
#include "cli/editcommands.h"
#include "cli/editsupport.h"

namespace debrief::cli {

namespace {

int runStatus(const char *command, TaskEdit::StatusAction action, const char *done, const QStringList &arguments,
              QTextStream &out, QTextStream &err)
{
    if (wantsHelp(arguments)) {
        out << CommandLine::help(QString::fromLatin1(command));
        return 0;
    }
    if (arguments.isEmpty()) {
        err << "Usage: debrief " << command << " FILE:LINE [FILE:LINE...]\n";
        return 1;
    }
    QList<std::pair<Target, NoteEdit>> edits;
    for (const QString &argument : arguments) {
        const std::optional<Target> target = parseTarget(argument);
        if (!target) {
            err << "debrief " << command << ": expected FILE:LINE, got '" << argument << "'\n";
            return 1;
        }
        edits.append({*target, NoteEdit::setStatus(target->line, action)});
    }
    const std::optional<QDate> day = today(err);
    if (!day)
        return 1;
    return applyEdits(edits, QString::fromLatin1(done), *day, out, err);
}

} // namespace

int runAccept(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    return runStatus("accept", TaskEdit::StatusAction::Accept, "accepted", arguments, out, err);
}

int runReject(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    return runStatus("reject", TaskEdit::StatusAction::Reject, "rejected", arguments, out, err);
}

int runDone(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    return runStatus("done", TaskEdit::StatusAction::Done, "done", arguments, out, err);
}

int runReopen(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    return runStatus("reopen", TaskEdit::StatusAction::Reopen, "reopened", arguments, out, err);
}

} // namespace debrief::cli
