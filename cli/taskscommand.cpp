#include "cli/taskscommand.h"

#include "cli/notejson.h"
#include "cli/texttable.h"
#include "vault/vault.h"

#include <QCommandLineParser>
#include <QDir>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>

#include <optional>

namespace debrief {

namespace {

const char helpText[] = "Usage: debrief tasks VAULT [--status LIST] [--owner NAME] [--due-before DATE] [--json]\n"
                        "\n"
                        "Lists the action items of every note in the folder VAULT, ordered by file path, then line.\n"
                        "\n"
                        "Options:\n"
                        "  --status LIST      Comma-separated statuses: proposed, open, in_progress, done,\n"
                        "                     cancelled, other, or all (default: proposed,open,in_progress)\n"
                        "  --owner NAME       Only items owned by NAME (@NAME; exact name, any case)\n"
                        "  --due-before DATE  Only items due strictly before DATE (YYYY-MM-DD)\n"
                        "  --json             Print a JSON array of action items, each with its note's \"path\"\n"
                        "  -h, --help         Show this help\n"
                        "\n"
                        "Exit status: 0 listed (even when nothing matches), 1 usage error,\n"
                        "2 the folder cannot be read.\n";

const char allStatusNames[] = "proposed, open, in_progress, done, cancelled, other or all";

struct Filter
{
    QSet<TaskStatus> statuses;
    QString owner;   // empty: anyone
    QDate dueBefore; // invalid: any due date, or none

    bool matches(const ActionItem &item) const
    {
        if (!statuses.contains(item.status))
            return false;
        if (!owner.isEmpty() && item.owner.compare(owner, Qt::CaseInsensitive) != 0)
            return false;
        if (dueBefore.isValid() && !(item.due.isValid() && item.due < dueBefore))
            return false;
        return true;
    }
};

// The statuses named in `list`, or nullopt with `error` set.
std::optional<QSet<TaskStatus>> parseStatuses(const QString &list, QString *error)
{
    QSet<TaskStatus> statuses;
    for (const QString &part : list.split(u',')) {
        const QString name = part.trimmed();
        if (name.compare(u"all", Qt::CaseInsensitive) == 0) {
            for (TaskStatus status : {TaskStatus::Proposed, TaskStatus::Open, TaskStatus::InProgress, TaskStatus::Done,
                                      TaskStatus::Cancelled, TaskStatus::Other}) {
                statuses.insert(status);
            }
        } else if (const std::optional<TaskStatus> status = statusFromName(name)) {
            statuses.insert(*status);
        } else {
            *error = name.isEmpty() ? QStringLiteral("empty status in --status '%1'").arg(list)
                                    : QStringLiteral("unknown status '%1'").arg(name);
            return std::nullopt;
        }
    }
    return statuses;
}

std::optional<QDate> parseDate(const QString &text)
{
    static const QRegularExpression shape(QStringLiteral("^\\d{4}-\\d{2}-\\d{2}$"));
    const QDate date = QDate::fromString(text, Qt::ISODate);
    if (!shape.match(text).hasMatch() || !date.isValid())
        return std::nullopt;
    return date;
}

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
    const QCommandLineOption statusOption(QStringLiteral("status"), QString(), QStringLiteral("LIST"));
    const QCommandLineOption ownerOption(QStringLiteral("owner"), QString(), QStringLiteral("NAME"));
    const QCommandLineOption dueBeforeOption(QStringLiteral("due-before"), QString(), QStringLiteral("DATE"));
    const QCommandLineOption jsonOption(QStringLiteral("json"));
    const QCommandLineOption helpOption(QStringList{QStringLiteral("h"), QStringLiteral("help")});
    parser.addOptions({statusOption, ownerOption, dueBeforeOption, jsonOption, helpOption});
    if (!parser.parse(QStringList{QStringLiteral("tasks")} + arguments))
        return usageError(err, parser.errorText());
    if (parser.isSet(helpOption)) {
        out << helpText;
        return 0;
    }
    const QStringList folders = parser.positionalArguments();
    if (folders.size() != 1)
        return usageError(err,
                          folders.isEmpty() ? QStringLiteral("missing VAULT") : QStringLiteral("expected one VAULT"));

    Filter filter;
    QString error;
    const std::optional<QSet<TaskStatus>> statuses = parseStatuses(
        parser.isSet(statusOption) ? parser.value(statusOption) : QStringLiteral("proposed,open,in_progress"), &error);
    if (!statuses)
        return usageError(err, error + QStringLiteral(" (expected ") + QLatin1StringView(allStatusNames) + u')');
    filter.statuses = *statuses;
    if (parser.isSet(ownerOption)) {
        filter.owner = parser.value(ownerOption).trimmed();
        if (filter.owner.startsWith(u'@'))
            filter.owner.remove(0, 1);
        if (filter.owner.isEmpty())
            return usageError(err, QStringLiteral("empty name for --owner"));
    }
    if (parser.isSet(dueBeforeOption)) {
        const std::optional<QDate> date = parseDate(parser.value(dueBeforeOption));
        if (!date) {
            return usageError(err,
                              QStringLiteral("invalid date '%1' for --due-before (expected YYYY-MM-DD)")
                                  .arg(parser.value(dueBeforeOption)));
        }
        filter.dueBefore = *date;
    }

    const Vault vault = Vault::load(folders.constFirst());
    if (!vault.isValid()) {
        const QString reason = vault.diagnostics().isEmpty()
            ? QStringLiteral("cannot read folder '%1'").arg(folders.constFirst())
            : vault.diagnostics().constFirst().message;
        err << "debrief tasks: " << reason << '\n';
        return 2;
    }
    // Unreadable folders and notes are not fatal, but the list may be missing items: say so.
    for (const Diagnostic &problem : vault.diagnostics())
        err << "debrief tasks: warning: " << problem.message << '\n';
    for (const Note &note : vault.notes()) {
        if (!note.parsed && !note.diagnostics.isEmpty())
            err << "debrief tasks: warning: '" << note.path << "': " << note.diagnostics.constFirst().message << '\n';
    }

    const QDir root(vault.root());
    if (parser.isSet(jsonOption)) {
        // Streamed item by item, in QJsonDocument's indented array layout: a vault of 10,000
        // notes would otherwise hold every item's JSON in memory at once.
        out << "[\n";
        bool first = true;
        for (const Note &note : vault.notes()) {
            for (const ActionItem &item : note.actionItems) {
                if (!filter.matches(item))
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
            if (!filter.matches(item))
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
