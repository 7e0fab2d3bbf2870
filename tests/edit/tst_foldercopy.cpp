#include "edit/foldercopy.h"
#include "testfiles.h"

#include <unistd.h>

#include <QTemporaryDir>
#include <QTest>

using debrief::EditError;
using debrief::FolderCopy;
using namespace debrief::test;

// The first run's copy of the sample vault: every file byte for byte, hidden ones too, writable,
// and never a half copy under the final name.
class TestFolderCopy : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void copiesEverything()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString from = dir.filePath(QStringLiteral("from"));
        const QByteArray crlf = "---\r\ntitle: A\r\n---\r\n- [ ] Do it \xFF\r\n";
        QVERIFY(writeFile(from + QStringLiteral("/Meetings/2026-01-02 Plan.md"), crlf));
        QVERIFY(writeFile(from + QStringLiteral("/.obsidian/app.json"), "{}"));
        QVERIFY(writeFile(from + QStringLiteral("/People/Zoë.md"), "# Zoë\n"));
        QVERIFY(QFile::setPermissions(from + QStringLiteral("/People/Zoë.md"), QFileDevice::ReadOwner));

        const QString to = dir.filePath(QStringLiteral("data/Sample Vault"));
        const EditError error = FolderCopy::copy(from, to);
        QVERIFY2(!error.isError(), qPrintable(error.message));
        QCOMPARE(readFile(to + QStringLiteral("/Meetings/2026-01-02 Plan.md")), crlf);
        QCOMPARE(readFile(to + QStringLiteral("/.obsidian/app.json")), QByteArray("{}"));
        QCOMPARE(readFile(to + QStringLiteral("/People/Zoë.md")), QByteArray("# Zoë\n"));
        QVERIFY(QFileInfo(to + QStringLiteral("/People/Zoë.md")).isWritable());
        QVERIFY(!QFileInfo::exists(to + QStringLiteral(".partial")));
    }

    void refusesAnExistingTarget()
    {
        QTemporaryDir dir;
        QVERIFY(writeFile(dir.filePath(QStringLiteral("from/a.md")), "new\n"));
        QVERIFY(writeFile(dir.filePath(QStringLiteral("to/a.md")), "mine\n"));
        QVERIFY(FolderCopy::copy(dir.filePath(QStringLiteral("from")), dir.filePath(QStringLiteral("to"))).isError());
        QCOMPARE(readFile(dir.filePath(QStringLiteral("to/a.md"))), QByteArray("mine\n"));
    }

    void failureLeavesNoCopy()
    {
        QTemporaryDir dir;
        QVERIFY(writeFile(dir.filePath(QStringLiteral("from/a.md")), "a\n"));
        const QString unreadable = dir.filePath(QStringLiteral("from/b.md"));
        if (geteuid() != 0) {
            QVERIFY(writeFile(unreadable, "b\n"));
            QVERIFY(QFile::setPermissions(unreadable, QFileDevice::WriteOwner));
        } else {
            // Root reads any file; reading this one from offset 0 fails with EIO.
            if (!QFileInfo::exists(QStringLiteral("/proc/self/mem")))
                QSKIP("needs a file that root cannot read");
            QVERIFY(QFile::link(QStringLiteral("/proc/self/mem"), unreadable));
        }
        const QString to = dir.filePath(QStringLiteral("to"));
        const EditError error = FolderCopy::copy(dir.filePath(QStringLiteral("from")), to);
        QCOMPARE(error.code, EditError::Code::Unreadable);
        QVERIFY2(error.message.contains(QStringLiteral("b.md")), qPrintable(error.message));
        QVERIFY(!QFileInfo::exists(to));
        QVERIFY(!QFileInfo::exists(to + QStringLiteral(".partial")));
    }
};

QTEST_GUILESS_MAIN(TestFolderCopy)
#include "tst_foldercopy.moc"
