// The file layer and the line patch machinery that every edit goes through.
#include "base/textlines.h"
#include "edit/linepatch.h"
#include "edit/notefile.h"
#include "testfiles.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#ifdef Q_OS_UNIX
#include <sys/stat.h>
#include <unistd.h>
#endif

using namespace debrief;
using namespace debrief::test;

namespace {

// Replace line `line` (1-based) of `lines` with `after`, keeping its ending.
LinePatch replaceLine(const TextLines &lines, int line, const QByteArray &after)
{
    const QByteArray before = lines.lines.at(line - 1);
    return LinePatch({LineHunk{line, {before}, {after + TextLines::endingOf(before).toByteArray()}}});
}

const QByteArray sample = QByteArrayLiteral("# Title\n\n## Action Items\n- [ ] One\n- [ ] Two\n");

} // namespace

class TestNoteFile final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void splitKeepsEveryByte_data();
    void splitKeepsEveryByte();
    void patchAndInverse_data();
    void patchAndInverse();
    void patchRefusesMissingLines();
    void patchRelocatesUniqueLines();
    void patchRefusesAmbiguousRelocation_data();
    void patchRefusesAmbiguousRelocation();
    void readGivesStamp();
    void writeKeepsPermissions();
    void writeKeepsOwnerAndGroup();
    void writeThroughSymlink();
    void hardLinkKeepsBothNames();
    void refusesNonRegular();
    void readOnlyFile();
    void readOnlyFolder();
    void applyPatchUnrelatedChangeSurvives();
    void applyPatchTargetChangedIsConflict();
    void applyPatchDeletedFile();
    void applyPatchNoChangeWritesNothing();
};

void TestNoteFile::splitKeepsEveryByte_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("lineCount");
    QTest::addColumn<QByteArray>("lastEnding");
    QTest::newRow("empty") << QByteArray() << 0 << QByteArray();
    QTest::newRow("lf") << QByteArrayLiteral("a\nb\n") << 2 << QByteArrayLiteral("\n");
    QTest::newRow("crlf") << QByteArrayLiteral("a\r\nb\r\n") << 2 << QByteArrayLiteral("\r\n");
    QTest::newRow("lone cr") << QByteArrayLiteral("a\rb\r") << 2 << QByteArrayLiteral("\r");
    QTest::newRow("mixed") << QByteArrayLiteral("a\r\nb\nc\rd") << 4 << QByteArray();
    QTest::newRow("no final newline") << QByteArrayLiteral("a\nb") << 2 << QByteArray();
    QTest::newRow("bom") << QByteArrayLiteral("\xEF\xBB\xBF---\nx: 1\n") << 2 << QByteArrayLiteral("\n");
    QTest::newRow("blank lines") << QByteArrayLiteral("\n\n\r\n") << 3 << QByteArrayLiteral("\r\n");
    QTest::newRow("invalid utf-8") << QByteArrayLiteral("\xFF\xFE\n\xC3") << 2 << QByteArray();
}

void TestNoteFile::splitKeepsEveryByte()
{
    QFETCH(QByteArray, bytes);
    QFETCH(int, lineCount);
    QFETCH(QByteArray, lastEnding);
    const TextLines lines = TextLines::split(bytes);
    QCOMPARE(lines.count(), lineCount);
    QCOMPARE(lines.join(), bytes);
    if (lineCount > 0)
        QCOMPARE(lines.ending(lineCount).toByteArray(), lastEnding);
    if (bytes.startsWith("\xEF\xBB\xBF")) {
        QCOMPARE(lines.bom, QByteArrayLiteral("\xEF\xBB\xBF"));
        QCOMPARE(lines.content(1).toByteArray(), QByteArrayLiteral("---"));
    }
}

void TestNoteFile::patchAndInverse_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QList<LineHunk>>("hunks");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("replace") << QByteArrayLiteral("a\nb\nc\n") << QList<LineHunk>{{2, {"b\n"}, {"B\n"}}}
                             << QByteArrayLiteral("a\nB\nc\n");
    QTest::newRow("insert after") << QByteArrayLiteral("a\r\nb\r\n")
                                  << QList<LineHunk>{{1, {"a\r\n"}, {"a\r\n", "n\r\n"}}}
                                  << QByteArrayLiteral("a\r\nn\r\nb\r\n");
    QTest::newRow("delete with context") << QByteArrayLiteral("a\nb\nc")
                                         << QList<LineHunk>{{1, {"a\n", "b\n"}, {"a\n"}}} << QByteArrayLiteral("a\nc");
    QTest::newRow("append at end without newline")
        << QByteArrayLiteral("a\nb") << QList<LineHunk>{{2, {"b"}, {"b\n", "c"}}} << QByteArrayLiteral("a\nb\nc");
    QTest::newRow("several hunks shift") << QByteArrayLiteral("1\n2\n3\n4\n5\n")
                                         << QList<LineHunk>{{1, {"1\n"}, {"1\n", "x\n", "y\n"}},
                                                            {3, {"3\n"}, {}},
                                                            {5, {"5\n"}, {"five\n"}}}
                                         << QByteArrayLiteral("1\nx\ny\n2\n4\nfive\n");
    QTest::newRow("into empty file") << QByteArray() << QList<LineHunk>{{1, {}, {"a\n"}}} << QByteArrayLiteral("a\n");
}

