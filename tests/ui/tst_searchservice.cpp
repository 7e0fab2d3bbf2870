// SearchService runs every index job on one worker thread; what the Search view waits on must
// always finish, whatever the user does meanwhile.
#include "session/searchservice.h"

#include <QDir>
#include <QFile>
#include <QFutureWatcher>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace debrief;

class TestSearchService final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void searchQueuedBehindABuildFinishesWhenAnotherVaultOpens();

private:
    static void writeNotes(const QString &folder, int count, const QByteArray &word)
    {
        for (int i = 0; i < count; ++i) {
            QFile file(QDir(folder).filePath(QStringLiteral("note %1.md").arg(i)));
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("# Meeting " + QByteArray::number(i) + "\n\n## Summary\nWe talked about " + word
                       + " and the plan.\n\n## Action Items\n- [?] Follow up on " + word + ". @Ann Lee #task\n");
        }
    }
};

void TestSearchService::searchQueuedBehindABuildFinishesWhenAnotherVaultOpens()
{
    QTemporaryDir first;
    QTemporaryDir second;
    QVERIFY(first.isValid() && second.isValid());
    writeNotes(first.path(), 400, "gearbox");
    writeNotes(second.path(), 3, "turbine");

    SearchService service;
    service.open(first.path()); // a cold build: the search below queues behind it
    QFutureWatcher<SearchResult> queued;
    queued.setFuture(service.search(QStringLiteral("gearbox"), 10, QStringLiteral("Myself")));
    service.open(second.path());

    // The search queued behind the first build must still finish, and later ones see the second vault.
    QTRY_VERIFY_WITH_TIMEOUT(queued.isFinished(), 30000);
    QTRY_VERIFY_WITH_TIMEOUT(service.isReady(), 30000);
    const SearchResult result = service.search(QStringLiteral("turbine"), 10, QStringLiteral("Myself")).result();
    QCOMPARE(result.total, 6); // the summary and the action item of each of the three notes
    for (const SearchHit &hit : result.hits)
        QVERIFY2(hit.path.startsWith(second.path()), qPrintable(hit.path));
}

QTEST_MAIN(TestSearchService)
#include "tst_searchservice.moc"
