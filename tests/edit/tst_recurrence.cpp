// "done" on recurring tasks and on-completion actions, as Obsidian Tasks does them: the next
// occurrence above the ticked line, "🏁 delete", one undo for both lines, and a clear message
// (and one line ticked) where Debrief cannot compute the next date. Rows follow the examples of
// the Tasks documentation (Recurring Tasks, On Completion), written anew.
#include "base/textlines.h"
#include "edit/editplanner.h"
#include "edit/noteeditor.h"
#include "edit/notefile.h"
#include "editfixture.h"
#include "parse/noteparser.h"

#include <QTemporaryDir>
#include <QTest>

using namespace debrief;
using namespace debrief::test;

class TestRecurrence final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void done_data();
    void done();
    void batch();
    void notDoneTwice();
};

namespace {

const QByteArray head = "# Chores\n\n## Action Items\n";

QByteArray note(const QByteArray &items)
{
    return head + items;
}

} // namespace

void TestRecurrence::done_data()
{
    QTest::addColumn<QByteArray>("before");
    QTest::addColumn<int>("line");
    QTest::addColumn<QDate>("today");
    QTest::addColumn<QByteArray>("after");
    QTest::addColumn<QString>("notice"); // a part of the message, or empty for none

    const auto row = [](const char *name, const char *before, QDate today, const char *after, const char *notice = "") {
        QTest::newRow(name) << note(before) << 4 << today << note(after) << QString::fromUtf8(notice);
    };

    row("the basic example: next Sunday above", "- [ ] take out the trash 🔁 every Sunday 📅 2021-04-25\n",
        QDate(2021, 4, 24),
        "- [ ] take out the trash 🔁 every Sunday 📅 2021-05-02\n"
        "- [x] take out the trash 🔁 every Sunday 📅 2021-04-25 ✅ 2021-04-24\n");
    row("a created date is renewed", "- [ ] take out the trash 🔁 every Sunday ➕ 2021-04-01 📅 2021-04-25\n",
        QDate(2021, 4, 24),
        "- [ ] take out the trash 🔁 every Sunday ➕ 2021-04-24 📅 2021-05-02\n"
        "- [x] take out the trash 🔁 every Sunday ➕ 2021-04-01 📅 2021-04-25 ✅ 2021-04-24\n");
    row("from the scheduled date, however late", "- [ ] sweep the floors 🔁 every week ⏳ 2021-02-06\n",
        QDate(2022, 2, 13),
        "- [ ] sweep the floors 🔁 every week ⏳ 2021-02-13\n"
        "- [x] sweep the floors 🔁 every week ⏳ 2021-02-06 ✅ 2022-02-13\n");
    row("when done: from today", "- [ ] sweep the floors 🔁 every week when done ⏳ 2021-02-06\n", QDate(2022, 2, 13),
        "- [ ] sweep the floors 🔁 every week when done ⏳ 2022-02-20\n"
        "- [x] sweep the floors 🔁 every week when done ⏳ 2021-02-06 ✅ 2022-02-13\n");
    row("two dates keep their distance", "- [ ] Mow the lawn 🔁 every 2 weeks ⏳ 2021-10-28 📅 2021-10-30\n",
        QDate(2021, 10, 30),
        "- [ ] Mow the lawn 🔁 every 2 weeks ⏳ 2021-11-11 📅 2021-11-13\n"
        "- [x] Mow the lawn 🔁 every 2 weeks ⏳ 2021-10-28 📅 2021-10-30 ✅ 2021-10-30\n");
    row("every month on the last", "- [ ] do stuff 🔁 every month on the last 📅 2022-01-31\n", QDate(2022, 1, 31),
        "- [ ] do stuff 🔁 every month on the last 📅 2022-02-28\n"
        "- [x] do stuff 🔁 every month on the last 📅 2022-01-31 ✅ 2022-01-31\n");
    row("every month moves a missing day earlier", "- [ ] do stuff 🔁 every month 📅 2021-10-31\n", QDate(2021, 10, 31),
        "- [ ] do stuff 🔁 every month 📅 2021-11-30\n- [x] do stuff 🔁 every month 📅 2021-10-31 ✅ 2021-10-31\n");
    row("start, scheduled and due move together",
        "- [ ] Pay the bill 🔁 every month on the 15th 🛫 2024-01-08 ⏳ 2024-01-12 📅 2024-01-15\n",
        QDate(2024, 1, 14),
        "- [ ] Pay the bill 🔁 every month on the 15th 🛫 2024-02-08 ⏳ 2024-02-12 📅 2024-02-15\n"
        "- [x] Pay the bill 🔁 every month on the 15th 🛫 2024-01-08 ⏳ 2024-01-12 📅 2024-01-15 ✅ "
        "2024-01-14\n");
    row("no dates: the same line again", "- [ ] Do stuff 🔁 every day\n", QDate(2023, 2, 11),
        "- [ ] Do stuff 🔁 every day\n- [x] Do stuff 🔁 every day ✅ 2023-02-11\n");
    row("indentation, owner, priority, tags kept",
        "  - [ ] Water the ferns @Ann Lee 🔁 every 3 days 📅 2024-06-03 ⏫ #home\n", QDate(2024, 6, 3),
        "  - [ ] Water the ferns @Ann Lee 🔁 every 3 days 📅 2024-06-06 ⏫ #home\n"
        "  - [x] Water the ferns @Ann Lee 🔁 every 3 days 📅 2024-06-03 ⏫ #home ✅ 2024-06-03\n");
    row("proposed: the next one is open, #proposed goes from both",
        "- [?] Review the rota @Bo 🔁 every week 📅 2024-06-03 #task #proposed\n", QDate(2024, 6, 3),
        "- [ ] Review the rota @Bo 🔁 every week 📅 2024-06-10 #task\n"
        "- [x] Review the rota @Bo 🔁 every week 📅 2024-06-03 #task ✅ 2024-06-03\n");
    row("[ ?] reads as proposed", "- [ ?] Review the rota 🔁 every week 📅 2024-06-03 #proposed\n", QDate(2024, 6, 3),
        "- [ ] Review the rota 🔁 every week 📅 2024-06-10\n"
        "- [x] Review the rota 🔁 every week 📅 2024-06-03 ✅ 2024-06-03\n");
    row("id, depends on and block id stay with the ticked line",
        "- [ ] Buy bread 🆔 bread1 ⛔ cash1 🔁 every week 📅 2024-06-03 ^bread\n", QDate(2024, 6, 3),
        "- [ ] Buy bread 🔁 every week 📅 2024-06-10\n"
        "- [x] Buy bread 🆔 bread1 ⛔ cash1 🔁 every week 📅 2024-06-03 ✅ 2024-06-03 ^bread\n");
    row("the due date in any spelling moves where it stands",
        "- [ ] Renew \xEF\xA3\xBF\xC3\xBC\xC3\xAC\xC3\x96 2024-06-03 \xEF\xA3\xBF\xC3\xBC\xC3\xAE\xC3\x85 every year\n",
        QDate(2024, 6, 1),
        "- [ ] Renew \xEF\xA3\xBF\xC3\xBC\xC3\xAC\xC3\x96 2025-06-03 \xEF\xA3\xBF\xC3\xBC\xC3\xAE\xC3\x85 every year\n"
        "- [x] Renew \xEF\xA3\xBF\xC3\xBC\xC3\xAC\xC3\x96 2024-06-03 \xEF\xA3\xBF\xC3\xBC\xC3\xAE\xC3\x85 every year"
        " ✅ 2024-06-01\n");
    row("🗓 alias", "- [ ] Renew 🗓️ 2024-06-03 🔁 every 2 days\n", QDate(2024, 6, 1),
        "- [ ] Renew 🗓️ 2024-06-05 🔁 every 2 days\n- [x] Renew 🗓️ 2024-06-03 🔁 every 2 days ✅ "
        "2024-06-01\n");
    row("a cancelled task done recurs, without its cancelled date",
        "- [-] Water 🔁 every day 📅 2024-06-03 ❌ 2024-06-02\n", QDate(2024, 6, 3),
        "- [ ] Water 🔁 every day 📅 2024-06-04\n- [x] Water 🔁 every day 📅 2024-06-03 ✅ 2024-06-03\n");

    // On completion.
    row("🏁 delete on a recurring task: only the next one stays",
        "- [ ] Put the bins out 🔁 every day when done 🏁 delete 📅 2024-06-03\n", QDate(2024, 6, 3),
        "- [ ] Put the bins out 🔁 every day when done 🏁 delete 📅 2024-06-04\n");
    row("🏁 delete: the line goes", "- [ ] Put the bins out 🏁 delete\n- [ ] Next\n", QDate(2024, 6, 3), "- [ ] Next\n");
    row("🏁 keep: ticked as usual", "- [ ] Put the bins out 🏁 keep\n", QDate(2024, 6, 3),
        "- [x] Put the bins out 🏁 keep ✅ 2024-06-03\n");
    row("🏁 unknown action: ticked as usual", "- [ ] Put the bins out 🏁 archive\n", QDate(2024, 6, 3),
        "- [x] Put the bins out 🏁 archive ✅ 2024-06-03\n");

    // What Debrief cannot compute: one line, and a message.
    row("a rule Debrief cannot compute", "- [ ] Stretch 🔁 every hour 📅 2024-06-03\n", QDate(2024, 6, 3),
        "- [x] Stretch 🔁 every hour 📅 2024-06-03 ✅ 2024-06-03\n", "cannot compute the next occurrence of “every hour”");
    row("... keeps the line even with 🏁 delete", "- [ ] Stretch 🔁 every hour 🏁 delete\n", QDate(2024, 6, 3),
        "- [x] Stretch 🔁 every hour 🏁 delete ✅ 2024-06-03\n", "only this line was marked done");
    row("a due date that does not exist", "- [ ] Do stuff 🔁 every year 🛫 2024-02-27 📅 2024-02-30\n",
        QDate(2024, 2, 27), "- [x] Do stuff 🔁 every year 🛫 2024-02-27 📅 2024-02-30 ✅ 2024-02-27\n",
        "the date 2024-02-30 does not exist");

    // Line endings: the next line takes the ticked line's, or the file's.
    QTest::newRow("CRLF kept") << QByteArray(
        "# Chores\r\n\r\n## Action Items\r\n- [ ] Feed 🔁 every day 📅 2024-06-03\r\n")
                               << 4 << QDate(2024, 6, 3)
                               << QByteArray(
                                      "# Chores\r\n\r\n## Action Items\r\n- [ ] Feed 🔁 every day 📅 2024-06-04\r\n"
                                      "- [x] Feed 🔁 every day 📅 2024-06-03 ✅ 2024-06-03\r\n")
                               << QString();
    QTest::newRow("no final newline") << note("- [ ] Feed 🔁 every day 📅 2024-06-03") << 4 << QDate(2024, 6, 3)
                                      << note("- [ ] Feed 🔁 every day 📅 2024-06-04\n"
                                              "- [x] Feed 🔁 every day 📅 2024-06-03 ✅ 2024-06-03")
                                      << QString();
}