void TestNoteFile::patchAndInverse()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QList<LineHunk>, hunks);
    QFETCH(QByteArray, expected);
    TextLines lines = TextLines::split(bytes);
    const LinePatch patch(hunks);
    const std::optional<LinePatch> applied = patch.apply(lines, LinePatch::Mode::Exact);
    QVERIFY(applied);
    QCOMPARE(lines.join(), expected);
    QVERIFY(applied->inverse().apply(lines, LinePatch::Mode::Exact));
    QCOMPARE(lines.join(), bytes);
    QCOMPARE(applied->inverse().inverse(), *applied);
}

void TestNoteFile::patchRefusesMissingLines()
{
    TextLines lines = TextLines::split("a\nb\n");
    int failed = 0;
    QVERIFY(!LinePatch({LineHunk{2, {"x\n"}, {"y\n"}}}).apply(lines, LinePatch::Mode::Relocate, &failed));
    QCOMPARE(failed, 2);
    QVERIFY(!LinePatch({LineHunk{3, {"b\n"}, {"y\n"}}}).apply(lines, LinePatch::Mode::Exact));
    QCOMPARE(lines.join(), QByteArrayLiteral("a\nb\n"));
}

void TestNoteFile::patchRelocatesUniqueLines()
{
    TextLines lines = TextLines::split("new\na\nb\n");
    const LinePatch patch({LineHunk{2, {"b\n"}, {"B\n"}}});
    QVERIFY(!patch.apply(lines, LinePatch::Mode::Exact));
    const std::optional<LinePatch> applied = patch.apply(lines, LinePatch::Mode::Relocate);
    QVERIFY(applied);
    QCOMPARE(applied->hunks().constFirst().line, 3);
    QCOMPARE(lines.join(), QByteArrayLiteral("new\na\nB\n"));
    QVERIFY(applied->inverse().apply(lines, LinePatch::Mode::Exact));
    QCOMPARE(lines.join(), QByteArrayLiteral("new\na\nb\n"));
}

void TestNoteFile::patchRefusesAmbiguousRelocation_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<LineHunk>("hunk");
    QTest::newRow("twins elsewhere") << QByteArrayLiteral("x\nb\nb\n") << LineHunk{1, {"b\n"}, {"B\n"}};
    // The file moved: the line at the old number may be the twin of the one the patch meant.
    QTest::newRow("twin at its own line") << QByteArrayLiteral("x\nb\nb\n") << LineHunk{2, {"b\n"}, {"B\n"}};
    QTest::newRow("two lines, twice") << QByteArrayLiteral("a\nb\na\nb\n") << LineHunk{1, {"a\n", "b\n"}, {"a\n"}};
    // Nothing to find it by: an insertion without context only goes into the file it was made for.
    QTest::newRow("insertion without context") << QByteArrayLiteral("x\n") << LineHunk{1, {}, {"a\n"}};
    QTest::newRow("insertion without context at the end") << QByteArrayLiteral("x\n") << LineHunk{2, {}, {"a\n"}};
}

void TestNoteFile::patchRefusesAmbiguousRelocation()
{
    QFETCH(QByteArray, bytes);
    QFETCH(LineHunk, hunk);
    TextLines lines = TextLines::split(bytes);
    int failed = 0;
    QVERIFY(!LinePatch({hunk}).apply(lines, LinePatch::Mode::Relocate, &failed));
    QCOMPARE(failed, hunk.line);
    QCOMPARE(lines.join(), bytes);
}

void TestNoteFile::readGivesStamp()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("n.md"));
    QVERIFY(writeFile(path, sample));
    const NoteFile::ReadResult read = NoteFile::read(path);
    QVERIFY(read.ok());
    QCOMPARE(read.bytes, sample);
    QCOMPARE(read.stamp.size, sample.size());
    QCOMPARE(read.stamp.hash, FileStamp::contentHash(sample));
    QVERIFY(read.stamp.modifiedMsecs > 0);
}

