// Every edit changes the bytes it means and nothing else, and its inverse gives the file back.
#include "base/textlines.h"
#include "edit/editplanner.h"
#include "edit/noteeditor.h"
#include "edit/notefile.h"
#include "edit/noteoutline.h"
#include "edit/taskedit.h"
#include "editfixture.h"
#include "parse/noteparser.h"
#include "parse/taskline.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace debrief;
using namespace debrief::test;

namespace {

const QDate today = editToday;
using Action = TaskEdit::StatusAction;

} // namespace

class TestNoteEdit final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void formatTable_data();
    void formatTable();
    void lineEdits_data();
    void lineEdits();
    void notAnActionItem_data();
    void notAnActionItem();
    void bulletEdits_data();
    void bulletEdits();
    void severalEditsAllOrNothing();
    void fileChangedUnrelatedLine();
    void fileChangedTargetLine();
    void fileDeleted();
    void noEditWritesNothing();
};

void TestNoteEdit::formatTable_data()
{
    QTest::addColumn<int>("action");
    QTest::addColumn<QByteArray>("before");
    QTest::addColumn<QByteArray>("after");
    QTest::newRow("accept") << int(Action::Accept) << QByteArray("- [?] Do it. @Ann 📅 2025-10-31 #task #proposed")
                            << QByteArray("- [ ] Do it. @Ann 📅 2025-10-31 #task");
    QTest::newRow("reject") << int(Action::Reject) << QByteArray("- [?] Do it. @Ann #task #proposed")
                            << QByteArray("- [-] Do it. @Ann #task ❌ 2026-11-21");
    QTest::newRow("done") << int(Action::Done) << QByteArray("- [ ] Do it. @Ann #task")
                          << QByteArray("- [x] Do it. @Ann #task ✅ 2026-11-21");
    QTest::newRow("reopen") << int(Action::Reopen) << QByteArray("- [x] Do it. @Ann #task ✅ 2026-11-21")
                            << QByteArray("- [ ] Do it. @Ann #task");
}

void TestNoteEdit::formatTable()
{
    QFETCH(int, action);
    QFETCH(QByteArray, before);
    QFETCH(QByteArray, after);
    QCOMPARE(TaskEdit::setStatus(before, Action(action), today).value_or("<not a task>"), after);

    // The same through the file, with CRLF around it.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("note.md"));
    const QByteArray head = "# Note\r\n\r\n## Action Items\r\n";
    QVERIFY(writeFile(path, head + before + "\r\n- [ ] Other\r\n"));
    const NoteFile::ReadResult read = NoteFile::read(path);
    const NoteFile::PatchResult result =
        NoteEditor::apply(path, {NoteEdit::setStatus(4, Action(action), before)}, read.stamp, today);
    QVERIFY2(result.ok(), qPrintable(result.error.message));
    QCOMPARE(readFile(path), head + after + "\r\n- [ ] Other\r\n");
    QVERIFY(NoteEditor::undo(path, result.applied, result.stamp).ok());
    QCOMPARE(readFile(path), read.bytes);
}