// Through the file, then undone in one step and redone; the plan the command line makes says
// the same; and what was written reads back with the same fields, its dates moved.
void TestRecurrence::done()
{
    QFETCH(QByteArray, before);
    QFETCH(int, line);
    QFETCH(QDate, today);
    QFETCH(QByteArray, after);
    QFETCH(QString, notice);

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("chores.md"));
    QVERIFY(writeFile(path, before));
    const QByteArray expected = TextLines::split(before).content(line).toByteArray();
    const NoteEditor::Result result = NoteEditor::apply(
        path, {NoteEdit::setStatus(line, TaskEdit::StatusAction::Done, expected)}, NoteFile::read(path).stamp, today);
    QVERIFY2(result.ok(), qPrintable(result.error.message));
    QCOMPARE(readFile(path), after);
    QCOMPARE(result.notices.size(), notice.isEmpty() ? 0 : 1);
    if (!notice.isEmpty())
        QVERIFY2(result.notices.constFirst().contains(notice), qPrintable(result.notices.constFirst()));

    const NoteFile::PatchResult undone = NoteEditor::undo(path, result.applied, result.stamp);
    QVERIFY2(undone.ok(), qPrintable(undone.error.message));
    QCOMPARE(readFile(path), before);
    QVERIFY(NoteEditor::undo(path, undone.applied, undone.stamp).ok());
    QCOMPARE(readFile(path), after);

    const EditPlanner::Plan plan = EditPlanner::plan(TextLines::split(before), path,
                                                     NoteEdit::setStatus(line, TaskEdit::StatusAction::Done), today);
    QVERIFY(plan.ok());
    TextLines lines = TextLines::split(before);
    QVERIFY(plan.patch.apply(lines, LinePatch::Mode::Exact));
    QCOMPARE(lines.join(), after);
    QCOMPARE(plan.notices, result.notices);

    // Read back: the first item is the next occurrence (or the ticked one), with the fields of
    // the original but its dates and status.
    const Note was = NoteParser::parse(before, path);
    const Note now = NoteParser::parse(after, path);
    const ActionItem &original = was.actionItems.constFirst();
    if (now.actionItems.isEmpty() || now.actionItems.constFirst().text != original.text)
        return; // the line went (🏁 delete without recurrence)
    const ActionItem &first = now.actionItems.constFirst();
    QCOMPARE(first.owner, original.owner);
    QCOMPARE(first.priority, original.priority);
    QCOMPARE(first.recurrence, original.recurrence);
    QCOMPARE(first.onCompletion, original.onCompletion);
    QStringList tags = original.tags;
    tags.removeAll(QStringLiteral("proposed"));
    QCOMPARE(first.tags, tags);
    if (first.status != TaskStatus::Done) {
        QCOMPARE(first.status, TaskStatus::Open);
        QVERIFY(!first.doneDate.isValid() && !first.cancelledDate.isValid());
        QVERIFY(first.id.isEmpty() && first.dependsOn.isEmpty());
        QCOMPARE(first.created.isValid(), original.created.isValid());
        if (original.due.isValid())
            QVERIFY(first.due > original.due);
    }
}

