// The search cache when other programs get at it: truncated while a search maps it, or
// something that is not a file where the cache goes. The search answers, and never crashes
// or hangs.
#include "search/searchindex.h"
#include "testfiles.h"

#include <QDir>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace debrief;
using namespace debrief::test;

namespace {

QByteArray meeting(int n)
{
    return "---\ntype: meeting\ntitle: Planning " + QByteArray::number(n) + "\ndate: '2026-03-0" + QByteArray::number(n)
        + "'\n---\n\n## Summary\nThe budget for quarter " + QByteArray::number(n)
        + " was agreed.\n\n## Action Items\n- [ ] Send the budget sheet. @Noor Haddad #task\n";
}

QStringList hitPaths(const SearchResult &result)
{
    QStringList paths;
    for (const SearchHit &hit : result.hits)
        paths.append(hit.path);
    paths.removeDuplicates();
    paths.sort();
    return paths;
}

} // namespace

class TestSearchCache final : public QObject
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

    QStringList expected()
    {
        SearchIndex::Options options;
        options.useCache = false;
        SearchIndex fresh(m_vault, options);
        return fresh.open() ? hitPaths(fresh.search(QStringLiteral("budget"), 0)) : QStringList{};
    }

private Q_SLOTS:
    void init()
    {
        static int run = 0; // a fresh vault and cache for every row
        ++run;
        m_vault = m_dir.filePath(QStringLiteral("vault-%1").arg(run));
        m_cache = m_dir.filePath(QStringLiteral("cache-%1").arg(run));
        for (int n = 1; n <= 3; ++n)
            QVERIFY(writeFile(m_vault + QStringLiteral("/m%1.md").arg(n), meeting(n)));
    }

    void truncatedWhileMapped_data()
    {
        QTest::addColumn<QString>("program");
        QTest::addColumn<QStringList>("arguments");
        // truncate(1) opens without blocking and gives up; truncate(2) by path waits its turn.
        QTest::newRow("truncate command")
            << QStringLiteral("truncate") << QStringList{QStringLiteral("-s"), QStringLiteral("64")};
        QTest::newRow("truncate system call")
            << QStringLiteral("python3")
            << QStringList{QStringLiteral("-c"), QStringLiteral("import os, sys; os.truncate(sys.argv[1], 64)")};
    }

    void truncatedWhileMapped()
    {
        QFETCH(QString, program);
        QFETCH(QStringList, arguments);
        if (QStandardPaths::findExecutable(program).isEmpty())
            QSKIP("the program that truncates is not installed");
        QString cacheFile;
        {
            SearchIndex first(m_vault, cached());
            QVERIFY(first.open());
            cacheFile = first.cacheFile();
        }
        SearchIndex index(m_vault, cached());
        QVERIFY(index.open());
        QVERIFY(index.openStats().fromCache);

        // Another program truncates the cache between the open and the query.
        QProcess truncate;
        truncate.start(program, arguments << cacheFile);
        QVERIFY(truncate.waitForStarted());
        // Once it asks, the index stops reading the file (it says "damaged" rather than crash).
        QTRY_VERIFY_WITH_TIMEOUT(index.search(QStringLiteral("budget"), 0).damaged, 10000);

        const SearchResult result = index.searchOrRepair(QStringLiteral("budget"), 0, {});
        QVERIFY(!result.damaged);
        QCOMPARE(hitPaths(result), expected());
        QCOMPARE(hitPaths(result).size(), 3);
        // Whether it truncated or gave up, it is not left waiting.
        QTRY_COMPARE_WITH_TIMEOUT(truncate.state(), QProcess::NotRunning, 10000);

        // The next open finds the truncated file, says why and rebuilds.
        SearchIndex again(m_vault, cached());
        QVERIFY(again.open());
        QCOMPARE(hitPaths(again.search(QStringLiteral("budget"), 0)), expected());
    }

    void notAFileAtTheCachePath_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::newRow("a folder") << QStringLiteral("folder");
        QTest::newRow("a named pipe") << QStringLiteral("fifo");
    }

    void notAFileAtTheCachePath()
    {
        QFETCH(QString, kind);
        const QString cacheFile = SearchIndex(m_vault, cached()).cacheFile();
        QVERIFY(QDir().mkpath(QFileInfo(cacheFile).absolutePath()));
        if (kind == QStringLiteral("folder"))
            QVERIFY(QDir().mkdir(cacheFile));
        else
            QCOMPARE(::mkfifo(qPrintable(cacheFile), 0600), 0);

        SearchIndex index(m_vault, cached());
        QVERIFY(index.open()); // no hang on the pipe, and the vault is not blamed
        QCOMPARE(index.openStats().cacheProblem, QStringLiteral("not a file"));
        QVERIFY2(index.openStats().cacheWarning.contains(QStringLiteral("is not a file")),
                 qPrintable(index.openStats().cacheWarning));
        QCOMPARE(hitPaths(index.search(QStringLiteral("budget"), 0)), expected());
        QCOMPARE(hitPaths(index.search(QStringLiteral("budget"), 0)).size(), 3);
    }
};

QTEST_GUILESS_MAIN(TestSearchCache)
#include "tst_searchcache.moc"