void TestNoteEdit::lineEdits_data()
{
    QTest::addColumn<QByteArray>("before");
    QTest::addColumn<NoteEdit>("edit");
    QTest::addColumn<QByteArray>("after");
    const auto status = [](Action a) { return NoteEdit::setStatus(1, a); };
    const auto change = [](auto set) {
        NoteEdit e = NoteEdit::change(1);
        set(e);
        return e;
    };
    // U+F8FF "üìÖ" is 📅 read as Mac Roman; "‚úÖ" is ✅.
    const QByteArray mojibakeDue = "\xEF\xA3\xBF\xC3\xBC\xC3\xAC\xC3\x96";
    const QByteArray mojibakeDone = "\xE2\x80\x9A\xC3\xBA\xC3\x96";

    QTest::newRow("accept [ ?]") << QByteArray("- [ ?] Do it. #task #proposed") << status(Action::Accept)
                                 << QByteArray("- [ ] Do it. #task");
    QTest::newRow("accept proposed in the middle")
        << QByteArray("- [?] Do it. #proposed #task") << status(Action::Accept) << QByteArray("- [ ] Do it. #task");
    QTest::newRow("reject replaces an old date")
        << QByteArray("- [-] Do it. ❌ 2020-01-01 #task") << status(Action::Reject)
        << QByteArray("- [-] Do it. ❌ 2026-11-21 #task");
    QTest::newRow("done drops the cancelled date")
        << QByteArray("- [-] Do it. #task ❌ 2020-01-01") << status(Action::Done)
        << QByteArray("- [x] Do it. #task ✅ 2026-11-21");
    QTest::newRow("reopen mojibake done date") << QByteArray("- [x] Do it. #task " + mojibakeDone + " 2026-01-01")
                                               << status(Action::Reopen) << QByteArray("- [ ] Do it. #task");
    QTest::newRow("reopen dataview completion") << QByteArray("- [x] Do it. [completion:: 2026-01-01] #task")
                                                << status(Action::Reopen) << QByteArray("- [ ] Do it. #task");
    // A field in any spelling Tasks reads is replaced where it stands, never doubled.
    const auto due = [&](QDate d) { return change([d](NoteEdit &e) { e.due = d; }); };
    QTest::newRow("due 🗓 replaced") << QByteArray("- [ ] Plan ⏫ 🗓️ 2024-06-03 #task")
                                       << due(QDate(2024, 7, 1))
                                       << QByteArray("- [ ] Plan ⏫ 🗓️ 2024-07-01 #task");
    QTest::newRow("due 📆 replaced") << QByteArray("- [ ] Plan 📆 2024-06-03") << due(QDate(2024, 7, 1))
                                    << QByteArray("- [ ] Plan 📆 2024-07-01");
    QTest::newRow("scheduled ⌛ replaced")
        << QByteArray("- [ ] Plan ⌛ 2024-06-03 ⏫") << change([](NoteEdit &e) { e.scheduled = QDate(2024, 7, 2); })
        << QByteArray("- [ ] Plan ⌛ 2024-07-02 ⏫");
    QTest::newRow("an invalid due date replaced") << QByteArray("- [ ] Plan 📅 2024-02-31 ⏫") << due(QDate(2024, 2, 29))
                                                  << QByteArray("- [ ] Plan 📅 2024-02-29 ⏫");
    QTest::newRow("due removed in its spelling")
        << QByteArray("- [ ] Plan 🗓 2024-06-03 ⏫") << due(QDate()) << QByteArray("- [ ] Plan ⏫");
    QTest::newRow("due beside id, depends on, on completion")
        << QByteArray("- [ ] Plan 🆔 p1 ⛔ a1,b2 📅 2024-06-03 🏁 keep") << due(QDate(2024, 7, 1))
        << QByteArray("- [ ] Plan 🆔 p1 ⛔ a1,b2 📅 2024-07-01 🏁 keep");
    QTest::newRow("priority before 🏁 replaced")
        << QByteArray("- [ ] Plan ⏫ 🏁 delete") << change([](NoteEdit &e) { e.priority = Priority::Low; })
        << QByteArray("- [ ] Plan 🔽 🏁 delete");
    QTest::newRow("the due date that counts is the first")
        << QByteArray("- [ ] Plan 📅 2024-06-01 🗓 2024-06-09") << due(QDate(2024, 7, 1))
        << QByteArray("- [ ] Plan 📅 2024-07-01 🗓 2024-06-09");
    QTest::newRow("in progress") << QByteArray("1. [ ] Do it.") << status(Action::InProgress)
                                 << QByteArray("1. [/] Do it.");
    QTest::newRow("text") << QByteArray("- [ ] Old words @Ann 📅 2026-01-01 #task")
                          << change([](NoteEdit &e) { e.text = QStringLiteral("New words"); })
                          << QByteArray("- [ ] New words @Ann 📅 2026-01-01 #task");
    QTest::newRow("owner replaced") << QByteArray("- [ ] Do it. @Ann Lee 📅 2026-01-01 #task")
                                    << change([](NoteEdit &e) { e.owner = QStringLiteral("Bo Chan"); })
                                    << QByteArray("- [ ] Do it. @Bo Chan 📅 2026-01-01 #task");
    QTest::newRow("owner inserted before tags")
        << QByteArray("- [ ] Do it. #task #auto") << change([](NoteEdit &e) { e.owner = QStringLiteral("Bo"); })
        << QByteArray("- [ ] Do it. @Bo #task #auto");
    QTest::newRow("owner appended") << QByteArray("- [ ] Do it.")
                                    << change([](NoteEdit &e) { e.owner = QStringLiteral("Bo"); })
                                    << QByteArray("- [ ] Do it. @Bo");
    QTest::newRow("owner removed") << QByteArray("- [ ] Do it. @Ann Lee #task")
                                   << change([](NoteEdit &e) { e.owner = QString(); })
                                   << QByteArray("- [ ] Do it. #task");
    QTest::newRow("due in place, mojibake kept") << QByteArray("- [ ] Do it. " + mojibakeDue + " 2025-10-31 #task")
                                                 << change([](NoteEdit &e) { e.due = QDate(2026, 2, 3); })
                                                 << QByteArray("- [ ] Do it. " + mojibakeDue + " 2026-02-03 #task");
    QTest::newRow("due inserted with real emoji")
        << QByteArray("- [ ] Do it. @Ann #task") << change([](NoteEdit &e) { e.due = QDate(2026, 2, 3); })
        << QByteArray("- [ ] Do it. @Ann 📅 2026-02-03 #task");
    QTest::newRow("due dataview spelling")
        << QByteArray("- [ ] Do it. [due:: 2025-10-31] #task") << change([](NoteEdit &e) { e.due = QDate(2026, 2, 3); })
        << QByteArray("- [ ] Do it. [due:: 2026-02-03] #task");
    QTest::newRow("due removed") << QByteArray("- [ ] Do it. 📅 2025-10-31 ⏫ #task")
                                 << change([](NoteEdit &e) { e.due = QDate(); }) << QByteArray("- [ ] Do it. ⏫ #task");
    QTest::newRow("owner before tags and done date")
        << QByteArray("- [x] Do it. #task ✅ 2026-01-01") << change([](NoteEdit &e) { e.owner = QStringLiteral("Bo"); })
        << QByteArray("- [x] Do it. @Bo #task ✅ 2026-01-01");
    QTest::newRow("due before a cancelled date")
        << QByteArray("- [-] Do it. ❌ 2026-01-01") << change([](NoteEdit &e) { e.due = QDate(2026, 2, 3); })
        << QByteArray("- [-] Do it. 📅 2026-02-03 ❌ 2026-01-01");
    QTest::newRow("scheduled inserted") << QByteArray("- [ ] Do it.")
                                        << change([](NoteEdit &e) { e.scheduled = QDate(2026, 2, 3); })
                                        << QByteArray("- [ ] Do it. ⏳ 2026-02-03");
    QTest::newRow("start inserted") << QByteArray("- [ ] Do it. #t")
                                    << change([](NoteEdit &e) { e.start = QDate(2026, 2, 3); })
                                    << QByteArray("- [ ] Do it. 🛫 2026-02-03 #t");
    QTest::newRow("priority in place") << QByteArray("- [ ] Do it. ⏫ #task")
                                       << change([](NoteEdit &e) { e.priority = Priority::Lowest; })
                                       << QByteArray("- [ ] Do it. ⏬ #task");
    QTest::newRow("priority with selector")
        << QByteArray("- [ ] Do it. ⏫\xEF\xB8\x8F #task") << change([](NoteEdit &e) { e.priority = Priority::Medium; })
        << QByteArray("- [ ] Do it. 🔼 #task");
    QTest::newRow("priority dataview") << QByteArray("- [ ] Do it. [priority:: low]")
                                       << change([](NoteEdit &e) { e.priority = Priority::High; })
                                       << QByteArray("- [ ] Do it. [priority:: high]");
    QTest::newRow("priority removed") << QByteArray("- [ ] Do it. 🔺 #task")
                                      << change([](NoteEdit &e) { e.priority = Priority::None; })
                                      << QByteArray("- [ ] Do it. #task");
    // A trailing Obsidian block id stays last, so that links to the block keep working.
    QTest::newRow("done before a block id") << QByteArray("- [ ] Ship it #task ^abc123") << status(Action::Done)
                                            << QByteArray("- [x] Ship it #task ✅ 2026-11-21 ^abc123");
    QTest::newRow("reject before a block id")
        << QByteArray("- [?] Ship it #task #proposed ^a-1") << status(Action::Reject)
        << QByteArray("- [-] Ship it #task ❌ 2026-11-21 ^a-1");
    QTest::newRow("reopen before a block id") << QByteArray("- [x] Ship it #task ✅ 2026-01-01 ^abc123")
                                              << status(Action::Reopen) << QByteArray("- [ ] Ship it #task ^abc123");
    QTest::newRow("done, block id and trailing blanks")
        << QByteArray("- [ ] Ship it ^b2  ") << status(Action::Done) << QByteArray("- [x] Ship it ✅ 2026-11-21 ^b2  ");
    QTest::newRow("due before a block id")
        << QByteArray("- [ ] Ship it ^b2") << change([](NoteEdit &e) { e.due = QDate(2026, 2, 3); })
        << QByteArray("- [ ] Ship it 📅 2026-02-03 ^b2");
    QTest::newRow("priority before tags and a block id")
        << QByteArray("- [ ] Ship it #task ^b2") << change([](NoteEdit &e) { e.priority = Priority::High; })
        << QByteArray("- [ ] Ship it ⏫ #task ^b2");
    QTest::newRow("owner replaced before a block id")
        << QByteArray("- [ ] Ship it @Ann Lee ^b2") << change([](NoteEdit &e) { e.owner = QStringLiteral("Bo"); })
        << QByteArray("- [ ] Ship it @Bo ^b2");
    QTest::newRow("text of a bare block id item")
        << QByteArray("- [ ] ^b2") << change([](NoteEdit &e) { e.text = QStringLiteral("Ship it"); })
        << QByteArray("- [ ] Ship it ^b2");
    // Export --add-ids gives an item a block id: appended last, or replacing the one there.
    const auto blockId = [&](const char *id) {
        return change([id](NoteEdit &e) { e.blockId = QString::fromLatin1(id); });
    };
    QTest::newRow("block id appended after the fields")
        << QByteArray("- [ ] Ship it @Ann 📅 2026-02-03 ⏫ #task") << blockId("t-3f2a")
        << QByteArray("- [ ] Ship it @Ann 📅 2026-02-03 ⏫ #task ^t-3f2a");
    QTest::newRow("block id before trailing blanks")
        << QByteArray("- [ ] Ship it  \t") << blockId("b2") << QByteArray("- [ ] Ship it ^b2  \t");
    QTest::newRow("block id replaced") << QByteArray("- [x] Ship it ✅ 2026-01-01 ^old-1") << blockId("new-2")
                                       << QByteArray("- [x] Ship it ✅ 2026-01-01 ^new-2");
    QTest::newRow("block id, mojibake on the line kept")
        << QByteArray("- [ ] Caf\xC3\x83\xC2\xA9 " + mojibakeDue + " 2025-10-31") << blockId("c1")
        << QByteArray("- [ ] Caf\xC3\x83\xC2\xA9 " + mojibakeDue + " 2025-10-31 ^c1");
    QTest::newRow("nested quote item") << QByteArray("> \t- [?] Quoted. #proposed") << status(Action::Accept)
                                       << QByteArray("> \t- [ ] Quoted.");
}

