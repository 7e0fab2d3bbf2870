// Editing and deleting a Decisions or Key Information bullet through the session, also when the
// bullet wraps over continuation lines: the whole bullet is checked against what the user saw,
// replaced or removed, and undo gives back the file byte for byte.
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

QByteArray noteWith(const QByteArray &section, const QByteArray &list)
{
    return QByteArrayLiteral("---\ntitle: Offsite\ndate: 2025-10-20\n---\n## ") + section + "\n" + list;
}

QByteArray decisions(const QByteArray &list)
{
    return noteWith("Decisions", list);
}

QByteArray crlf(QByteArray bytes)
{
    return bytes.replace("\n", "\r\n");
}

} // namespace

class TestBulletEdit final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir *m_dir = nullptr;
    Session *m_session = nullptr;
    QString m_path;

    bool open(const QByteArray &bytes)
    {
        if (!writeFile(m_path, bytes))
            return false;
        QSignalSpy loaded(m_session, &Session::loaded);
        m_session->open(m_dir->path());
        return loaded.wait(10000);
    }

    QString bulletAt(int line) const
    {
        const Note *note = m_session->note(m_path);
        if (!note)
            return QStringLiteral("<no note>");
        for (const Bullet &bullet : note->decisions + note->keyInformation) {
            if (bullet.line == line)
                return bullet.text;
        }
        return QStringLiteral("<no bullet>");
    }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        m_dir = new QTemporaryDir;
        QVERIFY(m_dir->isValid());
        m_path = m_dir->filePath(QStringLiteral("2025-10-20 Offsite.md"));
        m_session = new Session;
    }

    void cleanup()
    {
        delete m_session;
        delete m_dir;
    }

    void editAndDelete_data()
    {
        QTest::addColumn<QByteArray>("note");
        QTest::addColumn<int>("line");
        QTest::addColumn<QString>("shown");
        QTest::addColumn<QByteArray>("edited"); // after the text became "Decided again."
        QTest::addColumn<QByteArray>("deleted");

        QTest::newRow("one line") << decisions("- The offsite is in March.\n- Lunch is catered.\n") << 6
                                  << QStringLiteral("The offsite is in March.")
                                  << decisions("- Decided again.\n- Lunch is catered.\n")
                                  << decisions("- Lunch is catered.\n");
        QTest::newRow("wrapped, indented continuation")
            << decisions("- The offsite is in March,\n  after the budget review.\n- Lunch is catered.\n") << 6
            << QStringLiteral("The offsite is in March, after the budget review.")
            << decisions("- Decided again.\n- Lunch is catered.\n") << decisions("- Lunch is catered.\n");
        QTest::newRow("wrapped, lazy continuation")
            << decisions("* The offsite is in March,\nafter the budget review.\n* Lunch is catered.\n") << 6
            << QStringLiteral("The offsite is in March, after the budget review.")
            << decisions("* Decided again.\n* Lunch is catered.\n") << decisions("* Lunch is catered.\n");
        QTest::newRow("wrapped over three lines, CRLF, numbered")
            << crlf(decisions("1. Lunch is catered.\n2. The offsite is in March,\n   after the budget\n   review.\n"))
            << 7 << QStringLiteral("The offsite is in March, after the budget review.")
            << crlf(decisions("1. Lunch is catered.\n2. Decided again.\n"))
            << crlf(decisions("1. Lunch is catered.\n"));
        QTest::newRow("wrapped, ends the file without a newline")
            << decisions("- Lunch is catered.\n- The offsite is in March,\n  after the budget review.") << 7
            << QStringLiteral("The offsite is in March, after the budget review.")
            << decisions("- Lunch is catered.\n- Decided again.") << decisions("- Lunch is catered.");
        QTest::newRow("wrapped, in a loose list")
            << decisions("- Lunch is catered.\n\n- The offsite is in March,\n  after the budget review.\n\n- Buses "
                         "leave at eight.\n")
            << 8 << QStringLiteral("The offsite is in March, after the budget review.")
            << decisions("- Lunch is catered.\n\n- Decided again.\n\n- Buses leave at eight.\n")
            << decisions("- Lunch is catered.\n\n- Buses leave at eight.\n");
        QTest::newRow("wrapped, before the next section")
            << decisions("- The offsite is in March,\n  after the budget review.\n\n## Related\n- [[Budget]]\n") << 6
            << QStringLiteral("The offsite is in March, after the budget review.")
            << decisions("- Decided again.\n\n## Related\n- [[Budget]]\n") << decisions("\n## Related\n- [[Budget]]\n");
        QTest::newRow("wrapped, with mojibake")
            << decisions("- Booker\xE2\x80\x9A\xC3\x84\xC3\xB4s offsite is in March,\n  after review.\n") << 6
            << QStringLiteral("Booker’s offsite is in March, after review.") << decisions("- Decided again.\n")
            << decisions("");
        QTest::newRow("key information, wrapped")
            << noteWith("Key Information", "- The budget is fixed\n  at twelve thousand.\n- Rooms hold twenty.\n") << 6
            << QStringLiteral("The budget is fixed at twelve thousand.")
            << noteWith("Key Information", "- Decided again.\n- Rooms hold twenty.\n")
            << noteWith("Key Information", "- Rooms hold twenty.\n");
    }

    void editAndDelete()
    {
        QFETCH(QByteArray, note);
        QFETCH(int, line);
        QFETCH(QString, shown);
        QFETCH(QByteArray, edited);
        QFETCH(QByteArray, deleted);
        QVERIFY(open(note));
        QCOMPARE(bulletAt(line), shown);
        QSignalSpy failed(m_session, &Session::failed);
        QUndoStack *stack = m_session->undoStack();

        QVERIFY(m_session->editBullet(m_path, line, shown, QStringLiteral("Decided again.")));
        QCOMPARE(readFile(m_path), edited);
        QCOMPARE(bulletAt(line), QStringLiteral("Decided again."));
        stack->undo();
        QCOMPARE(readFile(m_path), note);
        stack->redo();
        QCOMPARE(readFile(m_path), edited);
        stack->undo();
        QCOMPARE(readFile(m_path), note);

        QVERIFY(m_session->deleteBullet(m_path, line, shown));
        QCOMPARE(readFile(m_path), deleted);
        stack->undo();
        QCOMPARE(readFile(m_path), note);
        QCOMPARE(failed.size(), 0);
    }

    void changedOutsideIsRefused_data()
    {
        QTest::addColumn<QByteArray>("outside");

        QTest::newRow("first line changed") << decisions("- The offsite is in April,\n  after the budget review.\n");
        QTest::newRow("continuation line changed")
            << decisions("- The offsite is in March,\n  after the board meeting.\n");
        QTest::newRow("continuation line added")
            << decisions("- The offsite is in March,\n  after the budget review,\n  if the board agrees.\n");
        QTest::newRow("no longer a decision")
            << noteWith("Summary", "- The offsite is in March,\n  after the budget review.\n");
    }

    void changedOutsideIsRefused()
    {
        QFETCH(QByteArray, outside);
        QVERIFY(open(decisions("- The offsite is in March,\n  after the budget review.\n")));
        const QString shown = QStringLiteral("The offsite is in March, after the budget review.");
        QCOMPARE(bulletAt(6), shown);
        QVERIFY(writeFile(m_path, outside));
        QSignalSpy failed(m_session, &Session::failed);

        QVERIFY(!m_session->editBullet(m_path, 6, shown, QStringLiteral("Decided again.")));
        QVERIFY(!m_session->deleteBullet(m_path, 6, shown));
        QCOMPARE(readFile(m_path), outside);
        QCOMPARE(failed.size(), 2);
        QVERIFY(failed.at(0).at(0).toString().contains(QStringLiteral("2025-10-20 Offsite.md")));
        QCOMPARE(m_session->undoStack()->count(), 0);
    }
};

QTEST_MAIN(TestBulletEdit)
#include "tst_bulletedit.moc"
