// Several edits of one note in one batch, as a bulk action in the app or several FILE:LINE
// targets on the command line make them: neighbouring lines, all or none, one undo.
#include "base/textlines.h"
#include "edit/editplanner.h"
#include "edit/noteeditor.h"
#include "edit/notefile.h"
#include "edit/taskedit.h"
#include "editfixture.h"
#include "parse/noteparser.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace debrief;
using namespace debrief::test;

namespace {

const QDate today = editToday;
using Action = TaskEdit::StatusAction;

NoteEdit newText(int line, const QString &text)
{
    NoteEdit edit = NoteEdit::change(line);
    edit.text = text;
    return edit;
}

// The edits with the bytes of their lines, as the app sends them.
QList<NoteEdit> withExpected(QList<NoteEdit> edits, const QByteArray &bytes)
{
    const TextLines lines = TextLines::split(bytes);
    for (NoteEdit &edit : edits)
        edit.expected = lines.content(edit.line).toByteArray();
    return edits;
}

const QByteArray tight = "## Action Items\n- [ ] One\n- [ ] Two\n- [ ] Three\n- [ ] Four\n";
const QByteArray loose = "## Action Items\n\n- [ ] One\n\n- [ ] Two\n\n- [ ] Three\n\n- [ ] Four\n";

} // namespace

class TestEditBatch final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void neighbours_data();
    void neighbours();
    void neighboursAfterOutsideChange();
    void everyPairOfNeighboursInTheFixtures();
    void allOrNone();
    void sameLineTwice_data();
    void sameLineTwice();
};

