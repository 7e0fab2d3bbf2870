// The review flow, keyboard only, against real files: what each key writes, where the selection
// goes, undo byte for byte, bulk edits, and files changed by someone else.
#include "models/reviewmodel.h"
#include "session/session.h"
#include "testfiles.h"
#include "views/reviewview.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QFile>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>
#include <QUndoStack>

using namespace debrief;
using namespace debrief::test;

namespace {

const QByteArray original =
    QByteArrayLiteral("---\n"
                      "title: Planning\n"
                      "date: 2025-11-02\n"
                      "---\n"
                      "# Planning\n"
                      "\n"
                      "## Summary\n"
                      "We planned the offsite.\n"
                      "\n"
                      "## Action Items\n"
                      "- [?] Confirm the budget. @Ann \xF0\x9F\x93\x85 2025-10-31 #task #proposed\n"
                      "- [?] Book the venue. @Bo #task #proposed\n"
                      "- [?] Send the notes. #task #proposed\n"
                      "- [ ] Already open. @Ann\n");

QByteArray line(const QByteArray &bytes, int number)
{
    return bytes.split('\n').value(number - 1);
}

} // namespace

class TestReviewView final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir *m_dir = nullptr;
    Session *m_session = nullptr;
    ReviewView *m_view = nullptr;
    QAbstractItemModelTester *m_tester = nullptr; // over the queue's model through every edit
    QString m_path;

    void key(int key, Qt::KeyboardModifiers modifiers = Qt::NoModifier)
    {
        QTest::keyClick(m_view->queue(), Qt::Key(key), modifiers);
    }
    QString currentText() const { return m_view->queue()->currentIndex().siblingAtColumn(1).data().toString(); }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        m_dir = new QTemporaryDir;
        QVERIFY(m_dir->isValid());
        m_path = m_dir->filePath(QStringLiteral("2025-11-02 Planning.md"));
        QVERIFY(writeFile(m_path, original));
        m_session = new Session;
        m_session->setToday(QDate(2026, 11, 21));
        QSignalSpy loaded(m_session, &Session::loaded);
        m_session->open(m_dir->path());
        QVERIFY(loaded.wait(10000));
        m_view = new ReviewView(m_session);
        m_tester =
            new QAbstractItemModelTester(m_view->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        // Ctrl+Z as the main window offers it.
        QAction *undo = m_session->undoStack()->createUndoAction(m_view);
        undo->setShortcut(QKeySequence::Undo);
        undo->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        m_view->addAction(undo);
        m_view->resize(1000, 600);
        m_view->show();
        m_view->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_view));
        m_view->focusQueue();
    }

    void cleanup()
    {
        delete m_tester;
        delete m_view;
        delete m_session;
        delete m_dir;
    }

    void focusLandsOnFirstItem()
    {
        QVERIFY(m_view->queue()->hasFocus());
        QCOMPARE(m_view->remaining(), 3);
        QCOMPARE(m_view->queue()->currentIndex().row(), 0);
        QCOMPARE(currentText(), QStringLiteral("Confirm the budget."));
    }

    void acceptWritesTheLineAndMovesOn()
    {
        key(Qt::Key_A);
        const QByteArray bytes = readFile(m_path);
        QCOMPARE(line(bytes, 11), QByteArray("- [ ] Confirm the budget. @Ann \xF0\x9F\x93\x85 2025-10-31 #task"));
        // Every other line is as it was.
        QByteArray expected = original;
        expected.replace("- [?] Confirm the budget. @Ann \xF0\x9F\x93\x85 2025-10-31 #task #proposed",
                         "- [ ] Confirm the budget. @Ann \xF0\x9F\x93\x85 2025-10-31 #task");
        QCOMPARE(bytes, expected);
        QCOMPARE(m_view->remaining(), 2);
        QCOMPARE(currentText(), QStringLiteral("Book the venue."));
        QCOMPARE(m_session->undoStack()->undoText(), QStringLiteral("Accept “Confirm the budget.”"));
    }

    void rejectThenUndoRestoresBytes()
    {
        key(Qt::Key_J);
        QCOMPARE(currentText(), QStringLiteral("Book the venue."));
        key(Qt::Key_R);
        QCOMPARE(line(readFile(m_path), 12), QByteArray("- [-] Book the venue. @Bo #task \xE2\x9D\x8C 2026-11-21"));
        QCOMPARE(currentText(), QStringLiteral("Send the notes."));
        key(Qt::Key_K);
        QCOMPARE(currentText(), QStringLiteral("Confirm the budget."));
        key(Qt::Key_A);
        QVERIFY(readFile(m_path) != original);
        key(Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(currentText(), QStringLiteral("Confirm the budget.")); // what came back is selected
        key(Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(currentText(), QStringLiteral("Book the venue."));
        QCOMPARE(readFile(m_path), original);
        QCOMPARE(m_view->remaining(), 3);
        // Redo lands the same bytes again.
        m_session->undoStack()->redo();
        QCOMPARE(line(readFile(m_path), 12), QByteArray("- [-] Book the venue. @Bo #task \xE2\x9D\x8C 2026-11-21"));
    }

    void doneMarksTheItem()
    {
        key(Qt::Key_Down);
        key(Qt::Key_D);
        QCOMPARE(line(readFile(m_path), 12), QByteArray("- [x] Book the venue. @Bo #task \xE2\x9C\x85 2026-11-21"));
        QCOMPARE(m_view->remaining(), 2);
    }

    void bulkRejectIsOneStep()
    {
        key(Qt::Key_A, Qt::ControlModifier);
        QCOMPARE(m_view->queue()->selectionModel()->selectedRows().size(), 3);
        key(Qt::Key_R);
        const QByteArray bytes = readFile(m_path);
        QCOMPARE(
            line(bytes, 11),
            QByteArray("- [-] Confirm the budget. @Ann \xF0\x9F\x93\x85 2025-10-31 #task \xE2\x9D\x8C 2026-11-21"));
        QCOMPARE(line(bytes, 12), QByteArray("- [-] Book the venue. @Bo #task \xE2\x9D\x8C 2026-11-21"));
        QCOMPARE(line(bytes, 13), QByteArray("- [-] Send the notes. #task \xE2\x9D\x8C 2026-11-21"));
        QCOMPARE(m_view->remaining(), 0);
        QCOMPARE(m_session->undoStack()->count(), 1);
        QCOMPARE(m_session->undoStack()->undoText(), QStringLiteral("Reject 3 action items"));
        key(Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(readFile(m_path), original);
    }

    void fileChangedOutsideIsReloaded()
    {
        QByteArray changed = original;
        changed.replace("- [ ] Already open.", "- [?] Added elsewhere. #proposed\n- [ ] Already open.");
        QVERIFY(writeFile(m_path, changed)); // in place, as many editors do
        QTRY_COMPARE_WITH_TIMEOUT(m_view->remaining(), 4, 1000);

        // Saved by renaming a new file over the old one, as others do.
        const QString temporary = m_dir->filePath(QStringLiteral(".tmp-save"));
        QVERIFY(writeFile(temporary, original));
        QVERIFY(QFile::remove(m_path));
        QVERIFY(QFile::rename(temporary, m_path));
        QTRY_COMPARE_WITH_TIMEOUT(m_view->remaining(), 3, 1000);
    }

    void outsideChangeBeforeAnEditSurvives()
    {
        QByteArray changed = original;
        changed.replace("We planned the offsite.", "We planned the offsite, and the dinner.");
        QVERIFY(writeFile(m_path, changed));
        key(Qt::Key_A); // before the watcher has told anyone
        const QByteArray bytes = readFile(m_path);
        QVERIFY(bytes.contains("We planned the offsite, and the dinner."));
        QCOMPARE(line(bytes, 11), QByteArray("- [ ] Confirm the budget. @Ann \xF0\x9F\x93\x85 2025-10-31 #task"));
    }
};

QTEST_MAIN(TestReviewView)
#include "tst_reviewview.moc"
