#include "cli/duplicatescommand.h"

#include "cli/vaultload.h"
#include "search/restateditems.h"
#include "search/wordrarity.h"
#include "vault/meetinggroups.h"
#include "vault/vault.h"

#include <QCommandLineParser>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>

namespace debrief {

namespace {

const char helpText[] =
    "Usage: debrief duplicates VAULT [--json]\n"
    "\n"
    "Finds the notes of the folder VAULT that record the same meeting, and within each meeting the\n"
    "action items that say the same thing in other words, with a score (0-1) and the words that\n"
    "made it.\n"
    "\n"
    "Two notes record one meeting when they have the same date and either name the same source\n"
    "(source_ref, the *Source:* line or a link to a transcript note, by file name) or share most\n"
    "participants (case and accents aside; an empty person: is no evidence).\n"
    "\n"
    "Options:\n"
    "  --json       Print a JSON array: {\"date\", \"notes\", \"reason\", \"items\": [{\"a\", \"b\",\n"
    "               \"score\", \"words\"}]}, a and b each {\"path\", \"line\", \"text\"}\n"
    "  -h, --help   Show this help\n"
    "\n"
    "Exit status: 0 listed (even when nothing is found), 1 usage error, 2 the folder cannot be read.\n";

int usageError(QTextStream &err, const QString &message)
{
    err << "debrief duplicates: " << message << "\nTry 'debrief duplicates --help'.\n";
    return 1;
}

struct Meeting
{
    MeetingGroup group;
    QList<ItemPair> pairs;
};

double rounded(double score)
{
    return std::round(score * 1000.0) / 1000.0;
}

QJsonObject sideJson(const ItemPair::Side &side)
{
    return QJsonObject{
        {QStringLiteral("path"), side.path}, {QStringLiteral("line"), side.line}, {QStringLiteral("text"), side.text}};
}

void printJson(const QList<Meeting> &meetings, QTextStream &out)
{
    QJsonArray array;
    for (const Meeting &meeting : meetings) {
        QJsonArray items;
        for (const ItemPair &pair : meeting.pairs) {
            items.append(QJsonObject{{QStringLiteral("a"), sideJson(pair.a)},
                                     {QStringLiteral("b"), sideJson(pair.b)},
                                     {QStringLiteral("score"), rounded(pair.score)},
                                     {QStringLiteral("words"), QJsonArray::fromStringList(pair.words)}});
        }
        array.append(QJsonObject{{QStringLiteral("date"), meeting.group.date.toString(Qt::ISODate)},
                                 {QStringLiteral("notes"), QJsonArray::fromStringList(meeting.group.paths)},
                                 {QStringLiteral("reason"), meeting.group.reason},
                                 {QStringLiteral("items"), items}});
    }
    out << QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented));
}

void printText(const QList<Meeting> &meetings, const QDir &root, QTextStream &out)
{
    int pairs = 0;
    for (const Meeting &meeting : meetings) {
        out << meeting.group.date.toString(Qt::ISODate) << "  " << meeting.group.paths.size()
            << " notes of one meeting (" << meeting.group.reason << ")\n";
        for (const QString &path : meeting.group.paths)
            out << "    " << root.relativeFilePath(path) << '\n';
        for (const ItemPair &pair : meeting.pairs) {
            ++pairs;
            const QString a = root.relativeFilePath(pair.a.path) + u':' + QString::number(pair.a.line);
            const QString b = root.relativeFilePath(pair.b.path) + u':' + QString::number(pair.b.line);
            out << "  " << QString::number(pair.score, 'f', 2) << "  " << a << "  " << pair.a.text << '\n';
            out << "        " << b << "  " << pair.b.text << '\n';
            out << "        shared: " << pair.words.join(QStringLiteral(", ")) << '\n';
        }
        if (meeting.pairs.isEmpty())
            out << "  no restated action items\n";
        out << '\n';
    }
    if (meetings.isEmpty()) {
        out << "No meeting has more than one note in " << QDir::toNativeSeparators(root.path()) << ".\n";
        return;
    }
    out << meetings.size() << (meetings.size() == 1 ? " meeting" : " meetings") << " with more than one note, " << pairs
        << (pairs == 1 ? " restated action item pair\n" : " restated action item pairs\n");
}

} // namespace

int DuplicatesCommand::run(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    const QCommandLineOption jsonOption(QStringLiteral("json"));
    const QCommandLineOption helpOption(QStringList{QStringLiteral("h"), QStringLiteral("help")});
    parser.addOptions({jsonOption, helpOption});
    if (!parser.parse(QStringList{QStringLiteral("duplicates")} + arguments))
        return usageError(err, parser.errorText());
    if (parser.isSet(helpOption)) {
        out << helpText;
        return 0;
    }
    const QStringList folders = parser.positionalArguments();
    if (folders.size() != 1)
        return usageError(err,
                          folders.isEmpty() ? QStringLiteral("missing VAULT") : QStringLiteral("expected one VAULT"));

    // Unreadable folders and notes are not fatal, but a meeting may be missing a note: loadVault says so.
    const std::optional<Vault> loaded = cli::loadVault(QStringLiteral("duplicates"), folders.constFirst(), err);
    if (!loaded)
        return 2;
    const Vault &vault = *loaded;

    QList<Meeting> meetings;
    QList<QList<const Note *>> notesOf;
    QList<const Note *> grouped;
    for (const MeetingGroup &group : MeetingGroups::find(vault.notes(), vault.root())) {
        QList<const Note *> notes;
        for (const QString &path : group.paths)
            notes.append(vault.note(path));
        grouped += notes;
        notesOf.append(notes);
        meetings.append(Meeting{group, {}});
    }
    // Rarity is counted only for the words the grouped notes' items use.
    const WordRarity rarity = WordRarity::count(vault.notes(), RestatedItems::wordsOf(grouped));
    const QList<QList<ItemPair>> pairs = RestatedItems::findEach(notesOf, rarity);
    for (qsizetype i = 0; i < meetings.size(); ++i)
        meetings[i].pairs = pairs[i];

    if (parser.isSet(jsonOption))
        printJson(meetings, out);
    else
        printText(meetings, QDir(vault.root()), out);
    return 0;
}

} // namespace debrief
