#include "cli/editcommands.h"
#include "cli/editsupport.h"
#include "cli/taskselection.h"
#include "cli/vaultload.h"
#include "edit/outputfile.h"
#include "export/followup.h"

#include <QCommandLineParser>
#include <QDir>

namespace debrief::cli {

namespace {

const char helpText[] =
    "Usage: debrief followup VAULT [--owner NAME] [--since DATE] [-o FILE]\n"
    "\n"
    "Writes a Markdown follow-up message to paste into an email or a chat: for one person, or one\n"
    "section per owner, their unfinished action items (proposed, open, in progress): first the new\n"
    "ones, from meetings since DATE; then the overdue ones, from any meeting, most overdue first;\n"
    "then the rest still open; each with its meeting and due date. Then the decisions of the\n"
    "meetings since DATE that the person owns an item in or took part in.\n"
    "\n"
    "Options:\n"
    "  --owner NAME       Only NAME (@NAME; exact name, any case); default: everyone with open items\n"
    "  --since DATE       Meetings on or after DATE (YYYY-MM-DD) are new; default: the last 7 days\n"
    "  -o, --output FILE  Write to FILE, replaced only once it is complete\n"
    "  -h, --help         Show this help\n"
    "\n"
    "Exit status: 0 written (also when nothing is open), 1 usage error, 2 the folder cannot be read\n"
    "or FILE cannot be written.\n";

int usageError(QTextStream &err, const QString &message)
{
    err << "debrief followup: " << message << "\nTry 'debrief followup --help'.\n";
    return 1;
}

} // namespace

int runFollowUp(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    const QCommandLineOption ownerOption(QStringLiteral("owner"), QString(), QStringLiteral("NAME"));
    const QCommandLineOption sinceOption(QStringLiteral("since"), QString(), QStringLiteral("DATE"));
    const QCommandLineOption outputOption(QStringList{QStringLiteral("o"), QStringLiteral("output")}, QString(),
                                          QStringLiteral("FILE"));
    const QCommandLineOption helpOption(QStringList{QStringLiteral("h"), QStringLiteral("help")});
    parser.addOptions({ownerOption, sinceOption, outputOption, helpOption});
    if (!parser.parse(QStringList{QStringLiteral("followup")} + arguments))
        return usageError(err, parser.errorText());
    if (parser.isSet(helpOption)) {
        out << helpText;
        return 0;
    }
    const QStringList folders = parser.positionalArguments();
    if (folders.size() != 1)
        return usageError(err,
                          folders.isEmpty() ? QStringLiteral("missing VAULT") : QStringLiteral("expected one VAULT"));
    const std::optional<QDate> day = today(err);
    if (!day)
        return 1;
    FollowUp::Options options;
    options.today = *day;
    options.since = day->addDays(-7);
    if (parser.isSet(ownerOption)) {
        options.owner = parser.value(ownerOption).trimmed();
        if (options.owner.startsWith(u'@'))
            options.owner.remove(0, 1);
        if (options.owner.isEmpty())
            return usageError(err, QStringLiteral("empty name for --owner"));
    }
    if (parser.isSet(sinceOption)) {
        const std::optional<QDate> since = TaskSelection::parseDate(parser.value(sinceOption));
        if (!since) {
            return usageError(
                err,
                QStringLiteral("invalid date '%1' for --since (expected YYYY-MM-DD)").arg(parser.value(sinceOption)));
        }
        options.since = *since;
    }
    const QString output = parser.value(outputOption);
    if (parser.isSet(outputOption) && output.isEmpty())
        return usageError(err, QStringLiteral("empty FILE for -o"));

    const std::optional<Vault> vault = loadVault(QStringLiteral("followup"), folders.constFirst(), err);
    if (!vault)
        return 2;
    const QString text = FollowUp::compose(vault->notes(), options);
    if (output.isEmpty() || output == u"-") {
        out << text;
        return 0;
    }
    if (const EditError written = OutputFile::write(output, text.toUtf8()); written.isError()) {
        err << "debrief followup: " << written.message << '\n';
        return 2;
    }
    return 0;
}

} // namespace debrief::cli
