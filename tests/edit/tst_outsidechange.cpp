// Edits, undos and redos of a note that another program changed since Debrief read it: each goes
// to the one place it means, or is refused with a conflict that names the file; never elsewhere.
#include "base/textlines.h"
#include "edit/noteeditor.h"
#include "edit/notefile.h"
#include "edit/taskedit.h"
#include "editfixture.h"

#include <QTemporaryDir>
#include <QTest>

using namespace debrief;
using namespace debrief::test;

namespace {

const QDate today = editToday;
using Action = TaskEdit::StatusAction;

// Line 2 and line 4 are the same bytes.
const QByteArray twins = "## Action Items\n- [ ] Call Ann\n- [ ] Pay the bill\n- [ ] Call Ann\n";

NoteEdit withText(NoteEdit edit, const QString &text)
{
    edit.text = text;
    return edit;
}

bool isConflictNaming(const EditError &error, const QString &name)
{
    return error.code == EditError::Code::Conflict && error.message.contains(name);
}

} // namespace

class TestOutsideChange final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void twinLineAfterLinesAbove_data();
    void twinLineAfterLinesAbove();
    void twinLineInUnchangedFile();
    void undoOfTwinLine();
    void redoIntoEmptyNote();
    void undoOfDeletingTheOnlyLine();
    void undoOfLooseListDeletion_data();
    void undoOfLooseListDeletion();
    void wholeFileEdits_data();
    void wholeFileEdits();
    void repairOfUnchangedPreview();
};

void TestOutsideChange::twinLineAfterLinesAbove_data()
{
    QTest::addColumn<NoteEdit>("edit");
    const QByteArray raw = "- [ ] Call Ann";
    QTest::newRow("done") << NoteEdit::setStatus(4, Action::Done, raw);
    QTest::newRow("delete") << NoteEdit::remove(4, raw);
    QTest::newRow("text") << withText(NoteEdit::change(4, raw), QStringLiteral("Call Bo"));
}

// The user meant line 4; two lines added above moved line 2, its twin, to line 4.
void TestOutsideChange::twinLineAfterLinesAbove()
{
    QFETCH(NoteEdit, edit);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("twins.md"));
    QVERIFY(writeFile(path, twins));
    const FileStamp seen = NoteFile::read(path).stamp;
    const QByteArray outside = "Intro.\n\n" + twins;
    QVERIFY(writeFile(path, outside));
    const NoteFile::PatchResult result = NoteEditor::apply(path, {edit}, seen, today);
    QVERIFY2(isConflictNaming(result.error, QStringLiteral("twins.md")), qPrintable(result.error.message));
    QCOMPARE(readFile(path), outside);
}

// Nothing changed: the line number is the truth, twin or not.
void TestOutsideChange::twinLineInUnchangedFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("twins.md"));
    QVERIFY(writeFile(path, twins));
    const NoteFile::PatchResult result = NoteEditor::apply(
        path, {NoteEdit::setStatus(4, Action::Done, "- [ ] Call Ann")}, NoteFile::read(path).stamp, today);
    QVERIFY2(result.ok(), qPrintable(result.error.message));
    QCOMPARE(readFile(path),
             QByteArray("## Action Items\n- [ ] Call Ann\n- [ ] Pay the bill\n- [x] Call Ann ✅ 2026-11-21\n"));
}

// The undo of a done item whose twin was also ticked elsewhere, above which lines were added.
void TestOutsideChange::undoOfTwinLine()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("twins.md"));
    QVERIFY(writeFile(path, twins));
    const NoteFile::PatchResult result = NoteEditor::apply(
        path, {NoteEdit::setStatus(4, Action::Done, "- [ ] Call Ann")}, NoteFile::read(path).stamp, today);
    QVERIFY2(result.ok(), qPrintable(result.error.message));
    const QByteArray done = "- [x] Call Ann ✅ 2026-11-21\n";
    const QByteArray outside = "Intro.\n\n## Action Items\n" + done + "- [ ] Pay the bill\n" + done;
    QVERIFY(writeFile(path, outside));
    const NoteFile::PatchResult undone = NoteEditor::undo(path, result.applied, result.stamp);
    QVERIFY2(isConflictNaming(undone.error, QStringLiteral("twins.md")), qPrintable(undone.error.message));
    QCOMPARE(readFile(path), outside);
}

// An insertion into an empty note has no neighbour to find again: once the note has content,
// its redo is refused instead of landing at line 1.
void TestOutsideChange::redoIntoEmptyNote()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("empty.md"));
    QVERIFY(writeFile(path, QByteArray()));
    const NoteFile::PatchResult added = NoteEditor::apply(path, {NoteEdit::addActionItem(QStringLiteral("Call Ann"))},
                                                          NoteFile::read(path).stamp, today);
    QVERIFY2(added.ok(), qPrintable(added.error.message));
    QCOMPARE(readFile(path), QByteArray("## Action Items\n- [ ] Call Ann\n"));
    const NoteFile::PatchResult undone = NoteEditor::undo(path, added.applied, added.stamp);
    QVERIFY2(undone.ok(), qPrintable(undone.error.message));
    QCOMPARE(readFile(path), QByteArray());
    const QByteArray outside = "# Typed in Obsidian\n\nSome text.\n";
    QVERIFY(writeFile(path, outside));
    const NoteFile::PatchResult redone = NoteEditor::undo(path, undone.applied, undone.stamp);
    QVERIFY2(isConflictNaming(redone.error, QStringLiteral("empty.md")), qPrintable(redone.error.message));
    QCOMPARE(readFile(path), outside);
}

