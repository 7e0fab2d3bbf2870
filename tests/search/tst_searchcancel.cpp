// Stopping a search index build from another thread (the app quitting while it indexes): the
// build ends at its next batch, keeps no cache file, and a later open builds it whole.
#include "search/searchindex.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>

using namespace debrief;

class TestSearchCancel final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void buildStopsWhenCancelled_data()
    {
        QTest::addColumn<bool>("useCache");
        QTest::newRow("cache file") << true;
        QTest::newRow("in memory") << false;
    }

    void buildStopsWhenCancelled()
    {
        QFETCH(bool, useCache);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString vault = dir.filePath(QStringLiteral("vault"));
        QVERIFY(QDir().mkpath(vault));
        // Several batches' worth, so that there is a batch left to skip.
        constexpr int notes = 700;
        for (int i = 0; i < notes; ++i) {
            QFile file(QStringLiteral("%1/note-%2.md").arg(vault).arg(i));
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("# Note " + QByteArray::number(i) + "\n\nThe budget, once more.\n");
        }

        std::atomic<bool> cancelled{false};
        SearchIndex::Options options;
        options.cacheDirectory = dir.filePath(QStringLiteral("cache"));
        options.useCache = useCache;
        options.cancelled = &cancelled;
        SearchIndex index(vault, options);
        int calls = 0;
        int lastDone = 0;
        const bool opened = index.open([&](int done, int total) {
            ++calls;
            lastDone = done;
            QCOMPARE(total, notes);
            cancelled = true; // as the UI thread does when the app quits
        });
        QVERIFY(!opened);
        QCOMPARE(calls, 1);
        QVERIFY(lastDone < notes);
        if (useCache) {
            QVERIFY(!QFile::exists(index.cacheFile()));
            QCOMPARE(QDir(options.cacheDirectory).entryList(QDir::Files), QStringList());
        }

        // Not cancelled: the whole vault is indexed.
        cancelled = false;
        SearchIndex again(vault, options);
        QVERIFY(again.open());
        QCOMPARE(again.noteCount(), notes);
        QVERIFY(!again.search(QStringLiteral("budget"), 0).hits.isEmpty());
        QCOMPARE(QFile::exists(again.cacheFile()), useCache);
    }
};

QTEST_GUILESS_MAIN(TestSearchCancel)
#include "tst_searchcancel.moc"
