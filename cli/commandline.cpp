#include "cli/commandline.h"

#include "cli/commands.h"
#include "cli/duplicatescommand.h"
#include "cli/editcommands.h"
#include "cli/searchcommand.h"
#include "cli/showcommand.h"
#include "cli/taskscommand.h"

#include <array>

namespace debrief {

namespace {

// Each command adds its row here and lives in its own file.
const std::array<CommandInfo, 15> &commands()
{
    static const std::array<CommandInfo, 15> table{{
        {"show", "show FILE [--vault FOLDER] [--json]", "Show one meeting note", &ShowCommand::run},
        {"tasks", "tasks VAULT [--status LIST] [--owner NAME] [--due-before DATE] [--json]",
         "List the action items of a vault", &TasksCommand::run},
        {"search", "search VAULT QUERY... [--json] [--limit N]", "Search every meeting of a vault, best hits first",
         &SearchCommand::run},
        {"duplicates", "duplicates VAULT [--json]", "Find the notes of one meeting and the action items they restate",
         &DuplicatesCommand::run},
        {"accept", "accept FILE:LINE [FILE:LINE...]", "Accept proposed action items: [ ] and #proposed removed",
         cli::runAccept},
        {"reject", "reject FILE:LINE [FILE:LINE...]",
         "Reject action items: [-], #proposed removed, \u274C today appended", cli::runReject},
        {"done", "done FILE:LINE [FILE:LINE...]", "Tick action items: [x], \u2705 today appended", cli::runDone},
        {"reopen", "reopen FILE:LINE [FILE:LINE...]", "Reopen action items: [ ], done and cancelled dates removed",
         cli::runReopen},
        {"edit",
         "edit FILE:LINE [--text T] [--owner NAME|none] [--due DATE|none] [--scheduled DATE|none] "
         "[--start DATE|none] [--priority highest|high|medium|low|lowest|none]",
         "Change an action item's fields where they stand", cli::runEdit},
        {"add", "add FILE [--section NAME] [--decision] TEXT [--owner NAME] [--due DATE] [--priority P]",
         "Add an action item (or a decision) to its section, in the list's own style", cli::runAdd},
        {"delete", "delete FILE:LINE [FILE:LINE...]", "Delete action items or decisions", cli::runDelete},
        {"repair", "repair FILE... [--dry-run]",
         "Undo mojibake in whole files; --dry-run prints a unified diff and writes nothing", cli::runRepair},
        {"reviewed", "reviewed FILE... [--undo]",
         "Mark meetings reviewed: reviewed: today in the frontmatter; --undo removes it", cli::runReviewed},
        {"export",
         "export VAULT [--format ics|csv|json|md] [--status LIST] [--owner NAME] [--due-before DATE] "
         "[--query QUERY] [--add-ids] [-o FILE]",
         "Export action items to iCalendar, CSV, JSON or Markdown", cli::runExport},
        {"followup", "followup VAULT [--owner NAME] [--since DATE] [-o FILE]",
         "A Markdown follow-up message per person: new, overdue and open items, and decisions", cli::runFollowUp},
    }};
    return table;
}

QString usage()
{
    QString text = QStringLiteral("Usage: debrief COMMAND [OPTIONS]\n\nCommands:\n");
    for (const CommandInfo &command : commands()) {
        text += QStringLiteral("  %1\n      %2\n")
                    .arg(QString::fromUtf8(command.synopsis), QString::fromUtf8(command.summary));
    }
    text += QStringLiteral("\n  --help       Show this help\n  --version    Show the version\n");
    return text;
}

const CommandInfo *findCommand(const QString &name)
{
    for (const CommandInfo &command : commands()) {
        if (name == QLatin1StringView(command.name))
            return &command;
    }
    return nullptr;
}

} // namespace

QString CommandLine::help(const QString &name)
{
    const CommandInfo *command = findCommand(name);
    if (!command)
        return usage();
    return QStringLiteral(
               "Usage: debrief %1\n\n%2.\n\n"
               "Exit codes: 0 done, 1 usage error, 2 a file cannot be read or written, 3 the line is not\n"
               "an action item or the file changed meanwhile. Every file's edits are planned before any is written: a "
               "refused\n"
               "edit writes nothing; only a failing write (a full disk) can leave files named before it edited,\n"
               "and the message names them.\n")
        .arg(QString::fromUtf8(command->synopsis), QString::fromUtf8(command->summary));
}

bool CommandLine::isCommand(const QString &argument)
{
    return findCommand(argument) || argument == u"--help" || argument == u"-h" || argument == u"--version";
}

int CommandLine::run(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    if (arguments.isEmpty()) {
        err << usage();
        return 1;
    }
    const QString &name = arguments.constFirst();
    if (name == u"--help" || name == u"-h") {
        out << usage();
        return 0;
    }
    if (name == u"--version") {
        out << "debrief " << QStringLiteral(DEBRIEF_VERSION) << '\n';
        return 0;
    }
    if (const CommandInfo *command = findCommand(name))
        return command->run(arguments.mid(1), out, err);
    err << "debrief: unknown command '" << name << "'\n\n" << usage();
    return 1;
}

} // namespace debrief