void TestOutsideChange::undoOfDeletingTheOnlyLine()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("one.md"));
    QVERIFY(writeFile(path, "- [ ] Call Ann\n"));
    const NoteFile::PatchResult deleted =
        NoteEditor::apply(path, {NoteEdit::remove(1, "- [ ] Call Ann")}, NoteFile::read(path).stamp, today);
    QVERIFY2(deleted.ok(), qPrintable(deleted.error.message));
    QCOMPARE(readFile(path), QByteArray());
    const QByteArray outside = "# Typed in Obsidian\n";
    QVERIFY(writeFile(path, outside));
    const NoteFile::PatchResult undone = NoteEditor::undo(path, deleted.applied, deleted.stamp);
    QVERIFY2(isConflictNaming(undone.error, QStringLiteral("one.md")), qPrintable(undone.error.message));
    QCOMPARE(readFile(path), outside);
}

// The undo of a deletion in a loose list carries more than the blank line next to it (which
// stands everywhere in such a list), so another program's edit elsewhere does not block it.
void TestOutsideChange::undoOfLooseListDeletion_data()
{
    QTest::addColumn<int>("line");
    QTest::newRow("middle item") << 7;
    QTest::newRow("last item") << 9;
    QTest::newRow("first item") << 5;
}

void TestOutsideChange::undoOfLooseListDeletion()
{
    QFETCH(int, line);
    const QByteArray before =
        "---\ntitle: Loose\n---\n## Action Items\n- [ ] One\n\n- [ ] Two\n\n- [ ] Three\n\n## Decisions\n\n- Rent.\n";
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("loose.md"));
    QVERIFY(writeFile(path, before));
    const TextLines lines = TextLines::split(before);
    const NoteFile::PatchResult result = NoteEditor::apply(
        path, {NoteEdit::remove(line, lines.content(line).toByteArray())}, NoteFile::read(path).stamp, today);
    QVERIFY2(result.ok(), qPrintable(result.error.message));
    QByteArray outside = readFile(path);
    outside.replace("title: Loose", "title: Loose, retitled elsewhere");
    QVERIFY(writeFile(path, outside));
    const NoteFile::PatchResult undone = NoteEditor::undo(path, result.applied, result.stamp);
    QVERIFY2(undone.ok(), qPrintable(undone.error.message));
    QByteArray expected = before;
    expected.replace("title: Loose", "title: Loose, retitled elsewhere");
    QCOMPARE(readFile(path), expected);
}

void TestOutsideChange::wholeFileEdits_data()
{
    // Mojibake on line 4 ("‚Äô" for "’") and a summary; someone edits line 6 after the preview.
    const QByteArray before =
        "# Review\n\n## Summary\nAnn\xE2\x80\x9A\xC3\x84\xC3\xB4s plan.\n\n## Action Items\n- [ ] Call Ann\n";
    QTest::addColumn<NoteEdit>("edit");
    QTest::addColumn<bool>("passStamp"); // the stamp of the preview goes to apply()
    QTest::newRow("repair, preview bytes") << NoteEdit::repair(before) << false;
    QTest::newRow("repair, stamp seen") << NoteEdit::repair() << true;
    QTest::newRow("summary, preview bytes") << NoteEdit::replaceSummary(QStringLiteral("New plan."), before) << false;
    QTest::newRow("summary, stamp seen") << NoteEdit::replaceSummary(QStringLiteral("New plan.")) << true;
}

// A repair or a new summary previewed on bytes that are no longer on disk: nothing is written.
void TestOutsideChange::wholeFileEdits()
{
    QFETCH(NoteEdit, edit);
    QFETCH(bool, passStamp);
    const QByteArray before =
        "# Review\n\n## Summary\nAnn\xE2\x80\x9A\xC3\x84\xC3\xB4s plan.\n\n## Action Items\n- [ ] Call Ann\n";
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("review.md"));
    QVERIFY(writeFile(path, before));
    const FileStamp seen = NoteFile::read(path).stamp;
    QByteArray outside = before;
    outside.replace("Call Ann", "Call Ann today");
    QVERIFY(writeFile(path, outside));
    const NoteFile::PatchResult result = NoteEditor::apply(path, {edit}, passStamp ? seen : FileStamp{}, today);
    QVERIFY2(isConflictNaming(result.error, QStringLiteral("review.md")), qPrintable(result.error.message));
    QCOMPARE(readFile(path), outside);
}

void TestOutsideChange::repairOfUnchangedPreview()
{
    const QByteArray before = "# Review\n\nAnn\xE2\x80\x9A\xC3\x84\xC3\xB4s plan.\n";
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("review.md"));
    QVERIFY(writeFile(path, before));
    const NoteFile::ReadResult read = NoteFile::read(path);
    const NoteFile::PatchResult result = NoteEditor::apply(path, {NoteEdit::repair(read.bytes)}, read.stamp, today);
    QVERIFY2(result.ok(), qPrintable(result.error.message));
    QCOMPARE(readFile(path), QByteArray("# Review\n\nAnn’s plan.\n"));
    QVERIFY(NoteEditor::undo(path, result.applied, result.stamp).ok());
    QCOMPARE(readFile(path), before);
}

QTEST_GUILESS_MAIN(TestOutsideChange)
#include "tst_outsidechange.moc"
