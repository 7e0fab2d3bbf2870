// Edits of sections: items added in the list's own style, sections created, items deleted,
// the summary replaced, mojibake repaired.
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

class TestSectionEdit final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void addItem_data();
    void addItem();
    void deleteItem_data();
    void deleteItem();
    void replaceSummary_data();
    void replaceSummary();
    void repairFile();
};

void TestSectionEdit::addItem_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<NoteEdit>("edit");
    QTest::addColumn<int>("afterLine");    // the new lines go after this line of the original
    QTest::addColumn<QByteArray>("added"); // with their endings

    NoteEdit task = NoteEdit::addActionItem(QStringLiteral("Call the bank"));
    task.owner = QStringLiteral("Ann Park");
    task.due = QDate(2026, 12, 1);
    task.priority = Priority::High;
    QTest::newRow("tight list") << QStringLiteral("tight-lf.md") << task << 24
                                << QByteArray("- [ ] Call the bank @Ann Park 📅 2026-12-01 ⏫\n");
    QTest::newRow("decision tight") << QStringLiteral("tight-lf.md")
                                    << NoteEdit::addDecision(QStringLiteral("Freeze hiring.")) << 28
                                    << QByteArray("- Freeze hiring.\n");
    QTest::newRow("loose crlf list") << QStringLiteral("loose-crlf.md")
                                     << NoteEdit::addActionItem(QStringLiteral("Sign it")) << 23
                                     << QByteArray("\r\n- [ ] Sign it\r\n");
    QTest::newRow("loose decisions") << QStringLiteral("loose-crlf.md")
                                     << NoteEdit::addDecision(QStringLiteral("Pay yearly.")) << 32
                                     << QByteArray("\r\n- Pay yearly.\r\n");
    QTest::newRow("star bullets, no final newline")
        << QStringLiteral("bom-no-final-newline.md") << NoteEdit::addActionItem(QStringLiteral("Ship it")) << 5
        << QByteArray("* [ ] Ship it");
    QTest::newRow("numbered after nested")
        << QStringLiteral("nested-numbered.md") << NoteEdit::addActionItem(QStringLiteral("Next")) << 10
        << QByteArray("4) [ ] Next\n");
    QTest::newRow("numbered decisions") << QStringLiteral("nested-numbered.md")
                                        << NoteEdit::addDecision(QStringLiteral("Third.")) << 20
                                        << QByteArray("3. Third.\n");
    QTest::newRow("lone cr") << QStringLiteral("lone-cr.md") << NoteEdit::addActionItem(QStringLiteral("Third")) << 5
                             << QByteArray("- [ ] Third\r");
    QTest::newRow("new section before decisions")
        << QStringLiteral("mojibake-invalid.md") << NoteEdit::addDecision(QStringLiteral("Meet again.")) << 20
        << QByteArray("## Decisions\n- Meet again.\n\n");
    QTest::newRow("new section at the end")
        << QStringLiteral("no-sections.md") << NoteEdit::addActionItem(QStringLiteral("Write more")) << 7
        << QByteArray("\n## Action Items\n- [ ] Write more\n");
    QTest::newRow("named task section, created before Decisions")
        << QStringLiteral("tight-lf.md")
        << NoteEdit::addActionItem(QStringLiteral("Later"), QStringLiteral("Follow-ups")) << 25
        << QByteArray("## Follow-ups\n- [ ] Later\n\n");
    QTest::newRow("named section, created before Key Information")
        << QStringLiteral("tight-lf.md")
        << NoteEdit::addDecision(QStringLiteral("Noted"), QStringLiteral("Open questions")) << 29
        << QByteArray("## Open questions\n- Noted\n\n");
    QTest::newRow("created before the Source rule")
        << QStringLiteral("source-rule.md") << NoteEdit::addActionItem(QStringLiteral("Do")) << 5
        << QByteArray("## Action Items\n- [ ] Do\n\n");
}