void TestEditBatch::neighbours_data()
{
    QTest::addColumn<QByteArray>("before");
    QTest::addColumn<QList<NoteEdit>>("edits");
    QTest::addColumn<QByteArray>("after");

    QTest::newRow("two deletions, tight list") << tight << QList<NoteEdit>{NoteEdit::remove(3), NoteEdit::remove(4)}
                                               << QByteArray("## Action Items\n- [ ] One\n- [ ] Four\n");
    QTest::newRow("three deletions, given backwards")
        << tight << QList<NoteEdit>{NoteEdit::remove(4), NoteEdit::remove(3), NoteEdit::remove(2)}
        << QByteArray("## Action Items\n- [ ] Four\n");
    QTest::newRow("two deletions at the end of the file")
        << tight << QList<NoteEdit>{NoteEdit::remove(4), NoteEdit::remove(5)}
        << QByteArray("## Action Items\n- [ ] One\n- [ ] Two\n");
    QTest::newRow("two deletions at the top of the file")
        << QByteArray("- [ ] One\n- [ ] Two\n- [ ] Three\n")
        << QList<NoteEdit>{NoteEdit::remove(1), NoteEdit::remove(2)} << QByteArray("- [ ] Three\n");
    QTest::newRow("every line of the file")
        << QByteArray("- [ ] One\r\n- [ ] Two\r\n") << QList<NoteEdit>{NoteEdit::remove(1), NoteEdit::remove(2)}
        << QByteArray();
    QTest::newRow("last two lines, no final newline")
        << QByteArray("## Action Items\n- [ ] One\n- [ ] Two\n- [ ] Three")
        << QList<NoteEdit>{NoteEdit::remove(3), NoteEdit::remove(4)} << QByteArray("## Action Items\n- [ ] One");
    QTest::newRow("two neighbours of a loose list")
        << loose << QList<NoteEdit>{NoteEdit::remove(5), NoteEdit::remove(7)}
        << QByteArray("## Action Items\n\n- [ ] One\n\n- [ ] Four\n");
    QTest::newRow("last two of a loose list") << loose << QList<NoteEdit>{NoteEdit::remove(7), NoteEdit::remove(9)}
                                              << QByteArray("## Action Items\n\n- [ ] One\n\n- [ ] Two\n");
    QTest::newRow("two neighbours of a loose crlf list")
        << QByteArray("## Decisions\r\n\r\n- Rent.\r\n\r\n- Buy.\r\n\r\n- Lease.\r\n")
        << QList<NoteEdit>{NoteEdit::remove(3), NoteEdit::remove(5)} << QByteArray("## Decisions\r\n\r\n- Lease.\r\n");
    QTest::newRow("two decisions") << QByteArray("## Decisions\n- Rent.\n- Buy.\n- Lease.\n")
                                   << QList<NoteEdit>{NoteEdit::remove(2), NoteEdit::remove(3)}
                                   << QByteArray("## Decisions\n- Lease.\n");
    QTest::newRow("accept, then delete the next line")
        << QByteArray("## Action Items\n- [?] One #proposed\n- [ ] Two\n- [ ] Three\n")
        << QList<NoteEdit>{NoteEdit::setStatus(2, Action::Accept), NoteEdit::remove(3)}
        << QByteArray("## Action Items\n- [ ] One\n- [ ] Three\n");
    QTest::newRow("delete the first line, accept the next")
        << QByteArray("- [ ] One\n- [?] Two #proposed\n")
        << QList<NoteEdit>{NoteEdit::remove(1), NoteEdit::setStatus(2, Action::Accept)} << QByteArray("- [ ] Two\n");
    QTest::newRow("edit, then delete the last line without newline")
        << QByteArray("## Action Items\n- [ ] One\n- [ ] Two")
        << QList<NoteEdit>{newText(2, QStringLiteral("Uno")), NoteEdit::remove(3)}
        << QByteArray("## Action Items\n- [ ] Uno");
    QTest::newRow("delete the last line without newline, done the one before")
        << QByteArray("## Action Items\n- [ ] One\n- [ ] Two")
        << QList<NoteEdit>{NoteEdit::remove(3), NoteEdit::setStatus(2, Action::Done)}
        << QByteArray("## Action Items\n- [x] One ✅ 2026-11-21");
    // A wrapped item goes with its continuation lines, which would otherwise join the item above.
    QTest::newRow("a wrapped decision") << QByteArray("## Decisions\n- Keep the budget.\n- Move the launch to May "
                                                      "because the vendor\n  cannot deliver in April.\n- Hire.\n")
                                        << QList<NoteEdit>{NoteEdit::remove(3)}
                                        << QByteArray("## Decisions\n- Keep the budget.\n- Hire.\n");
    QTest::newRow("a wrapped decision, lazy continuation, last in the file")
        << QByteArray("## Decisions\n- Keep the budget.\n- Move the launch\nto May.")
        << QList<NoteEdit>{NoteEdit::remove(3)} << QByteArray("## Decisions\n- Keep the budget.");
    QTest::newRow("a wrapped task in a loose crlf list")
        << QByteArray("## Action Items\r\n\r\n- [ ] One\r\n\r\n- [ ] Two, which\r\n  wraps\r\n\r\n- [ ] Three\r\n")
        << QList<NoteEdit>{NoteEdit::remove(5)}
        << QByteArray("## Action Items\r\n\r\n- [ ] One\r\n\r\n- [ ] Three\r\n");
    QTest::newRow("a wrapped task keeps its nested items")
        << QByteArray("- [ ] One, which\n  wraps\n  - [ ] Nested\n- [ ] Two\n") << QList<NoteEdit>{NoteEdit::remove(1)}
        << QByteArray("  - [ ] Nested\n- [ ] Two\n");
    QTest::newRow("two wrapped neighbours in one batch")
        << QByteArray("## Decisions\n- Rent, since\n  it is cheap.\n- Buy, since\n  it lasts.\n- Lease.\n")
        << QList<NoteEdit>{NoteEdit::remove(2), NoteEdit::remove(4)} << QByteArray("## Decisions\n- Lease.\n");
    QTest::newRow("accept a wrapped task, delete the next")
        << QByteArray("- [?] One #proposed\n  wraps\n- [ ] Two\n  wraps too\n- [ ] Three\n")
        << QList<NoteEdit>{NoteEdit::setStatus(1, Action::Accept), NoteEdit::remove(3)}
        << QByteArray("- [ ] One\n  wraps\n- [ ] Three\n");
    QTest::newRow("done around a deletion")
        << tight
        << QList<NoteEdit>{NoteEdit::setStatus(2, Action::Done), NoteEdit::remove(3),
                           NoteEdit::setStatus(4, Action::Done)}
        << QByteArray("## Action Items\n- [x] One ✅ 2026-11-21\n- [x] Three ✅ 2026-11-21\n- [ ] Four\n");
}

