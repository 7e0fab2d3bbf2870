// What `debrief duplicates` costs on a large vault: generates N notes shaped like real meeting
// notes, of which every k-th gets a companion (a person page of the same meeting: same date,
// participants and source_ref, some items restated with words dropped and moved, some new),
// then times each phase in this process: Vault::load, MeetingGroups::find, WordRarity::count,
// RestatedItems::find. Prints JSON.
//   bench_duplicates [--notes 10000] [--companion-every 10] [--vault DIR | --generate-into DIR] [--runs 3]
#include "base/memorytuning.h"
#include "search/restateditems.h"
#include "search/wordrarity.h"
#include "vault/meetinggroups.h"
#include "vault/vault.h"
#include "vaultgenerator.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <random>

using namespace debrief;

namespace {

// The item's description with about a quarter of its words dropped and its two halves swapped:
// the same task in other words, as a second pipeline writes it.
QString restated(const QString &description, std::mt19937_64 &random)
{
    QStringList words = description.split(u' ', Qt::SkipEmptyParts);
    std::uniform_int_distribution<int> coin(0, 3);
    QStringList kept;
    for (const QString &word : words) {
        if (coin(random) != 0 || kept.isEmpty())
            kept.append(word);
    }
    const qsizetype half = kept.size() / 2;
    return (kept.mid(half) + kept.mid(0, half)).join(u' ');
}

// Writes a companion beside `path`; `other` lends it items that are no restatement.
bool writeCompanion(const QString &path, const QString &other, int n, std::mt19937_64 &random)
{
    QFile file(path);
    QFile lender(other);
    if (!file.open(QIODevice::ReadOnly) || !lender.open(QIODevice::ReadOnly))
        return false;
    const QStringList lines = QString::fromUtf8(file.readAll()).split(u'\n');
    QStringList lent;
    for (const QString &line : QString::fromUtf8(lender.readAll()).split(u'\n')) {
        if (line.startsWith(u"- ["))
            lent.append(line);
    }
    QString text;
    bool inFrontmatter = false;
    std::uniform_int_distribution<int> coin(0, 1);
    for (const QString &line : lines) {
        if (line == u"---" && text.isEmpty()) {
            inFrontmatter = true;
            text += line + u'\n';
            continue;
        }
        if (inFrontmatter) {
            if (line == u"---")
                inFrontmatter = false;
            text += line.startsWith(u"title:") ? QStringLiteral("title: Person page %1").arg(n) : line;
            text += u'\n';
            if (!inFrontmatter)
                text += QStringLiteral("\n# Person page %1\n\n## Action Items\n").arg(n);
            continue;
        }
        if (!line.startsWith(u"- ["))
            continue;
        // "- [?] Description. @Owner 📅 date #task #proposed": restate the description.
        const qsizetype at = line.indexOf(u" @");
        if (at < 0 || coin(random) == 0)
            continue;
        const QString description = line.mid(6, at - 6);
        text += QStringLiteral("- [?] ") + restated(description, random) + line.mid(at) + u'\n';
    }
    for (qsizetype i = 0; i < std::min<qsizetype>(3, lent.size()); ++i)
        text += lent[i] + u'\n';
    QFile out(QFileInfo(path).path() + QStringLiteral("/Person page %1.md").arg(n));
    const QByteArray bytes = text.toUtf8();
    return out.open(QIODevice::WriteOnly) && out.write(bytes) == bytes.size();
}

} // namespace