void TestSectionEdit::addItem()
{
    QFETCH(QString, name);
    QFETCH(NoteEdit, edit);
    QFETCH(int, afterLine);
    QFETCH(QByteArray, added);
    const QByteArray original = readFile(editFixture(name));
    QTemporaryDir dir;
    const QString path = dir.filePath(name);
    QVERIFY(writeFile(path, original));
    const NoteFile::PatchResult result = NoteEditor::apply(path, {edit}, NoteFile::read(path).stamp, today);
    QVERIFY2(result.ok(), qPrintable(result.error.message));

    TextLines expected = TextLines::split(original);
    QByteArray head;
    for (int line = 1; line <= afterLine; ++line)
        head += expected.lines.at(line - 1);
    QByteArray tail;
    for (int line = afterLine + 1; line <= expected.count(); ++line)
        tail += expected.lines.at(line - 1);
    if (TextLines::endingOf(expected.lines.at(afterLine - 1)).isEmpty())
        head += expected.preferredEnding(); // the last line gets the ending it now needs
    // Lines first, for a readable failure; then every byte.
    QCOMPARE(TextLines::split(readFile(path)).lines, TextLines::split(expected.bom + head + added + tail).lines);
    QCOMPARE(readFile(path), expected.bom + head + added + tail);
    QVERIFY(NoteEditor::undo(path, result.applied, result.stamp).ok());
    QCOMPARE(readFile(path), original);
}

void TestSectionEdit::deleteItem_data()
{
    QTest::addColumn<QByteArray>("before");
    QTest::addColumn<int>("line");
    QTest::addColumn<QByteArray>("after");
    QTest::newRow("tight") << QByteArray("## A\n- [ ] a\n- [ ] b\n- [ ] c\n") << 3
                           << QByteArray("## A\n- [ ] a\n- [ ] c\n");
    QTest::newRow("loose keeps one blank")
        << QByteArray("## A\n\n- [ ] a\n\n- [ ] b\n\n- [ ] c\n") << 5 << QByteArray("## A\n\n- [ ] a\n\n- [ ] c\n");
    QTest::newRow("loose last") << QByteArray("## A\n\n- [ ] a\n\n- [ ] b\n\n## B\n") << 5
                                << QByteArray("## A\n\n- [ ] a\n\n## B\n");
    QTest::newRow("first line") << QByteArray("- [ ] a\n- [ ] b\n") << 1 << QByteArray("- [ ] b\n");
    QTest::newRow("only line") << QByteArray("- [ ] a") << 1 << QByteArray();
    QTest::newRow("last line without newline")
        << QByteArray("## A\r\n- [ ] a\r\n- [ ] b") << 3 << QByteArray("## A\r\n- [ ] a");
    QTest::newRow("decision bullet") << QByteArray("## Decisions\n1. x\n2. y\n") << 2
                                     << QByteArray("## Decisions\n2. y\n");
    QTest::newRow("key information, loose, last")
        << QByteArray("## Key Information\n\n- x\n\n- y\n") << 5 << QByteArray("## Key Information\n\n- x\n");
    QTest::newRow("loose, last, no final newline")
        << QByteArray("## Decisions\r\n\r\n- x\r\n\r\n- y") << 5 << QByteArray("## Decisions\r\n\r\n- x");
}

void TestSectionEdit::deleteItem()
{
    QFETCH(QByteArray, before);
    QFETCH(int, line);
    QFETCH(QByteArray, after);
    const TextLines lines = TextLines::split(before);
    const EditPlanner::Plan plan = EditPlanner::plan(lines, QStringLiteral("t.md"), NoteEdit::remove(line), today);
    QVERIFY2(plan.ok(), qPrintable(plan.error.message));
    TextLines edited = lines;
    const std::optional<LinePatch> applied = plan.patch.apply(edited, LinePatch::Mode::Exact);
    QVERIFY(applied);
    QCOMPARE(edited.join(), after);
    QVERIFY(applied->inverse().apply(edited, LinePatch::Mode::Exact));
    QCOMPARE(edited.join(), before);
}