void TestNoteFile::writeKeepsPermissions()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("n.md"));
    QVERIFY(writeFile(path, sample));
    const auto permissions = QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup;
    QVERIFY(QFile::setPermissions(path, permissions));
    QVERIFY(!NoteFile::write(path, "new\n").isError());
    QCOMPARE(readFile(path), QByteArrayLiteral("new\n"));
    QCOMPARE(int(QFileInfo(path).permissions() & 0x7077), int(permissions & 0x7077)); // owner, group, other
}

// Root (or anyone allowed to) editing someone else's note leaves it theirs: the temporary file
// that replaces it would otherwise belong to root.
void TestNoteFile::writeKeepsOwnerAndGroup()
{
#ifdef Q_OS_UNIX
    if (::geteuid() != 0)
        QSKIP("only root can give a file to another user");
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("n.md"));
    QVERIFY(writeFile(path, sample));
    const QByteArray name = QFile::encodeName(path);
    QVERIFY(::chown(name.constData(), 65534, 65534) == 0);
    const TextLines lines = TextLines::split(sample);
    const NoteFile::PatchResult result =
        NoteFile::applyPatch(path, replaceLine(lines, 4, "- [x] One"), NoteFile::read(path).stamp);
    QVERIFY2(result.ok(), qPrintable(result.error.message));
    QCOMPARE(readFile(path), QByteArrayLiteral("# Title\n\n## Action Items\n- [x] One\n- [ ] Two\n"));
    struct stat st = {};
    QVERIFY(::stat(name.constData(), &st) == 0);
    QCOMPARE(uint(st.st_uid), 65534u);
    QCOMPARE(uint(st.st_gid), 65534u);
#else
    QSKIP("owners are tested on Unix");
#endif
}

void TestNoteFile::writeThroughSymlink()
{
    QTemporaryDir dir;
    const QString target = dir.filePath(QStringLiteral("real.md"));
    const QString link = dir.filePath(QStringLiteral("link.md"));
    QVERIFY(writeFile(target, sample));
    QVERIFY(QFile::link(target, link));
    TextLines lines = TextLines::split(sample);
    const NoteFile::PatchResult result =
        NoteFile::applyPatch(link, replaceLine(lines, 4, "- [x] One"), NoteFile::read(link).stamp);
    QVERIFY2(result.ok(), qPrintable(result.error.message));
    QVERIFY(QFileInfo(link).isSymLink());
    QCOMPARE(readFile(target), QByteArrayLiteral("# Title\n\n## Action Items\n- [x] One\n- [ ] Two\n"));
}

void TestNoteFile::hardLinkKeepsBothNames()
{
#ifdef Q_OS_UNIX
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("n.md"));
    const QString other = dir.filePath(QStringLiteral("other.md"));
    QVERIFY(writeFile(path, sample));
    QVERIFY(::link(QFile::encodeName(path).constData(), QFile::encodeName(other).constData()) == 0);
    QVERIFY(!NoteFile::write(path, "edited\n").isError());
    QCOMPARE(readFile(path), QByteArrayLiteral("edited\n"));
    // Written in place: the other name is the same inode and sees the edit.
    QCOMPARE(readFile(other), QByteArrayLiteral("edited\n"));
    struct stat st = {};
    QVERIFY(::stat(QFile::encodeName(path).constData(), &st) == 0);
    QCOMPARE(int(st.st_nlink), 2);
    // Shorter content truncates the tail.
    QVERIFY(!NoteFile::write(other, "x").isError());
    QCOMPARE(readFile(path), QByteArrayLiteral("x"));
#else
    QSKIP("hard links are tested on Unix");
#endif
}

void TestNoteFile::refusesNonRegular()
{
    QTemporaryDir dir;
    const NoteFile::ReadResult folder = NoteFile::read(dir.path());
    QCOMPARE(folder.error.code, EditError::Code::NotRegular);
    QCOMPARE(NoteFile::write(dir.path(), "x").code, EditError::Code::NotRegular);
#ifdef Q_OS_UNIX
    const QString fifo = dir.filePath(QStringLiteral("pipe.md"));
    QVERIFY(::mkfifo(QFile::encodeName(fifo).constData(), 0600) == 0);
    QCOMPARE(NoteFile::read(fifo).error.code, EditError::Code::NotRegular);
    QCOMPARE(NoteFile::write(fifo, "x").code, EditError::Code::NotRegular);
    QVERIFY(NoteFile::read(fifo).error.message.contains(QStringLiteral("pipe.md")));
#endif
    const QString missing = dir.filePath(QStringLiteral("missing.md"));
    QCOMPARE(NoteFile::read(missing).error.code, EditError::Code::NotFound);
    QCOMPARE(NoteFile::write(missing, "x").code, EditError::Code::NotFound);
    QVERIFY(!QFile::exists(missing));
}

