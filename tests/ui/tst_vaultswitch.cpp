// Opening another vault while work on the old one is still under way: whatever the old vault's
// load, rescan or file watcher reports late is dropped, and the session only ever shows the notes
// of the vault it opened last.
#include "session/session.h"
#include "testfiles.h"

#include <QCoreApplication>
#include <QSemaphore>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThreadPool>

#include <atomic>
#include <memory>

using namespace debrief;
using namespace debrief::test;

namespace {

QByteArray noteTitled(const QByteArray &title)
{
    return "---\ntitle: " + title + "\n---\n## Action Items\n- [?] Follow up on " + title + ". #proposed\n";
}

// Holds back the workers of one vault until released.
struct Gate
{
    QString root;
    std::atomic<bool> closed{false};
    QSemaphore entered;
    QSemaphore open;

    void pass(const QString &workerRoot)
    {
        if (workerRoot != root || !closed)
            return;
        entered.release();
        open.acquire();
    }
};

} // namespace

class TestVaultSwitch final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir *m_a = nullptr;
    QTemporaryDir *m_b = nullptr;
    Session *m_session = nullptr;
    std::shared_ptr<Gate> m_gate;

    // Every note path the session names belongs to vault B.
    static bool allInB(const QStringList &paths, const QString &b)
    {
        for (const QString &path : paths) {
            if (!path.startsWith(b + u'/'))
                return false;
        }
        return true;
    }

    QStringList notePaths() const
    {
        QStringList paths;
        for (const Note &note : m_session->notes())
            paths.append(note.path);
        return paths;
    }

    // Lets the held worker finish and delivers what it reports.
    void releaseAndSettle()
    {
        m_gate->closed = false;
        m_gate->open.release();
        QVERIFY(QThreadPool::globalInstance()->waitForDone(10000));
        QCoreApplication::sendPostedEvents();
        QCoreApplication::processEvents();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        // A held worker takes a thread; the other vault's load needs another.
        QThreadPool::globalInstance()->setMaxThreadCount(qMax(4, QThreadPool::globalInstance()->maxThreadCount()));
    }

    void init()
    {
        m_a = new QTemporaryDir;
        m_b = new QTemporaryDir;
        QVERIFY(m_a->isValid() && m_b->isValid());
        for (const char *title : {"Alpha one", "Alpha two", "Alpha three"})
            QVERIFY(writeFile(m_a->filePath(QString::fromLatin1(title) + QStringLiteral(".md")), noteTitled(title)));
        QVERIFY(writeFile(m_b->filePath(QStringLiteral("Beta.md")), noteTitled("Beta")));
        m_gate = std::make_shared<Gate>();
        m_gate->root = QDir::cleanPath(m_a->path());
        m_session = new Session;
        const std::shared_ptr<Gate> gate = m_gate;
        m_session->setWorkerHook([gate](const QString &root) { gate->pass(root); });
    }

    void cleanup()
    {
        if (m_gate->closed) { // a failed test left a worker waiting
            m_gate->closed = false;
            m_gate->open.release();
        }
        QThreadPool::globalInstance()->waitForDone(10000);
        delete m_session;
        delete m_a;
        delete m_b;
    }

    void lateWorkOfTheOldVaultIsDropped_data()
    {
        QTest::addColumn<QString>("late"); // what of vault A reports after B is open

        QTest::newRow("its load") << QStringLiteral("load");
        QTest::newRow("its rescan") << QStringLiteral("rescan");
        QTest::newRow("its file watcher") << QStringLiteral("watcher");
    }

    void lateWorkOfTheOldVaultIsDropped()
    {
        QFETCH(QString, late);
        const QString a = QDir::cleanPath(m_a->path());
        const QString b = QDir::cleanPath(m_b->path());
        QSignalSpy loaded(m_session, &Session::loaded);
        QSignalSpy changed(m_session, &Session::notesChanged);

        if (late == u"load") {
            m_gate->closed = true;
            m_session->open(a);
            QVERIFY(m_gate->entered.tryAcquire(1, 10000)); // A's load is under way, held
        } else {
            m_session->open(a);
            QVERIFY(loaded.wait(10000));
            QCOMPARE(m_session->notes().size(), 3);
            // A note appears in A; the rescan that would find it is held.
            QVERIFY(writeFile(m_a->filePath(QStringLiteral("Alpha four.md")), noteTitled("Alpha four")));
            if (late == u"rescan") {
                m_gate->closed = true;
                m_session->rescan();
                QVERIFY(m_gate->entered.tryAcquire(1, 10000));
            }
        }
        loaded.clear();
        changed.clear();

        m_session->open(b);
        QVERIFY(loaded.wait(10000));
        QCOMPARE(notePaths(), QStringList{b + QStringLiteral("/Beta.md")});

        if (late == u"watcher")
            m_session->refresh({m_a->filePath(QStringLiteral("Alpha four.md"))});
        else
            releaseAndSettle();

        QCOMPARE(m_session->root(), b);
        QCOMPARE(notePaths(), QStringList{b + QStringLiteral("/Beta.md")});
        QCOMPARE(loaded.size(), 1);
        for (const QList<QVariant> &signal : std::as_const(changed))
            QVERIFY2(allInB(signal.at(0).toStringList(), b), qPrintable(signal.at(0).toStringList().join(u' ')));
        // And B still takes in its own changes.
        QVERIFY(writeFile(m_b->filePath(QStringLiteral("Beta two.md")), noteTitled("Beta two")));
        m_session->refresh({m_b->filePath(QStringLiteral("Beta two.md"))});
        QCOMPARE(notePaths().size(), 2);
    }
};

QTEST_MAIN(TestVaultSwitch)
#include "tst_vaultswitch.moc"