void TestSectionEdit::replaceSummary_data()
{
    QTest::addColumn<QByteArray>("before");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QByteArray>("after");
    QTest::newRow("one paragraph") << QByteArray("# T\n\n## Summary\nOld one.\n\n## Action Items\n")
                                   << QStringLiteral("New one.")
                                   << QByteArray("# T\n\n## Summary\nNew one.\n\n## Action Items\n");
    QTest::newRow("blank kept, crlf") << QByteArray("## Summary\r\n\r\nA.\r\n\r\nB.\r\n## Next\r\n")
                                      << QStringLiteral("One.\n\nTwo.")
                                      << QByteArray("## Summary\r\n\r\nOne.\r\n\r\nTwo.\r\n## Next\r\n");
    QTest::newRow("empty section") << QByteArray("## Summary\n## Next\n") << QStringLiteral("Text.")
                                   << QByteArray("## Summary\nText.\n## Next\n");
    QTest::newRow("created") << QByteArray("# T\n\n## Action Items\n- [ ] a\n") << QStringLiteral("Text.")
                             << QByteArray("# T\n\n## Summary\n\nText.\n\n## Action Items\n- [ ] a\n");
    QTest::newRow("cleared") << QByteArray("## Summary\nOld.\n\n## Next\n") << QString()
                             << QByteArray("## Summary\n\n## Next\n");
}

void TestSectionEdit::replaceSummary()
{
    QFETCH(QByteArray, before);
    QFETCH(QString, text);
    QFETCH(QByteArray, after);
    const TextLines lines = TextLines::split(before);
    const EditPlanner::Plan plan =
        EditPlanner::plan(lines, QStringLiteral("t.md"), NoteEdit::replaceSummary(text), today);
    QVERIFY2(plan.ok(), qPrintable(plan.error.message));
    TextLines edited = lines;
    const std::optional<LinePatch> applied = plan.patch.apply(edited, LinePatch::Mode::Exact);
    QVERIFY(applied);
    QCOMPARE(edited.join(), after);
    QVERIFY(applied->inverse().apply(edited, LinePatch::Mode::Exact));
    QCOMPARE(edited.join(), before);
}

void TestSectionEdit::repairFile()
{
    const QByteArray original = readFile(editFixture(QStringLiteral("mojibake-invalid.md")));
    const TextLines lines = TextLines::split(original);
    const EditPlanner::Plan plan = EditPlanner::plan(lines, QStringLiteral("t.md"), NoteEdit::repair(), today);
    QVERIFY(plan.ok());
    TextLines edited = lines;
    const std::optional<LinePatch> applied = plan.patch.apply(edited, LinePatch::Mode::Exact);
    QVERIFY(applied);
    const QByteArray repaired = edited.join();
    QVERIFY(repaired.contains("They talked about Gus’s move and the café order."));
    QVERIFY(repaired.contains("- [ ?] Send Gus’s notes to Fay. @Fay Ng 📅 2026-05-04 ⏫ #task #proposed\n"));
    QVERIFY(repaired.contains("Zürich trip. @Myself 🔽 #task"));
    QVERIFY(repaired.contains("#task ✅ 2026-05-01\n"));
    QVERIFY(repaired.contains("- [ ] Fix the \xFF\xFE broken bytes line. #task\n"));
    QVERIFY(repaired.contains("- Bytes \xC3\x28 stay as they are.\n"));
    QVERIFY(repaired.contains("Ren\xC3\xA9"
                              "e is spelled right."));
    QCOMPARE(applied->hunks().size(), 4); // only the lines that had mojibake
    QVERIFY(applied->inverse().apply(edited, LinePatch::Mode::Exact));
    QCOMPARE(edited.join(), original);
    // Repairing a repaired file changes nothing.
    QVERIFY(EditPlanner::plan(TextLines::split(repaired), QStringLiteral("t.md"), NoteEdit::repair(), today)
                .patch.isEmpty());
}

QTEST_GUILESS_MAIN(TestSectionEdit)
#include "tst_sectionedit.moc"
