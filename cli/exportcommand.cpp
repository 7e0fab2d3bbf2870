#include "cli/commandline.h"
#include "cli/editcommands.h"
#include "cli/editsupport.h"
#include "cli/taskselection.h"
#include "cli/vaultload.h"
#include "edit/outputfile.h"
#include "export/taskexport.h"
#include "search/searchindex.h"
#include "search/searchquery.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QSet>

namespace debrief::cli {

namespace {

const char helpText[] =
    "Usage: debrief export VAULT [--format ics|csv|json|md] [--status LIST] [--owner NAME]\n"
    "                            [--due-before DATE] [--query QUERY] [--me NAME] [--add-ids] [-o FILE]\n"
    "\n"
    "Writes the action items of the folder VAULT in an open format, to standard output or FILE,\n"
    "meetings in path order, each meeting's items in line order:\n"
    "  ics   iCalendar (RFC 5545): one VTODO per item, for Thunderbird, GNOME, KDE, Apple Reminders\n"
    "  csv   RFC 4180, UTF-8 with a header row; cells starting with = + - @ cannot run as formulas\n"
    "  json  an array of items, each with its meeting's title, date and file\n"
    "  md    a task list grouped by owner, each item linking back to its note\n"
    "\n"
    "Options:\n"
    "  --format F         ics, csv, json or md (default: the suffix of FILE)\n"
    "%1"
    "  --query QUERY      Only items a search query finds (as 'debrief search' reads it): the action\n"
    "                     items it lists; with note fields alone (date:, tag:, with:, path:, title:),\n"
    "                     every item of the notes it matches\n"
    "  --me NAME          Who owner:me is in the query (default: Myself)\n"
    "  --add-ids          Give each exported item without an id an Obsidian block id (\" ^t-1a2b3c\" at\n"
    "                     the end of its line, written into its note) so that its calendar UID survives\n"
    "                     edits of its text; without it, such an item's UID follows its text\n"
    "  -o, --output FILE  Write to FILE, replaced only once the export is complete\n"
    "  -h, --help         Show this help\n"
    "\n"
    "Exit status: 0 exported (even when nothing matches), 1 usage error or malformed query,\n"
    "2 the folder cannot be read or FILE cannot be written, 3 a block id could not be written\n"
    "(its note changed meanwhile; nothing was exported).\n";

int usageError(QTextStream &err, const QString &message)
{
    err << "debrief export: " << message << "\nTry 'debrief export --help'.\n";
    return 1;
}

// What --query selects: action items by (relative path, line), or whole notes.
struct QuerySelection
{
    QSet<std::pair<QString, int>> items;
    QSet<QString> notes;
    bool wholeNotes = false;