void TestNoteEdit::lineEdits()
{
    QFETCH(QByteArray, before);
    QFETCH(NoteEdit, edit);
    QFETCH(QByteArray, after);
    // No final newline, and an invalid byte on another line that must survive.
    const QByteArray other = "- [ ] Other \xFF line\n";
    const TextLines lines = TextLines::split(before + "\n" + other);
    const EditPlanner::Plan plan = EditPlanner::plan(lines, QStringLiteral("t.md"), edit, today);
    QVERIFY2(plan.ok(), qPrintable(plan.error.message));
    TextLines edited = lines;
    const std::optional<LinePatch> applied = plan.patch.apply(edited, LinePatch::Mode::Exact);
    QVERIFY(applied);
    QCOMPARE(edited.join(), after + "\n" + other);
    QVERIFY(applied->inverse().apply(edited, LinePatch::Mode::Exact));
    QCOMPARE(edited.join(), lines.join());
}

void TestNoteEdit::notAnActionItem_data()
{
    QTest::addColumn<NoteEdit>("edit");
    QTest::addColumn<int>("code");
    QTest::newRow("paragraph") << NoteEdit::setStatus(3, Action::Done) << int(EditError::Code::NotActionItem);
    QTest::newRow("inside code") << NoteEdit::setStatus(13, Action::Done) << int(EditError::Code::NotActionItem);
    QTest::newRow("heading delete") << NoteEdit::remove(5) << int(EditError::Code::NotActionItem);
    QTest::newRow("delete the code line") << NoteEdit::remove(13) << int(EditError::Code::NotActionItem);
    QTest::newRow("past the end") << NoteEdit::setStatus(999, Action::Done) << int(EditError::Code::NotActionItem);
    QTest::newRow("block id on a decision") << [] {
        NoteEdit e = NoteEdit::change(20);
        e.blockId = QStringLiteral("d1");
        return e;
    }() << int(EditError::Code::NotActionItem);
    QTest::newRow("block id not letters, digits and dashes") << [] {
        NoteEdit e = NoteEdit::change(9);
        e.blockId = QStringLiteral("a b");
        return e;
    }() << int(EditError::Code::InvalidEdit);
    QTest::newRow("owner on a decision") << [] {
        NoteEdit e = NoteEdit::change(20);
        e.owner = QStringLiteral("X");
        return e;
    }() << int(EditError::Code::NotActionItem);
}

