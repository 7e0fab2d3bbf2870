#include "cli/commandline.h"
#include "cli/editcommands.h"
#include "cli/editsupport.h"

namespace debrief::cli {

namespace {

const char *const editUsage = "Usage: debrief edit FILE:LINE [--text T] [--owner NAME|none] [--due DATE|none]\n"
                              "                  [--scheduled DATE|none] [--start DATE|none]\n"
                              "                  [--priority highest|high|medium|low|lowest|none]\n";

} // namespace

int runEdit(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    if (wantsHelp(arguments,
                  {QStringLiteral("--text"), QStringLiteral("--owner"), QStringLiteral("--due"),
                   QStringLiteral("--scheduled"), QStringLiteral("--start"), QStringLiteral("--priority")})) {
        out << CommandLine::help(QStringLiteral("edit"));
        return 0;
    }
    std::optional<Target> target;
    NoteEdit edit = NoteEdit::change(0);
    bool any = false;
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        QString option = arguments.at(i);
        QString value;
        if (option.startsWith(u"--")) {
            const std::optional<QString> taken = takeOptionValue(arguments, i, option);
            if (!taken) {
                err << "debrief edit: " << option << " needs a value\n" << editUsage;
                return 1;
            }
            value = *taken;
        } else if (!target) {
            target = parseTarget(option);
            if (!target) {
                err << "debrief edit: expected FILE:LINE, got '" << option << "'\n" << editUsage;
                return 1;
            }
            continue;
        } else {
            err << "debrief edit: unexpected argument '" << option << "'\n" << editUsage;
            return 1;
        }

        const bool none = value.compare(QLatin1StringView("none"), Qt::CaseInsensitive) == 0;
        if (option == u"--text") {
            edit.text = value;
        } else if (option == u"--owner") {
            edit.owner = none ? QString() : value;
        } else if (option == u"--due" || option == u"--scheduled" || option == u"--start") {
            const std::optional<QDate> date = parseDate(value);
            if (!date) {
                err << "debrief edit: " << option << " takes a date like 2026-11-21 or none, not '" << value << "'\n";
                return 1;
            }
            (option == u"--due" ? edit.due : option == u"--scheduled" ? edit.scheduled : edit.start) = *date;
        } else if (option == u"--priority") {
            const std::optional<Priority> priority = priorityFromName(value);
            if (!priority) {
                err << "debrief edit: --priority takes highest, high, medium, low, lowest or none, not '" << value
                    << "'\n";
                return 1;
            }
            edit.priority = *priority;
        } else {
            err << "debrief edit: unknown option " << option << '\n' << editUsage;
            return 1;
        }
        any = true;
    }
    if (!target || !any) {
        err << editUsage;
        return 1;
    }
    edit.line = target->line;
    const std::optional<QDate> day = today(err);
    if (!day)
        return 1;
    return applyEdits({{*target, edit}}, QStringLiteral("edited"), *day, out, err);
}

} // namespace debrief::cli