    bool matches(const QString &relativePath, const ActionItem &item) const
    {
        return wholeNotes ? notes.contains(relativePath) : items.contains({relativePath, item.line});
    }
};

// A query of note fields alone has titles as hits, not items: it selects its notes' items.
bool selectsNotes(const SearchQuery &query)
{
    if (query.itemMode())
        return false;
    for (const QList<QueryTerm> &clause : query.clauses) {
        for (const QueryTerm &term : clause) {
            if (term.isText() && !term.negated)
                return false;
        }
    }
    return true;
}

std::optional<QuerySelection> runQuery(const QString &folder, const SearchQuery &query, QTextStream &err)
{
    SearchIndex index(folder, SearchIndex::Options{});
    if (!index.open()) {
        err << "debrief export: cannot read folder '" << folder << "'\n";
        return std::nullopt;
    }
    SearchResult result = index.search(query, 0);
    if (result.damaged && index.rebuild())
        result = index.search(query, 0);
    if (!index.openStats().cacheWarning.isEmpty())
        err << "debrief export: " << index.openStats().cacheWarning << '\n';
    QuerySelection selection;
    selection.wholeNotes = selectsNotes(query);
    for (const SearchHit &hit : std::as_const(result.hits)) {
        selection.notes.insert(hit.path);
        if (hit.isActionItem)
            selection.items.insert({hit.path, hit.line});
    }
    return selection;
}

// A block id for an item that has none: from its note and line text, so that exporting twice
// before the ids are written proposes the same ids; never one the note already uses.
QString newBlockId(const QString &relativePath, const ActionItem &item, QSet<QString> &taken)
{
    for (int salt = 0;; ++salt) {
        QByteArray key = relativePath.toUtf8() + '\n' + item.raw;
        if (salt)
            key += '\n' + QByteArray::number(salt);
        const QString id = QStringLiteral("t-")
            + QString::fromLatin1(QCryptographicHash::hash(key, QCryptographicHash::Sha1).toHex().left(6));
        if (!taken.contains(id)) {
            taken.insert(id);
            return id;
        }
    }
}

} // namespace

int runExport(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    const QCommandLineOption formatOption(QStringLiteral("format"), QString(), QStringLiteral("F"));
    const QCommandLineOption queryOption(QStringLiteral("query"), QString(), QStringLiteral("QUERY"));
    const QCommandLineOption meOption(QStringLiteral("me"), QString(), QStringLiteral("NAME"));
    const QCommandLineOption addIdsOption(QStringLiteral("add-ids"));
    const QCommandLineOption outputOption(QStringList{QStringLiteral("o"), QStringLiteral("output")}, QString(),
                                          QStringLiteral("FILE"));
    const QCommandLineOption helpOption(QStringList{QStringLiteral("h"), QStringLiteral("help")});
    parser.addOptions(TaskSelection::options());
    parser.addOptions({formatOption, queryOption, meOption, addIdsOption, outputOption, helpOption});
    if (!parser.parse(QStringList{QStringLiteral("export")} + arguments))
        return usageError(err, parser.errorText());
    if (parser.isSet(helpOption)) {
        out << QString::fromLatin1(helpText).arg(QLatin1StringView(TaskSelection::helpLines()));
        return 0;
    }
    const QStringList folders = parser.positionalArguments();
    if (folders.size() != 1)
        return usageError(err,
                          folders.isEmpty() ? QStringLiteral("missing VAULT") : QStringLiteral("expected one VAULT"));
    const QString output = parser.value(outputOption);
    if (parser.isSet(outputOption) && output.isEmpty())
        return usageError(err, QStringLiteral("empty FILE for -o"));
    const QString formatName = parser.isSet(formatOption) ? parser.value(formatOption) : QFileInfo(output).suffix();
    const std::optional<TaskExport::Format> format = TaskExport::formatFromName(formatName);
    if (!format) {
        return usageError(err,
                          formatName.isEmpty()
                              ? QStringLiteral("missing --format (ics, csv, json or md)")
                              : QStringLiteral("unknown format '%1' (expected ics, csv, json or md)").arg(formatName));
    }
    QString error;
    const std::optional<TaskSelection> selection = TaskSelection::read(parser, &error);
    if (!selection)
        return usageError(err, error);
    std::optional<SearchQuery> query;
    if (parser.isSet(queryOption)) {
        const QString me = parser.isSet(meOption) ? parser.value(meOption).trimmed() : QStringLiteral("Myself");
        if (me.isEmpty())
            return usageError(err, QStringLiteral("--me needs a name"));
        query = SearchQuery::parse(parser.value(queryOption), me);
        for (const QString &problem : query->errors)
            err << "debrief export: " << problem << '\n';
        if (!query->errors.isEmpty())
            return 1;
    }
    const std::optional<QDate> day = today(err);
    if (!day)
        return 1;

    const std::optional<Vault> loaded = loadVault(QStringLiteral("export"), folders.constFirst(), err);
    if (!loaded)
        return 2;
    std::optional<QuerySelection> found;
    if (query && !(found = runQuery(loaded->root(), *query, err)))
        return 2;

    QList<Note> notes = loaded->notes();
    const QDir root(loaded->root());
    const auto selected = [&](const Note &note) {
        QList<ActionItem> items;
        const QString relative = root.relativeFilePath(note.path);
        for (const ActionItem &item : note.actionItems) {
            if (selection->matches(item) && (!found || found->matches(relative, item)))
                items.append(item);
        }
        return items;
    };

    if (parser.isSet(addIdsOption)) {
        QList<std::pair<Target, NoteEdit>> edits;
        QHash<QString, qsizetype> changed; // note path -> index in notes
        for (qsizetype i = 0; i < notes.size(); ++i) {
            const Note &note = notes.at(i);
            QSet<QString> taken;
            for (const ActionItem &item : note.actionItems)
                taken.insert(item.blockId);
            const QString relative = root.relativeFilePath(note.path);
            for (const ActionItem &item : selected(note)) {
                if (!item.blockId.isEmpty() || !item.id.isEmpty())
                    continue;
                NoteEdit edit = NoteEdit::change(item.line, item.raw);
                edit.blockId = newBlockId(relative, item, taken);
                edits.append({Target{note.path, item.line}, edit});
                changed.insert(note.path, i);
            }
        }
        if (!edits.isEmpty()) {
            // The messages go to standard error: standard output may be the export itself.
            if (const int code = applyEdits(edits, QStringLiteral("given a block id"), *day, err, err); code != 0)
                return code;
            for (auto it = changed.cbegin(); it != changed.cend(); ++it)
                notes[it.value()] = Vault::readNote(it.key());
        }
    }

    QList<ExportItem> items;
    for (const Note &note : std::as_const(notes)) {
        for (const ActionItem &item : selected(note))
            items.append(ExportItem::from(note, item, loaded->root()));
    }
    TaskExport::Options options;
    options.vaultName = root.dirName();
    options.appVersion = QStringLiteral(DEBRIEF_VERSION);
    const QByteArray bytes = TaskExport::write(*format, items, options);
    if (output.isEmpty() || output == u"-") {
        out.flush();
        out << QString::fromUtf8(bytes);
        return 0;
    }
    if (const EditError written = OutputFile::write(output, bytes); written.isError()) {
        err << "debrief export: " << written.message << '\n';
        return 2;
    }
    err << "debrief export: " << items.size() << (items.size() == 1 ? " action item" : " action items")
        << " written to " << QDir::toNativeSeparators(output) << '\n';
    return 0;
}

} // namespace debrief::cli