int main(int argc, char *argv[])
{
    debrief::tuneMemoryAllocator();
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("debrief duplicates benchmark"));
    parser.addHelpOption();
    parser.addOption({QStringLiteral("notes"), QStringLiteral("Notes in all, companions included."),
                      QStringLiteral("n"), QStringLiteral("10000")});
    parser.addOption({QStringLiteral("companion-every"), QStringLiteral("One companion per this many notes (0: none)."),
                      QStringLiteral("k"), QStringLiteral("10")});
    parser.addOption(
        {QStringLiteral("vault"), QStringLiteral("Use this folder instead of generating one."), QStringLiteral("dir")});
    parser.addOption({QStringLiteral("generate-into"), QStringLiteral("Generate into this (empty) folder and keep it."),
                      QStringLiteral("dir")});
    parser.addOption({QStringLiteral("runs"), QStringLiteral("Runs to time (the best is reported too)."),
                      QStringLiteral("n"), QStringLiteral("3")});
    parser.process(app);

    QTemporaryDir scratch;
    QString root = parser.value(QStringLiteral("vault"));
    if (root.isEmpty()) {
        root = parser.isSet(QStringLiteral("generate-into")) ? parser.value(QStringLiteral("generate-into"))
                                                             : scratch.path();
        const int total = std::max(1, parser.value(QStringLiteral("notes")).toInt());
        const int every = std::max(0, parser.value(QStringLiteral("companion-every")).toInt());
        const int originals = every > 0 ? total - total / (every + 1) : total;
        QElapsedTimer timer;
        timer.start();
        bench::generateVault(root, originals, 42);
        QStringList paths;
        QDirIterator it(root, {QStringLiteral("*.md")}, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext())
            paths.append(it.next());
        paths.sort();
        std::mt19937_64 random(7);
        int companions = 0;
        for (qsizetype i = 0; every > 0 && i < paths.size() && companions < total - originals; i += every) {
            if (writeCompanion(paths[i], paths[(i + 1) % paths.size()], companions, random))
                ++companions;
        }
        std::fprintf(stderr, "generated %d notes and %d companions in %lld ms\n", originals, companions,
                     static_cast<long long>(timer.elapsed()));
    }

    QJsonArray runs;
    qint64 best = -1;
    qsizetype notes = 0;
    qsizetype meetings = 0;
    qsizetype pairs = 0;
    for (int run = 0; run < std::max(1, parser.value(QStringLiteral("runs")).toInt()); ++run) {
        QElapsedTimer timer;
        timer.start();
        const Vault vault = Vault::load(root);
        const qint64 loadMs = timer.elapsed();
        const QList<MeetingGroup> groups = MeetingGroups::find(vault.notes(), vault.root());
        const qint64 groupMs = timer.elapsed() - loadMs;
        QList<QList<const Note *>> notesOf;
        QList<const Note *> grouped;
        for (const MeetingGroup &group : groups) {
            QList<const Note *> list;
            for (const QString &path : group.paths)
                list.append(vault.note(path));
            grouped += list;
            notesOf.append(list);
        }
        const WordRarity rarity = WordRarity::count(vault.notes(), RestatedItems::wordsOf(grouped));
        const qint64 rarityMs = timer.elapsed() - loadMs - groupMs;
        pairs = 0;
        for (const QList<ItemPair> &found : RestatedItems::findEach(notesOf, rarity))
            pairs += found.size();
        const qint64 totalMs = timer.elapsed();
        runs.append(QJsonObject{{QStringLiteral("load_ms"), loadMs},
                                {QStringLiteral("group_ms"), groupMs},
                                {QStringLiteral("rarity_ms"), rarityMs},
                                {QStringLiteral("pair_ms"), totalMs - loadMs - groupMs - rarityMs},
                                {QStringLiteral("total_ms"), totalMs}});
        best = best < 0 ? totalMs : std::min(best, totalMs);
        notes = vault.notes().size();
        meetings = groups.size();
    }
    const QJsonObject result{
        {QStringLiteral("vault"), root},
        {QStringLiteral("notes"), qint64(notes)},
        {QStringLiteral("meetings_with_several_notes"), qint64(meetings)},
        {QStringLiteral("item_pairs"), qint64(pairs)},
        {QStringLiteral("runs"), runs},
        {QStringLiteral("best_total_ms"), best},
    };
    std::printf("%s", QJsonDocument(result).toJson(QJsonDocument::Indented).constData());
    return 0;
}