void TestNoteEdit::notAnActionItem()
{
    QFETCH(NoteEdit, edit);
    QFETCH(int, code);
    const TextLines lines = TextLines::split(readFile(editFixture(QStringLiteral("nested-numbered.md"))));
    const EditPlanner::Plan plan = EditPlanner::plan(lines, QStringLiteral("n.md"), edit, today);
    QCOMPARE(int(plan.error.code), code);
    QVERIFY2(plan.error.message.contains(QStringLiteral("n.md")), qPrintable(plan.error.message));
}

// Decisions and key information: their text replaced or the bullet removed, found by the line
// and the text the user saw, continuation lines included.
void TestNoteEdit::bulletEdits_data()
{
    QTest::addColumn<QByteArray>("before");
    QTest::addColumn<NoteEdit>("edit");
    QTest::addColumn<QByteArray>("after"); // empty: refused as a conflict

    const QByteArray head = "## Decisions\n";
    const QByteArray wrapped = head + "- Keep the budget,\n  as agreed.\n- Move the offsite.\n";
    const QString wrappedText = QStringLiteral("Keep the budget, as agreed.");
    QTest::newRow("edit one line") << head + "- Move the offsite.\n"
                                   << NoteEdit::editBullet(2, QStringLiteral("Move the offsite."),
                                                           QStringLiteral("Stay."))
                                   << head + "- Stay.\n";
    QTest::newRow("edit wrapped becomes one line")
        << wrapped << NoteEdit::editBullet(2, wrappedText, QStringLiteral("Cut it."))
        << head + "- Cut it.\n- Move the offsite.\n";
    QTest::newRow("edit numbered CRLF keeps its marker")
        << QByteArray("## Key Information\r\n1.  Spend is flat.\r\n")
        << NoteEdit::editBullet(2, QStringLiteral("Spend is flat."), QStringLiteral("Spend is up."))
        << QByteArray("## Key Information\r\n1.  Spend is up.\r\n");
    QTest::newRow("delete wrapped") << wrapped << NoteEdit::deleteBullet(2, wrappedText)
                                    << head + "- Move the offsite.\n";
    QTest::newRow("text seen no longer there")
        << wrapped << NoteEdit::editBullet(2, QStringLiteral("Keep the budget,"), QStringLiteral("X")) << QByteArray();
    QTest::newRow("line is a task now") << head + "- [ ] Move the offsite.\n"
                                        << NoteEdit::deleteBullet(2, QStringLiteral("Move the offsite."))
                                        << QByteArray();
    QTest::newRow("change with text only edits a decision") << head + "- Move the offsite.\n"
                                                            <<
        [] {
            NoteEdit e = NoteEdit::change(2);
            e.text = QStringLiteral("Stay.");
            return e;
        }() << head + "- Stay.\n";
}

