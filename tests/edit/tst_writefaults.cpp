// The note writer under faults: a failing system call at every step of a write, the note deleted
// or replaced while an edit runs, and other programs writing to it at the worst moment. Whatever
// happens, the note holds either its old bytes or the edit, and nothing another program wrote is lost.
#include "edit/notefile.h"
#include "edit/writefaults.h"
#include "testfiles.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <cerrno>
#include <fcntl.h>
#include <thread>
#include <unistd.h>

using namespace debrief;
using namespace debrief::test;

namespace {

const QByteArray original = QByteArrayLiteral("# Title\n\n## Action Items\n- [ ] One\n- [ ] Two\n");
const QByteArray edited = QByteArrayLiteral("# Title\n\n## Action Items\n- [x] One\n- [ ] Two\n");
// Longer than the original, so that the in-place path must reserve space.
const QByteArray longer = edited + QByteArrayLiteral("- [ ] Three, added by the edit\n");

// Ticks "One" in whatever the note holds now, as an edit does.
std::optional<QByteArray> tickOne(const QByteArray &current, EditError *error)
{
    QByteArray bytes = current;
    const qsizetype at = bytes.indexOf("- [ ] One");
    if (at < 0) {
        *error = EditError::make(EditError::Code::Conflict, QStringLiteral("no line One"));
        return std::nullopt;
    }
    bytes[at + 3] = 'x';
    return bytes;
}

QStringList entries(const QString &folder)
{
    return QDir(folder).entryList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot, QDir::Name);
}

} // namespace

class TestWriteFaults final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cleanup() { WriteFaults::clear(); }
    void failureAtEveryStepLeavesTheNote_data();
    void failureAtEveryStepLeavesTheNote();
    void deletedWhileEditingIsNotWrittenBack();
    void replacedByAFolderWhileEditing();
    void outsideWriteBetweenReadAndSwapIsKept_data();
    void outsideWriteBetweenReadAndSwapIsKept();
    void writerHoldingTheOldFileIsWaitedFor();
};

void TestWriteFaults::failureAtEveryStepLeavesTheNote_data()
{
    QTest::addColumn<bool>("hardLinked");
    QTest::addColumn<int>("error");
    QTest::addColumn<QByteArray>("after");
    QTest::newRow("one name, disk full") << false << int(ENOSPC) << edited;
    QTest::newRow("one name, I/O error") << false << int(EIO) << edited;
    QTest::newRow("one name, quota") << false << int(EDQUOT) << longer;
    QTest::newRow("hard link, disk full, longer") << true << int(ENOSPC) << longer;
    QTest::newRow("hard link, I/O error, longer") << true << int(EIO) << longer;
    QTest::newRow("hard link, I/O error, same size") << true << int(EIO) << edited;
}

void TestWriteFaults::failureAtEveryStepLeavesTheNote()
{
    QFETCH(bool, hardLinked);
    QFETCH(int, error);
    QFETCH(QByteArray, after);
    int failures = 0;
    for (int step = 1; step < 50; ++step) {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("n.md"));
        QVERIFY(writeFile(path, original));
        if (hardLinked)
            QCOMPARE(::link(qPrintable(path), qPrintable(dir.filePath(QStringLiteral("other.md")))), 0);
        const QStringList before = entries(dir.path());

        WriteFaults::failAt(step, error);
        const EditError result = NoteFile::write(path, after);
        const bool hit = WriteFaults::steps() >= step;
        WriteFaults::clear();
        if (!hit) {
            // Past the last step: the write went through.
            QVERIFY2(!result.isError(), qPrintable(result.message));
            QCOMPARE(readFile(path), after);
            QVERIFY2(failures >= 3, "the seam reached fewer steps than a write has");
            return;
        }
        ++failures;
        QVERIFY2(result.isError(), qPrintable(QStringLiteral("step %1 failed silently").arg(step)));
        QCOMPARE(result.code, EditError::Code::WriteFailed);
        QVERIFY2(result.message.contains(qt_error_string(error)), qPrintable(result.message));
        QVERIFY2(!result.message.contains(QStringLiteral("Unknown error")), qPrintable(result.message));
        QCOMPARE(readFile(path), original);
        QCOMPARE(entries(dir.path()), before); // no temporary file left behind
    }
    QFAIL("the write never got past the seam");
}