// Two recurring tasks ticked in one batch: each gets its own next occurrence, one patch.
void TestRecurrence::batch()
{
    const QByteArray before = note("- [ ] Feed 🔁 every day 📅 2024-06-03\n- [ ] Water 🔁 every 2 days 📅 2024-06-03\n");
    const QByteArray after = note("- [ ] Feed 🔁 every day 📅 2024-06-04\n"
                                  "- [x] Feed 🔁 every day 📅 2024-06-03 ✅ 2024-06-03\n"
                                  "- [ ] Water 🔁 every 2 days 📅 2024-06-05\n"
                                  "- [x] Water 🔁 every 2 days 📅 2024-06-03 ✅ 2024-06-03\n");
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("chores.md"));
    QVERIFY(writeFile(path, before));
    const NoteEditor::Result result = NoteEditor::apply(
        path,
        {NoteEdit::setStatus(4, TaskEdit::StatusAction::Done), NoteEdit::setStatus(5, TaskEdit::StatusAction::Done)},
        NoteFile::read(path).stamp, QDate(2024, 6, 3));
    QVERIFY2(result.ok(), qPrintable(result.error.message));
    QCOMPARE(readFile(path), after);
    QVERIFY(NoteEditor::undo(path, result.applied, result.stamp).ok());
    QCOMPARE(readFile(path), before);
}

// A task already done does not recur again, as in Tasks.
void TestRecurrence::notDoneTwice()
{
    const TextLines lines = TextLines::split(note("- [x] Feed 🔁 every day 📅 2024-06-03 ✅ 2024-06-03\n"));
    const EditPlanner::Plan plan = EditPlanner::plan(
        lines, QStringLiteral("chores.md"), NoteEdit::setStatus(4, TaskEdit::StatusAction::Done), QDate(2024, 6, 3));
    QVERIFY(plan.ok());
    QVERIFY(plan.patch.isEmpty());
    QVERIFY(plan.notices.isEmpty());
}

QTEST_GUILESS_MAIN(TestRecurrence)
#include "tst_recurrence.moc"