void TestNoteEdit::bulletEdits()
{
    QFETCH(QByteArray, before);
    QFETCH(NoteEdit, edit);
    QFETCH(QByteArray, after);
    const TextLines lines = TextLines::split(before);
    const EditPlanner::Plan plan = EditPlanner::plan(lines, QStringLiteral("b.md"), edit, today);
    if (after.isEmpty()) {
        QCOMPARE(int(plan.error.code), int(EditError::Code::Conflict));
        return;
    }
    QVERIFY2(plan.ok(), qPrintable(plan.error.message));
    TextLines edited = lines;
    QVERIFY(plan.patch.apply(edited, LinePatch::Mode::Exact));
    QCOMPARE(edited.join(), after);
}

void TestNoteEdit::severalEditsAllOrNothing()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("n.md"));
    const QByteArray original = readFile(editFixture(QStringLiteral("tight-lf.md")));
    QVERIFY(writeFile(path, original));
    const FileStamp stamp = NoteFile::read(path).stamp;
    // One good target, one that is not a task: nothing is written.
    NoteFile::PatchResult result = NoteEditor::apply(
        path, {NoteEdit::setStatus(18, Action::Accept), NoteEdit::setStatus(9, Action::Accept)}, stamp, today);
    QCOMPARE(result.error.code, EditError::Code::NotActionItem);
    QCOMPARE(readFile(path), original);
    result = NoteEditor::apply(path, {NoteEdit::setStatus(18, Action::Accept), NoteEdit::setStatus(19, Action::Reject)},
                               stamp, today);
    QVERIFY(result.ok());
    const TextLines edited = TextLines::split(readFile(path));
    QVERIFY(edited.content(18).startsWith("- [ ] Send"));
    QVERIFY(edited.content(19).startsWith("- [-] Book"));
    QVERIFY(NoteEditor::undo(path, result.applied, result.stamp).ok());
    QCOMPARE(readFile(path), original);
}

