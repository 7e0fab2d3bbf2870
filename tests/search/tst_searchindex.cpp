// The search index's life: the cache file, updates after files change, ranking order.

#include "search/searchindex.h"
#include "testfiles.h"
#include "vault/vault.h"

#include <QDir>
#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

#include <memory>

using namespace debrief;
using namespace debrief::test;

namespace {

const QStringList sampleQueries{
    QStringLiteral("budget"),
    QStringLiteral("cafe"),
    QStringLiteral("\"revised budget\""),
    QStringLiteral("quarter*"),
    QStringLiteral("owner:bob -status:done"),
    QStringLiteral("due:2025"),
    QStringLiteral("with:ann"),
    QStringLiteral("section:decisions"),
    QStringLiteral("hiring OR beta"),
    QStringLiteral("budget -hiring"),
    QStringLiteral("tag:project"),
    QStringLiteral("path:people"),
};

bool copyTree(const QString &from, const QString &to)
{
    QDir source(from);
    if (!QDir().mkpath(to))
        return false;
    for (const QFileInfo &info : source.entryInfoList(QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot)) {
        const QString target = to + u'/' + info.fileName();
        if (info.isDir() ? !copyTree(info.filePath(), target) : !QFile::copy(info.filePath(), target))
            return false;
    }
    return true;
}

QStringList describe(const SearchResult &result)
{
    QStringList lines;
    for (const SearchHit &hit : result.hits)
        lines.append(
            QStringLiteral("%1:%2 %3 %4").arg(hit.path).arg(hit.line).arg(blockKindName(hit.kind)).arg(hit.score));
    return lines;
}

} // namespace

