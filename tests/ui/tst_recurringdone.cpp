// Marking a recurring task done in the app: both lines (the next occurrence and the ticked one)
// are one undo step, and a rule Debrief cannot compute is told through Session::noticed.
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

const QByteArray chores = QByteArrayLiteral("## Action Items\n"
                                            "- [ ] Feed the cat 🔁 every day 📅 2026-11-21\n"
                                            "- [ ] Stretch 🔁 every hour 📅 2026-11-21\n");

} // namespace

class TestRecurringDone final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir *m_dir = nullptr;
    Session *m_session = nullptr;
    QString m_path;

    bool done(int line)
    {
        const Note *note = m_session->note(m_path);
        if (!note)
            return false;
        for (const ActionItem &item : note->actionItems) {
            if (item.line == line)
                return m_session->edit(m_path, {NoteEdit::setStatus(line, TaskEdit::StatusAction::Done, item.raw)},
                                       QStringLiteral("Done"));
        }
        return false;
    }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        m_dir = new QTemporaryDir;
        QVERIFY(m_dir->isValid());
        m_path = m_dir->filePath(QStringLiteral("2026-11-20 Chores.md"));
        QVERIFY(writeFile(m_path, chores));
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

    void bothLinesOneStep()
    {
        QSignalSpy noticed(m_session, &Session::noticed);
        QVERIFY(done(2));
        QCOMPARE(readFile(m_path),
                 QByteArray("## Action Items\n"
                            "- [ ] Feed the cat 🔁 every day 📅 2026-11-22\n"
                            "- [x] Feed the cat 🔁 every day 📅 2026-11-21 ✅ 2026-11-21\n"
                            "- [ ] Stretch 🔁 every hour 📅 2026-11-21\n"));
        QCOMPARE(noticed.count(), 0);
        QCOMPARE(m_session->undoStack()->count(), 1);
        m_session->undoStack()->undo();
        QCOMPARE(readFile(m_path), chores);
    }

    void uncomputableRuleIsTold()
    {
        QSignalSpy noticed(m_session, &Session::noticed);
        QSignalSpy failed(m_session, &Session::failed);
        QVERIFY(done(3));
        QCOMPARE(readFile(m_path),
                 QByteArray("## Action Items\n"
                            "- [ ] Feed the cat 🔁 every day 📅 2026-11-21\n"
                            "- [x] Stretch 🔁 every hour 📅 2026-11-21 ✅ 2026-11-21\n"));
        QCOMPARE(failed.count(), 0);
        QCOMPARE(noticed.count(), 1);
        QVERIFY(noticed.constFirst().at(0).toString().contains(QStringLiteral("“every hour”")));
        QCOMPARE(noticed.constFirst().at(1).toString(), m_path);
    }
};

QTEST_GUILESS_MAIN(TestRecurringDone)
#include "tst_recurringdone.moc"