void TestNoteEdit::fileChangedUnrelatedLine()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("n.md"));
    const QByteArray original = readFile(editFixture(QStringLiteral("tight-lf.md")));
    QVERIFY(writeFile(path, original));
    const NoteFile::ReadResult read = NoteFile::read(path);
    const QByteArray raw = TextLines::split(read.bytes).content(20).toByteArray();
    // Obsidian adds a line at the top of the body and edits the summary meanwhile.
    QByteArray outside = original;
    outside.replace("The team went through the spring budget.", "The team went through the budget.");
    outside.replace("# Budget review\n\n**Date**", "# Budget review\n\nAdded elsewhere.\n\n**Date**");
    QVERIFY(writeFile(path, outside));
    const NoteFile::PatchResult result =
        NoteEditor::apply(path, {NoteEdit::setStatus(20, Action::Done, raw)}, read.stamp, today);
    QVERIFY2(result.ok(), qPrintable(result.error.message));
    QVERIFY(result.fileHadChanged);
    QByteArray expected = outside;
    expected.replace("- [ ] Draft the hiring plan. @Myself ⏳ 2026-03-04 #task\n",
                     "- [x] Draft the hiring plan. @Myself ⏳ 2026-03-04 #task ✅ 2026-11-21\n");
    QCOMPARE(readFile(path), expected);
    QVERIFY(NoteEditor::undo(path, result.applied, result.stamp).ok());
    QCOMPARE(readFile(path), outside);
}

void TestNoteEdit::fileChangedTargetLine()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("n.md"));
    const QByteArray original = readFile(editFixture(QStringLiteral("tight-lf.md")));
    QVERIFY(writeFile(path, original));
    const NoteFile::ReadResult read = NoteFile::read(path);
    const QByteArray raw = TextLines::split(read.bytes).content(20).toByteArray();
    QByteArray outside = original;
    outside.replace("Draft the hiring plan.", "Draft the hiring plan for Q3.");
    QVERIFY(writeFile(path, outside));
    const NoteFile::PatchResult result =
        NoteEditor::apply(path, {NoteEdit::setStatus(20, Action::Done, raw)}, read.stamp, today);
    QCOMPARE(result.error.code, EditError::Code::Conflict);
    QVERIFY2(result.error.message.contains(QStringLiteral("n.md")), qPrintable(result.error.message));
    QCOMPARE(readFile(path), outside);
    // Without the line's bytes to check, a changed file is a conflict too.
    QCOMPARE(NoteEditor::apply(path, {NoteEdit::setStatus(20, Action::Done)}, read.stamp, today).error.code,
             EditError::Code::Conflict);
    QCOMPARE(readFile(path), outside);
}

void TestNoteEdit::fileDeleted()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("gone.md"));
    QVERIFY(writeFile(path, readFile(editFixture(QStringLiteral("tight-lf.md")))));
    const FileStamp stamp = NoteFile::read(path).stamp;
    QVERIFY(QFile::remove(path));
    const NoteFile::PatchResult result =
        NoteEditor::apply(path, {NoteEdit::setStatus(18, Action::Accept)}, stamp, today);
    QCOMPARE(result.error.code, EditError::Code::NotFound);
    QVERIFY2(result.error.message.contains(QStringLiteral("gone.md does not exist")), qPrintable(result.error.message));
    QVERIFY(!QFile::exists(path));
}

void TestNoteEdit::noEditWritesNothing()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("n.md"));
    QVERIFY(writeFile(path, "- [ ] Open already\n"));
    const NoteFile::ReadResult read = NoteFile::read(path);
    QVERIFY(QFile::setPermissions(path, QFileDevice::ReadOwner)); // any write would fail
    const NoteFile::PatchResult result =
        NoteEditor::apply(path, {NoteEdit::setStatus(1, Action::Accept)}, read.stamp, today);
    QVERIFY2(result.ok(), qPrintable(result.error.message));
    QVERIFY(result.applied.isEmpty());
}

QTEST_GUILESS_MAIN(TestNoteEdit)
#include "tst_noteedit.moc"