// Through the file: the bytes the batch means, undo gives back the original, redo the edit.
void TestEditBatch::neighbours()
{
    QFETCH(QByteArray, before);
    QFETCH(QList<NoteEdit>, edits);
    QFETCH(QByteArray, after);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("n.md"));
    QVERIFY(writeFile(path, before));
    const NoteFile::PatchResult result =
        NoteEditor::apply(path, withExpected(edits, before), NoteFile::read(path).stamp, today);
    QVERIFY2(result.ok(), qPrintable(result.error.message));
    QCOMPARE(readFile(path), after);
    const NoteFile::PatchResult undone = NoteEditor::undo(path, result.applied, result.stamp);
    QVERIFY2(undone.ok(), qPrintable(undone.error.message));
    QCOMPARE(readFile(path), before);
    QVERIFY(NoteEditor::undo(path, undone.applied, undone.stamp).ok());
    QCOMPARE(readFile(path), after);

    // The same batch planned alone, as the command line plans it (line numbers only).
    TextLines lines = TextLines::split(before);
    const EditPlanner::Plan plan = EditPlanner::plan(lines, QStringLiteral("n.md"), edits, today);
    QVERIFY2(plan.ok(), qPrintable(plan.error.message));
    QVERIFY(plan.patch.apply(lines, LinePatch::Mode::Exact));
    QCOMPARE(lines.join(), after);
}

// Obsidian added lines above and below: the deletions still find their lines, and so does the undo.
void TestEditBatch::neighboursAfterOutsideChange()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("n.md"));
    QVERIFY(writeFile(path, tight));
    const NoteFile::ReadResult read = NoteFile::read(path);
    const QByteArray outside = "# Title\n\nIntro.\n\n" + tight + "- [ ] Five\n";
    QVERIFY(writeFile(path, outside));
    const NoteFile::PatchResult result =
        NoteEditor::apply(path, withExpected({NoteEdit::remove(3), NoteEdit::remove(4)}, tight), read.stamp, today);
    QVERIFY2(result.ok(), qPrintable(result.error.message));
    QVERIFY(result.fileHadChanged);
    QCOMPARE(readFile(path), QByteArray("# Title\n\nIntro.\n\n## Action Items\n- [ ] One\n- [ ] Four\n- [ ] Five\n"));
    QVERIFY(NoteEditor::undo(path, result.applied, result.stamp).ok());
    QCOMPARE(readFile(path), outside);
}