class TestSearchIndex : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_vault;
    QString m_cache;

    SearchIndex::Options cached() const
    {
        SearchIndex::Options options;
        options.cacheDirectory = m_cache;
        return options;
    }

    static SearchIndex::Options uncached()
    {
        SearchIndex::Options options;
        options.useCache = false;
        return options;
    }

    // Every sample query gives the same hits, scores included, as an index built without a cache.
    void compareWithFreshIndex(const SearchIndex &index)
    {
        SearchIndex fresh(m_vault, uncached());
        QVERIFY(fresh.open());
        for (const QString &query : sampleQueries) {
            const SearchResult a = index.search(query, 0);
            const SearchResult b = fresh.search(query, 0);
            QVERIFY2(!a.damaged, qPrintable(query));
            QCOMPARE(describe(a), describe(b));
            QCOMPARE(a.hits, b.hits);
        }
    }

    QStringList paths(const SearchIndex &index, const QString &query)
    {
        QStringList list;
        for (const SearchHit &hit : index.search(query, 0).hits)
            list.append(hit.path);
        list.removeDuplicates();
        list.sort();
        return list;
    }

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_vault = m_dir.filePath(QStringLiteral("vault-%1").arg(QString::fromLatin1(QTest::currentTestFunction())));
        m_cache = m_dir.filePath(QStringLiteral("cache-%1").arg(QString::fromLatin1(QTest::currentTestFunction())));
        QDir(m_vault).removeRecursively();
        QDir(m_cache).removeRecursively();
        QVERIFY(copyTree(QStringLiteral(DEBRIEF_FIXTURES "/search/vault"), m_vault));
    }

    void cacheIsReusedAndIdentical()
    {
        {
            SearchIndex first(m_vault, cached());
            QVERIFY(first.open());
            QVERIFY(!first.openStats().fromCache);
            QCOMPARE(first.openStats().reread, 4);
            QVERIFY(QFile::exists(first.cacheFile()));
            QVERIFY(first.cacheFile().startsWith(m_cache));
            QVERIFY(!first.cacheFile().startsWith(m_vault)); // never inside the vault
        }
        SearchIndex second(m_vault, cached());
        QVERIFY(second.open());
        QVERIFY(second.openStats().fromCache);
        QCOMPARE(second.openStats().reread, 0);
        compareWithFreshIndex(second);
    }

    void defaultCacheFolder()
    {
        QStandardPaths::setTestModeEnabled(true);
        const QString file = SearchIndex::cacheFilePath(QStringLiteral("/some/vault"));
        QVERIFY(file.startsWith(QStandardPaths::writableLocation(QStandardPaths::CacheLocation)));
        QVERIFY(file != SearchIndex::cacheFilePath(QStringLiteral("/some/other vault")));
        QStandardPaths::setTestModeEnabled(false);
    }

    void updates_data()
    {
        QTest::addColumn<QString>("change"); // what happens to the vault between two opens
        QTest::newRow("add") << QStringLiteral("add");
        QTest::newRow("change") << QStringLiteral("change");
        QTest::newRow("delete") << QStringLiteral("delete");
        QTest::newRow("rename") << QStringLiteral("rename");
    }

    void updates()
    {
        QFETCH(QString, change);
        const QString budget = QStringLiteral("Meetings/2025-10-02 Budget review.md");
        {
            SearchIndex index(m_vault, cached());
            QVERIFY(index.open());
        }
        if (change == u"add") {
            QVERIFY(writeFile(m_vault + QStringLiteral("/Meetings/New.md"), "# New\n\nThe walrus budget.\n"));
        } else if (change == u"change") {
            QFile file(m_vault + u'/' + budget);
            QVERIFY(file.open(QIODevice::Append));
            file.write("\n## Notes\n\nA walrus appeared.\n");
        } else if (change == u"delete") {
            QVERIFY(QFile::remove(m_vault + u'/' + budget));
        } else {
            QVERIFY(QFile::rename(m_vault + u'/' + budget, m_vault + QStringLiteral("/Meetings/Renamed.md")));
        }

        SearchIndex index(m_vault, cached());
        QVERIFY(index.open());
        QVERIFY(index.openStats().fromCache);
        QCOMPARE(index.openStats().reread, change == u"delete" ? 0 : 1);
        if (change == u"add") {
            QCOMPARE(paths(index, QStringLiteral("walrus")), QStringList{QStringLiteral("Meetings/New.md")});
        } else if (change == u"change") {
            QCOMPARE(paths(index, QStringLiteral("walrus")), QStringList{budget});
        } else if (change == u"delete") {
            QCOMPARE(paths(index, QStringLiteral("hiring")), QStringList{});
        } else {
            QCOMPARE(paths(index, QStringLiteral("hiring")), QStringList{QStringLiteral("Meetings/Renamed.md")});
        }
        compareWithFreshIndex(index);

        // And the merged cache, read again, agrees too.
        SearchIndex again(m_vault, cached());
        QVERIFY(again.open());
        QCOMPARE(again.openStats().reread, 0);
        compareWithFreshIndex(again);
    }

    // The app hands over the notes it parsed; one changed on disk since is read again.
    void openFromParsedNotes()
    {
        const Vault vault = Vault::load(m_vault);
        QVERIFY(!vault.notes().isEmpty());
        const QString budget = QStringLiteral("Meetings/2025-10-02 Budget review.md");
        QFile file(m_vault + u'/' + budget);
        QVERIFY(file.open(QIODevice::Append));
        file.write("\n## Notes\n\nA walrus appeared.\n");
        file.close();

        SearchIndex index(m_vault, cached());
        QVERIFY(index.open(vault.notes()));
        QVERIFY(!index.openStats().fromCache);
        QCOMPARE(paths(index, QStringLiteral("walrus")), QStringList{budget});
        compareWithFreshIndex(index);

        SearchIndex again(m_vault, cached());
        QVERIFY(again.open(vault.notes()));
        QVERIFY(again.openStats().fromCache);
        QCOMPARE(again.openStats().reread, 0);
        compareWithFreshIndex(again);
    }

    void updateAndRemoveThroughTheApi()
    {
        SearchIndex index(m_vault, cached());
        QVERIFY(index.open());
        const QString added = m_vault + QStringLiteral("/Meetings/Added.md");
        QVERIFY(writeFile(added, "# Added\n\n- [ ] Feed the walrus. @Ann Lee #task\n"));
        index.updateNote(Vault::readNote(added));
        QCOMPARE(paths(index, QStringLiteral("owner:ann walrus")), QStringList{QStringLiteral("Meetings/Added.md")});

        const QString budget = m_vault + QStringLiteral("/Meetings/2025-10-02 Budget review.md");
        QVERIFY(writeFile(budget, "# Budget review\n\nNothing about hiring any more, only a walrus.\n"));
        index.updateNote(Vault::readNote(budget));
        QCOMPARE(paths(index, QStringLiteral("walrus")).size(), 2);
        QCOMPARE(paths(index, QStringLiteral("freeze")), QStringList{});

        QVERIFY(QFile::remove(added));
        index.removeNote(added);
        QCOMPARE(paths(index, QStringLiteral("walrus")),
                 QStringList{QStringLiteral("Meetings/2025-10-02 Budget review.md")});
        compareWithFreshIndex(index);

        QVERIFY(index.save());
        SearchIndex reopened(m_vault, cached());
        QVERIFY(reopened.open());
        QCOMPARE(reopened.openStats().reread, 0);
        compareWithFreshIndex(reopened);
    }

    void damagedCache_data()
    {
        QTest::addColumn<QString>("damage");
        QTest::newRow("empty file") << QStringLiteral("empty");
        QTest::newRow("truncated") << QStringLiteral("truncate");
        QTest::newRow("header byte") << QStringLiteral("header");
        QTest::newRow("table byte") << QStringLiteral("tables");
        QTest::newRow("text byte") << QStringLiteral("text");
        QTest::newRow("postings byte") << QStringLiteral("postings");
        QTest::newRow("garbage") << QStringLiteral("garbage");
        QTest::newRow("old format") << QStringLiteral("version");
    }

    void damagedCache()
    {
        QFETCH(QString, damage);
        QString file;
        {
            SearchIndex index(m_vault, cached());
            QVERIFY(index.open());
            file = index.cacheFile();
        }
        QFile cache(file);
        QVERIFY(cache.open(QIODevice::ReadWrite));
        QByteArray bytes = cache.readAll();
        const qsizetype size = bytes.size();
        if (damage == u"empty")
            bytes.clear();
        else if (damage == u"truncate")
            bytes.truncate(size / 2);
        else if (damage == u"header")
            bytes[20] = char(bytes[20] ^ 0x55);
        else if (damage == u"tables")
            bytes[300] = char(bytes[300] ^ 0x55);
        else if (damage == u"text")
            bytes[size * 3 / 4] = char(bytes[size * 3 / 4] ^ 0x55);
        else if (damage == u"postings")
            bytes[size - 3] = char(bytes[size - 3] ^ 0x55);
        else if (damage == u"garbage")
            bytes.fill('x');
        else
            bytes[8] = char(bytes[8] + 1);
        cache.resize(0);
        cache.seek(0);
        cache.write(bytes);
        cache.close();

        SearchIndex index(m_vault, cached());
        QVERIFY(index.open());
        // Damage found on open is rebuilt at once; damage found while reading a query is
        // reported, and searchOrRepair() rebuilds and asks again.
        SearchIndex fresh(m_vault, uncached());
        QVERIFY(fresh.open());
        for (const QString &query : sampleQueries) {
            const SearchResult result = index.searchOrRepair(query, 0);
            QVERIFY(!result.damaged);
            QCOMPARE(describe(result), describe(fresh.search(query, 0)));
        }
    }

    void cacheOfAnotherVault()
    {
        const QString other = m_dir.filePath(QStringLiteral("other-vault"));
        QDir(other).removeRecursively();
        QVERIFY(writeFile(other + QStringLiteral("/Only.md"), "# Only\n\nA single note about hiring.\n"));
        QString otherCache;
        {
            SearchIndex index(other, cached());
            QVERIFY(index.open());
            otherCache = index.cacheFile();
        }
        // Put the other vault's cache where this vault's belongs.
        SearchIndex probe(m_vault, cached());
        QDir().mkpath(QFileInfo(probe.cacheFile()).absolutePath());
        QFile::remove(probe.cacheFile());
        QVERIFY(QFile::copy(otherCache, probe.cacheFile()));

        SearchIndex index(m_vault, cached());
        QVERIFY(index.open());
        QVERIFY(!index.openStats().fromCache);
        QCOMPARE(index.openStats().cacheProblem, QStringLiteral("another vault"));
        QCOMPARE(paths(index, QStringLiteral("hiring")),
                 QStringList{QStringLiteral("Meetings/2025-10-02 Budget review.md")});
        compareWithFreshIndex(index);
    }

    void ranking_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QStringList>("order"); // path:line of the hits, best first
        const QString budget = QStringLiteral("Meetings/2025-10-02 Budget review.md");
        const QString roadmap = QStringLiteral("Meetings/2025-11-15 Roadmap sync.md");
        const QString offsite = QStringLiteral("Meetings/2024-06-01 Offsite.md");
        // Title, then the action item, then the "# Roadmap sync" heading, then the longer summary.
        QTest::newRow("title beats action beats text")
            << QStringLiteral("roadmap")
            << QStringList{roadmap + QStringLiteral(":0"), roadmap + QStringLiteral(":15"),
                           roadmap + QStringLiteral(":8"), roadmap + QStringLiteral(":12")};
        // A decision outweighs a summary paragraph holding the same word.
        QTest::newRow("decision beats summary")
            << QStringLiteral("beta") << QStringList{roadmap + QStringLiteral(":19"), roadmap + QStringLiteral(":12")};
        // Equal scores: the newer meeting first.
        QTest::newRow("newer meeting wins ties")
            << QStringLiteral("status:open")
            << QStringList{roadmap + QStringLiteral(":16"), budget + QStringLiteral(":21")};
        // Notes matched by a field only show their title; undated notes come last.
        QTest::newRow("ties by date, titles")
            << QStringLiteral("path:e")
            << QStringList{roadmap + QStringLiteral(":0"), budget + QStringLiteral(":0"),
                           offsite + QStringLiteral(":0"), QStringLiteral("People/Ann Lee.md:1")};
    }

    void ranking()
    {
        QFETCH(QString, query);
        QFETCH(QStringList, order);
        SearchIndex index(m_vault, uncached());
        QVERIFY(index.open());
        QStringList got;
        for (const SearchHit &hit : index.search(query, 0).hits)
            got.append(QStringLiteral("%1:%2").arg(hit.path).arg(hit.line));
        QCOMPARE(got, order);
    }

    void limit()
    {
        SearchIndex index(m_vault, uncached());
        QVERIFY(index.open());
        const SearchResult all = index.search(QStringLiteral("the"), 0);
        const SearchResult two = index.search(QStringLiteral("the"), 2);
        QCOMPARE(two.hits.size(), 2);
        QCOMPARE(two.total, all.total);
        QCOMPARE(two.hits, all.hits.mid(0, 2));
    }

    void scanIsSortedAndSkipsHiddenFiles()
    {
        QVERIFY(writeFile(m_vault + QStringLiteral("/.obsidian/cache.md"), "hidden"));
        QVERIFY(writeFile(m_vault + QStringLiteral("/.hidden.md"), "hidden"));
        QVERIFY(writeFile(m_vault + QStringLiteral("/Meetings.md"), "x"));
        QVERIFY(writeFile(m_vault + QStringLiteral("/Meetings-old/a.MD"), "x"));
        QVERIFY(writeFile(m_vault + QStringLiteral("/notes.txt"), "x"));
        QVERIFY(QFile::link(m_vault, m_vault + QStringLiteral("/People/loop"))); // a symlink loop
        bool ok = false;
        const QList<VaultScan::File> files = VaultScan::stampNotes(m_vault, &ok);
        QVERIFY(ok);
        QStringList paths;
        for (const VaultScan::File &file : files) {
            paths.append(QString::fromUtf8(file.relativePath));
            QCOMPARE(file.size, QFileInfo(m_vault + u'/' + paths.last()).size());
            QCOMPARE(file.modifiedMsecs, QFileInfo(m_vault + u'/' + paths.last()).lastModified().toMSecsSinceEpoch());
        }
        QStringList sortedPaths = paths;
        std::sort(sortedPaths.begin(), sortedPaths.end(),
                  [](const QString &a, const QString &b) { return a.toUtf8() < b.toUtf8(); });
        QCOMPARE(paths, sortedPaths);
        QCOMPARE(
            paths,
            (QStringList{QStringLiteral("Meetings-old/a.MD"), QStringLiteral("Meetings.md"),
                         QStringLiteral("Meetings/2024-06-01 Offsite.md"),
                         QStringLiteral("Meetings/2025-10-02 Budget review.md"),
                         QStringLiteral("Meetings/2025-11-15 Roadmap sync.md"), QStringLiteral("People/Ann Lee.md")}));
    }

    void unreadableVault()
    {
        SearchIndex index(m_dir.filePath(QStringLiteral("missing")), cached());
        QVERIFY(!index.open());
        QVERIFY(index.search(QStringLiteral("budget")).hits.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestSearchIndex)
#include "tst_searchindex.moc"
