#include "cli/taskscommand.h"

#include "cli/notejson.h"
#include "cli/taskselection.h"
#include "cli/texttable.h"
#include "cli/vaultload.h"

#include <QCommandLineParser>
#include <QDir>
#include <QJsonDocument>

#include <optional>

namespace debrief {

namespace {

const char helpText[] = "Usage: debrief tasks VAULT [--status LIST] [--owner NAME] [--due-before DATE] [--json]\n"
                        "\n"
                        "Lists the action items of every note in the folder VAULT, ordered by file path, then line.\n"
                        "\n"
                        "Options:\n"
                        "%1"
                        "  --json             Print a JSON array of action items, each with its note's \"path\"\n"
                        "  -h, --help         Show this help\n"
                        "\n"
                        "Exit status: 0 listed (even when nothing matches), 1 usage error,\n"
                        "2 the folder cannot be read.\n";

int usageError(QTextStream &err, const QString &message)
{
    err << "debrief tasks: " << message << "\nTry 'debrief tasks --help'.\n";
    return 1;
}

QString statusColumn(const ActionItem &item)
{
    return u'[' + item.statusChar + QStringLiteral("] ") + statusName(item.status);
}

} // namespace

int TasksCommand::run(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    const QCommandLineOption jsonOption(QStringLiteral("json"));
    const QCommandLineOption helpOption(QStringList{QStringLiteral("h"), QStringLiteral("help")});
    parser.addOptions(TaskSelection::options());
    parser.addOptions({jsonOption, helpOption});
    if (!parser.parse(QStringList{QStringLiteral("tasks")} + arguments))
        return usageError(err, parser.errorText());
    if (parser.isSet(helpOption)) {
        out << QString::fromLatin1(helpText).arg(QLatin1StringView(TaskSelection::helpLines()));
        return 0;
    }
    const QStringList folders = parser.positionalArguments();
    if (folders.size() != 1)
        return usageError(err,
                          folders.isEmpty() ? QStringLiteral("missing VAULT") : QStringLiteral("expected one VAULT"));
    QString error;
    const std::optional<TaskSelection> filter = TaskSelection::read(parser, &error);
    if (!filter)
        return usageError(err, error);

    const std::optional<Vault> loaded = cli::loadVault(QStringLiteral("tasks"), folders.constFirst(), err);
    if (!loaded)
        return 2;
    const Vault &vault = *loaded;
    const QDir root(vault.root());
    if (parser.isSet(jsonOption)) {
        // Streamed item by item, in QJsonDocument's indented array layout: a vault of 10,000
        // notes would otherwise hold every item's JSON in memory at once.
        out << "[\n";
        bool first = true;
        for (const Note &note : vault.notes()) {
            for (const ActionItem &item : note.actionItems) {
                if (!filter->matches(item))
                    continue;
                QJsonObject object = NoteJson::fromActionItem(item);
                object.insert(QStringLiteral("path"), note.path);
                QByteArray json = QJsonDocument(object).toJson(QJsonDocument::Indented);
                json.chop(1); // the document's final newline
                json.replace("\n", "\n    ");
                out << (first ? "    " : ",\n    ") << QString::fromUtf8(json);
                first = false;
            }
        }
        out << (first ? "]\n" : "\n]\n");
        return 0;
    }

    TextTable table;
    table.setMaxWidth(2, 20);
    table.setMaxWidth(3, 60);
    table.addRow({QStringLiteral("STATUS"), QStringLiteral("DUE"), QStringLiteral("OWNER"),
                  QStringLiteral("ACTION ITEM"), QStringLiteral("WHERE")});
    int count = 0;
    for (const Note &note : vault.notes()) {
        const QString where = root.relativeFilePath(note.path);
        for (const ActionItem &item : note.actionItems) {
            if (!filter->matches(item))
                continue;
            ++count;
            table.addRow({statusColumn(item), item.due.isValid() ? item.due.toString(Qt::ISODate) : QStringLiteral("-"),
                          item.owner.isEmpty() ? QStringLiteral("-") : item.owner, item.text,
                          where + u':' + QString::number(item.line)});
        }
    }
    if (count == 0) {
        out << "No matching action items in " << QDir::toNativeSeparators(vault.root()) << ".\n";
        return 0;
    }
    out << table.toString();
    out << '\n' << count << (count == 1 ? " action item\n" : " action items\n");
    return 0;
}

} // namespace debrief
