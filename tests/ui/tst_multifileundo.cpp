// One undo step over several files is all or nothing: when one file changed outside so that its
// part cannot be replayed, the files already replayed are put back, the failure names the file,
// and the step stays where it was on the undo stack, ready for another try.
#include "edit/notefile.h"
#include "session/session.h"
#include "testfiles.h"

#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace debrief;
using namespace debrief::test;

namespace {

const QByteArray kickoff = QByteArrayLiteral("---\n"
                                             "title: Kickoff\n"
                                             "date: 2025-09-01\n"
                                             "---\n"
                                             "## Action Items\n"
                                             "- [?] Draft the charter. @Ines #task #proposed\n"
                                             "- [ ] Reserve a room. @Tomas\n");

const QByteArray vendors = QByteArrayLiteral("---\n"
                                             "title: Vendors\n"
                                             "date: 2025-09-03\n"
                                             "---\n"
                                             "## Action Items\n"
                                             "- [ ] Compare the quotes. @Ravi\n"
                                             "- [?] Order the badges. @Ravi #proposed\n");

// What another program writes over the line the step accepted.
QByteArray changedOutside(QByteArray bytes)
{
    bytes.replace("Draft the charter.", "Draft the charter by Friday.");
    bytes.replace("Order the badges.", "Order the badges and lanyards.");
    return bytes;
}

} // namespace

class TestMultiFileUndo final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir *m_dir = nullptr;
    Session *m_session = nullptr;
    QStringList m_paths;

    // The proposed item of each of the first `files` notes, accepted in one step.
    bool acceptInOneStep(int files)
    {
        QList<ItemRef> items;
        for (const QString &path : m_paths.first(files)) {
            const Note *note = m_session->note(path);
            if (!note)
                return false;
            for (const ActionItem &item : note->actionItems) {
                if (item.status == TaskStatus::Proposed)
                    items.append(ItemRef{path, item.line, item.raw, item.text});
            }
        }
        return m_session->editItems(
            items,
            [](const ItemRef &item) {
                return NoteEdit::setStatus(item.line, TaskEdit::StatusAction::Accept, item.raw);
            },
            QStringLiteral("Accept"));
    }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        m_dir = new QTemporaryDir;
        QVERIFY(m_dir->isValid());
        m_paths = {m_dir->filePath(QStringLiteral("2025-09-01 Kickoff.md")),
                   m_dir->filePath(QStringLiteral("2025-09-03 Vendors.md"))};
        QVERIFY(writeFile(m_paths.at(0), kickoff));
        QVERIFY(writeFile(m_paths.at(1), vendors));
        m_session = new Session;
        m_session->setToday(QDate(2026, 11, 21));
        QSignalSpy loaded(m_session, &Session::loaded);
        m_session->open(m_dir->path());
        QVERIFY(loaded.wait(10000));
    }

    void cleanup()
    {
        delete m_session;
        delete m_dir;
    }

    void refusedStepStaysWhereItWas_data()
    {
        QTest::addColumn<int>("files");    // in the step
        QTest::addColumn<int>("changed");  // the file changed outside
        QTest::addColumn<bool>("redoing"); // the refused move is a redo (else an undo)

        QTest::newRow("undo, second of two files changed") << 2 << 1 << false;
        QTest::newRow("undo, first of two files changed") << 2 << 0 << false;
        QTest::newRow("redo, second of two files changed") << 2 << 1 << true;
        QTest::newRow("redo, first of two files changed") << 2 << 0 << true;
        QTest::newRow("undo, the only file changed") << 1 << 0 << false;
        QTest::newRow("redo, the only file changed") << 1 << 0 << true;
    }

    void refusedStepStaysWhereItWas()
    {
        QFETCH(int, files);
        QFETCH(int, changed);
        QFETCH(bool, redoing);
        QUndoStack *stack = m_session->undoStack();

        const QList<QByteArray> originals = {kickoff, vendors};
        QVERIFY(acceptInOneStep(files));
        QCOMPARE(stack->count(), 1);
        QList<QByteArray> accepted;
        for (const QString &path : m_paths)
            accepted.append(readFile(path));
        for (int i = 0; i < files; ++i)
            QVERIFY(accepted.at(i) != originals.at(i));
        if (redoing) {
            stack->undo();
            for (int i = 0; i < 2; ++i)
                QCOMPARE(readFile(m_paths.at(i)), originals.at(i));
        }
        // The files as they are before the refused move, and where the stack stands.
        const QList<QByteArray> before = redoing ? originals : accepted;
        const int index = stack->index();

        const QString outsidePath = m_paths.at(changed);
        const QByteArray outside = changedOutside(before.at(changed));
        QVERIFY(outside != before.at(changed));
        QVERIFY(writeFile(outsidePath, outside));

        QSignalSpy failed(m_session, &Session::failed);
        if (redoing)
            stack->redo();
        else
            stack->undo();

        // Nothing moved: every file holds what it held, the other program's change included.
        for (int i = 0; i < 2; ++i)
            QCOMPARE(readFile(m_paths.at(i)), i == changed ? outside : before.at(i));
        QCOMPARE(failed.size(), 1);
        QCOMPARE(failed.at(0).at(1).toString(), outsidePath);
        QVERIFY2(failed.at(0).at(0).toString().contains(QFileInfo(outsidePath).fileName()),
                 qPrintable(failed.at(0).at(0).toString()));
        QCOMPARE(stack->count(), 1);
        QCOMPARE(stack->index(), index);
        QCOMPARE(stack->canUndo(), !redoing);
        QCOMPARE(stack->canRedo(), redoing);
        // The session shows what the files hold.
        QVERIFY(m_session->note(outsidePath));
        QCOMPARE(m_session->note(outsidePath)->stamp.hash, NoteFile::read(outsidePath).stamp.hash);

        // Once the other program's change is gone, the same step goes through, in every file.
        QVERIFY(writeFile(outsidePath, before.at(changed)));
        if (redoing)
            stack->redo();
        else
            stack->undo();
        QCOMPARE(failed.size(), 1);
        const QList<QByteArray> after = redoing ? accepted : originals;
        for (int i = 0; i < 2; ++i)
            QCOMPARE(readFile(m_paths.at(i)), after.at(i));
        QCOMPARE(stack->index(), redoing ? 1 : 0);
    }
};

QTEST_MAIN(TestMultiFileUndo)
#include "tst_multifileundo.moc"
