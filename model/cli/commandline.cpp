#include "cli/commandline.h"

namespace debrief {

namespace {

const QStringList &commandNames()
{
    static const QStringList names{QStringLiteral("show"), QStringLiteral("tasks")};
    return names;
}

QString usage()
{
    return QStringLiteral(
        "Usage: debrief COMMAND [OPTIONS]\n"
        "\n"
        "Commands:\n"
        "  show FILE [--json]       Print one note: summary, decisions, action items, links\n"
        "  tasks VAULT [--json]     List the action items of every note in a folder\n"
        "\n"
        "  --help                   Show this help\n"
        "  --version                Show the version\n");
}

} // namespace

bool CommandLine::isCommand(const QString &argument)
{
    return commandNames().contains(argument) || argument == u"--help" || argument == u"-h"
        || argument == u"--version";
}

int CommandLine::run(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    if (arguments.isEmpty()) {
        err << usage();
        return 1;
    }
    const QString &command = arguments.constFirst();
    if (command == u"--help" || command == u"-h") {
        out << usage();
        return 0;
    }
    if (command == u"--version") {
        out << "debrief " << QStringLiteral(DEBRIEF_VERSION) << '\n';
        return 0;
    }
    err << "debrief: unknown command '" << command << "'\n\n" << usage();
    return 1;
}

} // namespace debrief