void TestNoteFile::readOnlyFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("n.md"));
    QVERIFY(writeFile(path, sample));
    QVERIFY(QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::ReadGroup));
    const EditError error = NoteFile::write(path, "x");
    QCOMPARE(error.code, EditError::Code::ReadOnlyFile);
    QVERIFY2(error.message.contains(QStringLiteral("n.md is read-only")), qPrintable(error.message));
    QCOMPARE(readFile(path), sample);
}

void TestNoteFile::readOnlyFolder()
{
    QTemporaryDir dir;
    const QString sub = dir.filePath(QStringLiteral("locked"));
    QVERIFY(QDir().mkpath(sub));
    const QString path = sub + QStringLiteral("/n.md");
    QVERIFY(writeFile(path, sample));
    QVERIFY(QFile::setPermissions(sub, QFileDevice::ReadOwner | QFileDevice::ExeOwner));
    const EditError error = NoteFile::write(path, "x");
    QVERIFY(QFile::setPermissions(sub, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner));
    QCOMPARE(error.code, EditError::Code::ReadOnlyFolder);
    QVERIFY2(error.message.contains(QStringLiteral("the folder"))
                 && error.message.contains(QStringLiteral("read-only")),
             qPrintable(error.message));
    QCOMPARE(readFile(path), sample);
    QCOMPARE(QDir(sub).entryList(QDir::Files | QDir::Hidden), QStringList{QStringLiteral("n.md")});
}

void TestNoteFile::applyPatchUnrelatedChangeSurvives()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("n.md"));
    QVERIFY(writeFile(path, sample));
    const NoteFile::ReadResult read = NoteFile::read(path);
    const LinePatch patch = replaceLine(TextLines::split(read.bytes), 5, "- [x] Two");
    // Someone else edits the title and adds a line above the target meanwhile.
    QVERIFY(writeFile(path, "# Renamed\n\nintro\n## Action Items\n- [ ] One\n- [ ] Two\n"));
    const NoteFile::PatchResult result = NoteFile::applyPatch(path, patch, read.stamp);
    QVERIFY2(result.ok(), qPrintable(result.error.message));
    QVERIFY(result.fileHadChanged);
    QCOMPARE(readFile(path), QByteArrayLiteral("# Renamed\n\nintro\n## Action Items\n- [ ] One\n- [x] Two\n"));
    // Undo goes to the relocated line.
    const NoteFile::PatchResult undo = NoteFile::applyPatch(path, result.applied.inverse(), result.stamp);
    QVERIFY(undo.ok());
    QCOMPARE(readFile(path), QByteArrayLiteral("# Renamed\n\nintro\n## Action Items\n- [ ] One\n- [ ] Two\n"));
}

void TestNoteFile::applyPatchTargetChangedIsConflict()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("n.md"));
    QVERIFY(writeFile(path, sample));
    const NoteFile::ReadResult read = NoteFile::read(path);
    const LinePatch patch = replaceLine(TextLines::split(read.bytes), 5, "- [x] Two");
    const QByteArray outside = QByteArrayLiteral("# Title\n\n## Action Items\n- [ ] One\n- [ ] Two, reworded\n");
    QVERIFY(writeFile(path, outside));
    const NoteFile::PatchResult result = NoteFile::applyPatch(path, patch, read.stamp);
    QCOMPARE(result.error.code, EditError::Code::Conflict);
    QVERIFY(result.error.message.contains(QStringLiteral("n.md")));
    QCOMPARE(readFile(path), outside);
}

void TestNoteFile::applyPatchDeletedFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("n.md"));
    QVERIFY(writeFile(path, sample));
    const NoteFile::ReadResult read = NoteFile::read(path);
    const LinePatch patch = replaceLine(TextLines::split(read.bytes), 5, "- [x] Two");
    QVERIFY(QFile::remove(path));
    const NoteFile::PatchResult result = NoteFile::applyPatch(path, patch, read.stamp);
    QCOMPARE(result.error.code, EditError::Code::NotFound);
    QVERIFY2(result.error.message.contains(QStringLiteral("n.md does not exist")), qPrintable(result.error.message));
    QVERIFY(!QFile::exists(path));
}

void TestNoteFile::applyPatchNoChangeWritesNothing()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("n.md"));
    QVERIFY(writeFile(path, sample));
    const NoteFile::ReadResult read = NoteFile::read(path);
    QVERIFY(QFile::setPermissions(path, QFileDevice::ReadOwner)); // a write would fail
    const NoteFile::PatchResult result = NoteFile::applyPatch(path, LinePatch(), read.stamp);
    QVERIFY(result.ok());
    QCOMPARE(result.stamp, read.stamp);
}

QTEST_GUILESS_MAIN(TestNoteFile)
#include "tst_notefile.moc"