// Every two items of a fixture next to each other (or a blank line apart): the batch gives the
// bytes that the two edits give one after the other, the lower one first, and its inverse the
// original bytes.
void TestEditBatch::everyPairOfNeighboursInTheFixtures()
{
    const QDir fixtures(editFixture(QString()));
    int checked = 0;
    for (const QString &name : fixtures.entryList({QStringLiteral("*.md")}, QDir::Files)) {
        const QByteArray bytes = readFile(fixtures.filePath(name));
        const TextLines lines = TextLines::split(bytes);
        const Note note = NoteParser::parse(bytes, name);
        QList<int> tasks;
        for (const ActionItem &item : note.actionItems)
            tasks.append(item.line);
        QList<int> items = tasks;
        for (const Bullet &bullet : note.decisions + note.keyInformation)
            items.append(bullet.line);
        std::sort(items.begin(), items.end());
        for (qsizetype i = 1; i < items.size(); ++i) {
            const int upper = items.at(i - 1);
            const int lower = items.at(i);
            if (lower - upper > 2)
                continue;
            QList<std::pair<QString, QList<NoteEdit>>> batches{
                {QStringLiteral("delete both"), {NoteEdit::remove(lower), NoteEdit::remove(upper)}}};
            if (tasks.contains(upper))
                batches.append({QStringLiteral("done above, delete below"),
                                {NoteEdit::remove(lower), NoteEdit::setStatus(upper, Action::Done)}});
            if (tasks.contains(lower))
                batches.append({QStringLiteral("delete above, reject below"),
                                {NoteEdit::setStatus(lower, Action::Reject), NoteEdit::remove(upper)}});
            for (const auto &[what, edits] : batches) {
                const QString where = QStringLiteral("%1:%2-%3 %4").arg(name).arg(upper).arg(lower).arg(what);
                // One after the other: the lower line first, so that the upper keeps its number.
                TextLines expected = lines;
                for (const NoteEdit &edit : edits) {
                    const EditPlanner::Plan one = EditPlanner::plan(expected, name, edit, today);
                    QVERIFY2(one.ok(), qPrintable(where + QStringLiteral(": ") + one.error.message));
                    QVERIFY2(one.patch.apply(expected, LinePatch::Mode::Exact), qPrintable(where));
                }
                const EditPlanner::Plan batch = EditPlanner::plan(lines, name, edits, today);
                QVERIFY2(batch.ok(), qPrintable(where + QStringLiteral(": ") + batch.error.message));
                TextLines edited = lines;
                const std::optional<LinePatch> applied = batch.patch.apply(edited, LinePatch::Mode::Exact);
                QVERIFY2(applied, qPrintable(where));
                QVERIFY2(edited.join() == expected.join(), qPrintable(where));
                QVERIFY2(applied->inverse().apply(edited, LinePatch::Mode::Exact), qPrintable(where));
                QVERIFY2(edited.join() == bytes, qPrintable(where));
                ++checked;
            }
        }
    }
    qDebug("%d batches of neighbours checked", checked);
    QVERIFY(checked > 20);
}

void TestEditBatch::allOrNone()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("n.md"));
    QVERIFY(writeFile(path, tight));
    const NoteFile::PatchResult result = NoteEditor::apply(
        path, {NoteEdit::remove(3), NoteEdit::remove(4), NoteEdit::remove(1)}, NoteFile::read(path).stamp, today);
    QCOMPARE(result.error.code, EditError::Code::NotActionItem);
    QCOMPARE(readFile(path), tight);
}

void TestEditBatch::sameLineTwice_data()
{
    QTest::addColumn<QList<NoteEdit>>("edits");
    QTest::newRow("accept and done") << QList<NoteEdit>{NoteEdit::setStatus(3, Action::Accept),
                                                        NoteEdit::setStatus(3, Action::Done)};
    QTest::newRow("edit and delete") << QList<NoteEdit>{newText(3, QStringLiteral("Deux")), NoteEdit::remove(3)};
    QTest::newRow("delete and edit") << QList<NoteEdit>{NoteEdit::remove(3), newText(3, QStringLiteral("Deux"))};
    QTest::newRow("delete twice") << QList<NoteEdit>{NoteEdit::remove(3), NoteEdit::remove(3)};
}

// Two edits of one line contradict each other: refused, and the message names the file and line.
void TestEditBatch::sameLineTwice()
{
    QFETCH(QList<NoteEdit>, edits);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("n.md"));
    QVERIFY(writeFile(path, tight));
    const NoteFile::PatchResult result = NoteEditor::apply(path, edits, NoteFile::read(path).stamp, today);
    QCOMPARE(result.error.code, EditError::Code::InvalidEdit);
    QVERIFY2(result.error.message.contains(QStringLiteral("n.md"))
                 && result.error.message.contains(QStringLiteral("line 3")),
             qPrintable(result.error.message));
    QCOMPARE(readFile(path), tight);
}

QTEST_GUILESS_MAIN(TestEditBatch)
#include "tst_editbatch.moc"