void TestWriteFaults::deletedWhileEditingIsNotWrittenBack()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("n.md"));
    QVERIFY(writeFile(path, original));
    const EditError result = NoteFile::replace(path, [&](const QByteArray &current, EditError *error) {
        QFile::remove(path); // another program deletes the note while the edit is planned
        return tickOne(current, error);
    });
    QCOMPARE(result.code, EditError::Code::NotFound);
    QVERIFY2(result.message.contains(QStringLiteral("was deleted while editing")), qPrintable(result.message));
    QVERIFY(!QFile::exists(path));
    QCOMPARE(entries(dir.path()), QStringList());
}

void TestWriteFaults::replacedByAFolderWhileEditing()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("n.md"));
    QVERIFY(writeFile(path, original));
    const EditError result = NoteFile::replace(path, [&](const QByteArray &current, EditError *error) {
        QFile::remove(path);
        QDir().mkdir(path);
        return tickOne(current, error);
    });
    QCOMPARE(result.code, EditError::Code::NotRegular);
    QVERIFY2(result.message.contains(QStringLiteral("while editing")), qPrintable(result.message));
    QVERIFY(QFileInfo(path).isDir());
    QCOMPARE(entries(dir.path()), QStringList{QStringLiteral("n.md")});
}

void TestWriteFaults::outsideWriteBetweenReadAndSwapIsKept_data()
{
    QTest::addColumn<QString>("style");
    QTest::newRow("appended in place") << QStringLiteral("append");
    QTest::newRow("written to a temporary file and renamed") << QStringLiteral("rename");
    QTest::newRow("rewritten in place") << QStringLiteral("rewrite");
}

void TestWriteFaults::outsideWriteBetweenReadAndSwapIsKept()
{
    QFETCH(QString, style);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("n.md"));
    QVERIFY(writeFile(path, original));
    const QByteArray outside = QByteArrayLiteral("- [ ] Added by another program\n");
    int plans = 0;
    const EditError result = NoteFile::replace(path, [&](const QByteArray &current, EditError *error) {
        if (++plans == 1) {
            if (style == QStringLiteral("append")) {
                QFile file(path);
                if (file.open(QIODevice::Append))
                    file.write(outside);
            } else if (style == QStringLiteral("rename")) {
                const QString temp = dir.filePath(QStringLiteral("other.tmp"));
                writeFile(temp, current + outside);
                ::rename(qPrintable(temp), qPrintable(path));
            } else {
                writeFile(path, current + outside);
            }
        }
        return tickOne(current, error);
    });
    QVERIFY2(!result.isError(), qPrintable(result.message));
    QCOMPARE(plans, 2); // planned again on what the other program wrote
    QCOMPARE(readFile(path), edited + outside);
    QCOMPARE(entries(dir.path()), QStringList{QStringLiteral("n.md")});
}

void TestWriteFaults::writerHoldingTheOldFileIsWaitedFor()
{
    // A program that opened the note before the swap and writes to it a moment after: its line
    // lands in the file that was swapped out, which is read only once the program has closed it.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("n.md"));
    QVERIFY(writeFile(path, original));
    const QByteArray outside = QByteArrayLiteral("- [ ] Written late\n");
    std::thread writer;
    int plans = 0;
    const EditError result = NoteFile::replace(path, [&](const QByteArray &current, EditError *error) {
        if (++plans == 1) {
            const int fd = ::open(qPrintable(path), O_WRONLY | O_APPEND);
            writer = std::thread([fd, outside] {
                ::usleep(20000);
                const ssize_t n = ::write(fd, outside.constData(), size_t(outside.size()));
                Q_UNUSED(n);
                ::close(fd);
            });
        }
        return tickOne(current, error);
    });
    writer.join();
    QVERIFY2(!result.isError(), qPrintable(result.message));
    QCOMPARE(plans, 2);
    QCOMPARE(readFile(path), edited + outside);
}

QTEST_GUILESS_MAIN(TestWriteFaults)
#include "tst_writefaults.moc"
