#include "cli/commandline.h"
#include "cli/editcommands.h"
#include "cli/editsupport.h"

namespace debrief::cli {

namespace {

const char *const addUsage = "Usage: debrief add FILE [--section NAME] [--decision] TEXT [--owner NAME] [--due DATE]\n"
                             "                 [--priority highest|high|medium|low|lowest]\n";

} // namespace

int runAdd(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    if (wantsHelp(arguments,
                  {QStringLiteral("--section"), QStringLiteral("--owner"), QStringLiteral("--due"),
                   QStringLiteral("--priority")})) {
        out << CommandLine::help(QStringLiteral("add"));
        return 0;
    }
    QString file;
    std::optional<QString> text;
    NoteEdit edit = NoteEdit::addActionItem({});
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        QString option = arguments.at(i);
        if (option == u"--decision") {
            edit.kind = NoteEdit::Kind::AddDecision;
            continue;
        }
        if (!option.startsWith(u"--") || option == u"--") {
            if (option == u"--" && i + 1 < arguments.size())
                option = arguments.at(++i); // a TEXT that starts with "--"
            if (file.isEmpty()) {
                file = option;
            } else if (!text) {
                text = option;
            } else {
                err << "debrief add: give TEXT as one argument (quote it)\n" << addUsage;
                return 1;
            }
            continue;
        }
        const std::optional<QString> taken = takeOptionValue(arguments, i, option);
        if (!taken) {
            err << "debrief add: " << option << " needs a value\n" << addUsage;
            return 1;
        }
        const QString &value = *taken;
        if (option == u"--section") {
            edit.section = value;
        } else if (option == u"--owner") {
            edit.owner = value;
        } else if (option == u"--due") {
            const std::optional<QDate> date = parseDate(value);
            if (!date || !date->isValid()) {
                err << "debrief add: --due takes a date like 2026-11-21, not '" << value << "'\n";
                return 1;
            }
            edit.due = *date;
        } else if (option == u"--priority") {
            const std::optional<Priority> priority = priorityFromName(value);
            if (!priority) {
                err << "debrief add: --priority takes highest, high, medium, low or lowest, not '" << value << "'\n";
                return 1;
            }
            edit.priority = *priority;
        } else {
            err << "debrief add: unknown option " << option << '\n' << addUsage;
            return 1;
        }
    }
    if (file.isEmpty() || !text || text->trimmed().isEmpty()) {
        err << addUsage;
        return 1;
    }
    if (edit.kind == NoteEdit::Kind::AddDecision && (edit.owner || edit.due || edit.priority)) {
        err << "debrief add: a decision has no owner, due date or priority\n";
        return 1;
    }
    edit.text = *text;
    const std::optional<QDate> day = today(err);
    if (!day)
        return 1;
    return applyEdits({{Target{file, 0}, edit}}, QStringLiteral("added"), *day, out, err);
}

} // namespace debrief::cli
