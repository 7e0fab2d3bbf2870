#include "base/textrepair.h"
#include "parse/taskline.h"

#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTest>

using debrief::ActionItem;
using debrief::Priority;
using debrief::TaskLine;
using debrief::TaskStatus;
using debrief::TextRepair;

// The anatomy of a task line: what is a task, its status box, its description, the item it
// yields, linear time on huge lines, and the reference notes.
class TestTaskLine : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void status_data();
    void status();
    void bullets_data();
    void bullets();
    void notTasks_data();
    void notTasks();
    void description_data();
    void description();
    void toActionItem();
    void hugeLine_data();
    void hugeLine();
    void randomLines();
    void seeds();
};

void TestTaskLine::status_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<QString>("statusChar");
    QTest::addColumn<TaskStatus>("status");
    QTest::addColumn<int>("statusBegin");
    QTest::addColumn<int>("statusEnd");

    QTest::newRow("open [ ]") << QByteArray("- [ ] Confirm the test plan.") << QStringLiteral(" ") << TaskStatus::Open
                              << 3 << 4;
    QTest::newRow("proposed [?]") << QByteArray("- [?] Confirm the test plan.") << QStringLiteral("?")
                                  << TaskStatus::Proposed << 3 << 4;
    QTest::newRow("proposed [ ?]") << QByteArray("- [ ?] Confirm the test plan.") << QStringLiteral("?")
                                   << TaskStatus::Proposed << 3 << 5;
    QTest::newRow("in progress [/]") << QByteArray("- [/] Confirm the test plan.") << QStringLiteral("/")
                                     << TaskStatus::InProgress << 3 << 4;
    QTest::newRow("done [x]") << QByteArray("- [x] Confirm the test plan.") << QStringLiteral("x") << TaskStatus::Done
                              << 3 << 4;
    QTest::newRow("done [X]") << QByteArray("- [X] Confirm the test plan.") << QStringLiteral("X") << TaskStatus::Done
                              << 3 << 4;
    QTest::newRow("done [ x]") << QByteArray("- [ x] Confirm the test plan.") << QStringLiteral("x") << TaskStatus::Done
                               << 3 << 5;
    QTest::newRow("cancelled [-]") << QByteArray("- [-] Confirm the test plan.") << QStringLiteral("-")
                                   << TaskStatus::Cancelled << 3 << 4;
    QTest::newRow("other [>]") << QByteArray("- [>] Confirm the test plan.") << QStringLiteral(">") << TaskStatus::Other
                               << 3 << 4;
    QTest::newRow("other [!]") << QByteArray("- [!] Confirm the test plan.") << QStringLiteral("!") << TaskStatus::Other
                               << 3 << 4;
    QTest::newRow("other multibyte [✓]") << QByteArray("- [\xE2\x9C\x93] Confirm the test plan.") << QStringLiteral("✓")
                                         << TaskStatus::Other << 3 << 6;
    QTest::newRow("other [ ✓]") << QByteArray("- [ \xE2\x9C\x93] Confirm the test plan.") << QStringLiteral("✓")
                                << TaskStatus::Other << 3 << 7;
    QTest::newRow("empty description") << QByteArray("- [x]") << QStringLiteral("x") << TaskStatus::Done << 3 << 4;
    QTest::newRow("tab after box") << QByteArray("- [?]\tConfirm the test plan.") << QStringLiteral("?")
                                   << TaskStatus::Proposed << 3 << 4;
}

void TestTaskLine::status()
{
    QFETCH(QByteArray, line);
    QFETCH(QString, statusChar);
    QFETCH(TaskStatus, status);
    QFETCH(int, statusBegin);
    QFETCH(int, statusEnd);

    const std::optional<TaskLine> task = TaskLine::parse(line);
    QVERIFY(task);
    QCOMPARE(task->statusChar, statusChar);
    QCOMPARE(task->statusBegin, statusBegin);
    QCOMPARE(task->statusEnd, statusEnd);
    QCOMPARE(line.at(task->statusEnd), ']');
    const ActionItem item = task->toActionItem(line);
    QCOMPARE(item.status, status);
    QCOMPARE(item.statusChar, statusChar);
    QCOMPARE(item.text, line.size() > statusEnd + 1 ? QStringLiteral("Confirm the test plan.") : QString());
}

void TestTaskLine::bullets_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<int>("descriptionBegin");

    QTest::newRow("dash") << QByteArray("- [ ] Confirm the test plan.") << 6;
    QTest::newRow("star") << QByteArray("* [ ] Confirm the test plan.") << 6;
    QTest::newRow("plus") << QByteArray("+ [ ] Confirm the test plan.") << 6;
    QTest::newRow("1.") << QByteArray("1. [ ] Confirm the test plan.") << 7;
    QTest::newRow("1)") << QByteArray("1) [ ] Confirm the test plan.") << 7;
    QTest::newRow("12.") << QByteArray("12. [ ] Confirm the test plan.") << 8;
    QTest::newRow("two spaces after bullet") << QByteArray("-  [ ] Confirm the test plan.") << 7;
    QTest::newRow("tab after bullet") << QByteArray("-\t[ ] Confirm the test plan.") << 6;
    QTest::newRow("nested by spaces") << QByteArray("    - [ ] Confirm the test plan.") << 10;
    QTest::newRow("nested by tab") << QByteArray("\t- [ ] Confirm the test plan.") << 7;
    QTest::newRow("quoted") << QByteArray("> - [ ] Confirm the test plan.") << 8;
    QTest::newRow("quoted without space") << QByteArray(">- [ ] Confirm the test plan.") << 7;
    QTest::newRow("quoted twice") << QByteArray("> > - [ ] Confirm the test plan.") << 10;
    QTest::newRow("quoted and nested") << QByteArray(">   1) [ ] Confirm the test plan.") << 11;
    QTest::newRow("several spaces after box") << QByteArray("- [ ]   Confirm the test plan.") << 8;
}

void TestTaskLine::bullets()
{
    QFETCH(QByteArray, line);
    QFETCH(int, descriptionBegin);

    const std::optional<TaskLine> task = TaskLine::parse(line);
    QVERIFY(task);
    QCOMPARE(task->descriptionBegin, descriptionBegin);
    QCOMPARE(task->descriptionEnd, line.size());
    QCOMPARE(task->statusChar, QStringLiteral(" "));
    QCOMPARE(task->toActionItem(line).text, QStringLiteral("Confirm the test plan."));
}

void TestTaskLine::notTasks_data()
{
    QTest::addColumn<QByteArray>("line");

    QTest::newRow("empty") << QByteArray();
    QTest::newRow("empty box []") << QByteArray("- [] Confirm the test plan.");
    QTest::newRow("no space after bullet") << QByteArray("-[ ] Confirm the test plan.");
    QTest::newRow("two characters [ab]") << QByteArray("- [ab] Confirm the test plan.");
    QTest::newRow("two spaces [  ]") << QByteArray("- [  ] Confirm the test plan.");
    QTest::newRow("tab in box") << QByteArray("- [\t] Confirm the test plan.");
    QTest::newRow("plain bullet") << QByteArray("- Confirm the test plan.");
    QTest::newRow("box without bullet") << QByteArray("[x] Confirm the test plan.");
    QTest::newRow("text right after box") << QByteArray("- [x]Confirm the test plan.");
    QTest::newRow("unclosed box") << QByteArray("- [x");
    QTest::newRow("box at end") << QByteArray("- [");
    QTest::newRow("number without dot") << QByteArray("1 [ ] Confirm the test plan.");
    QTest::newRow("letter bullet") << QByteArray("a. [ ] Confirm the test plan.");
    QTest::newRow("ten digits") << QByteArray("1234567890. [ ] Confirm the test plan.");
    QTest::newRow("heading") << QByteArray("## Action Items");
    QTest::newRow("link, not box") << QByteArray("- [[Ann Lee]] Confirm the test plan.");
    QTest::newRow("bullet alone") << QByteArray("-");
}

void TestTaskLine::notTasks()
{
    QFETCH(QByteArray, line);
    QVERIFY(!TaskLine::parse(line));
}

void TestTaskLine::description_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("fieldCount");

    QTest::newRow("no fields") << QByteArray("- [ ] Confirm the test plan.") << QStringLiteral("Confirm the test plan.")
                               << 0;
    QTest::newRow("trailing blanks") << QByteArray("- [ ] Confirm the test plan. \t ")
                                     << QStringLiteral("Confirm the test plan.") << 0;
    QTest::newRow("only fields") << QByteArray("- [ ] #task \xE2\x8F\xAB") << QString() << 2;
    QTest::newRow("date inside the text stays text")
        << QByteArray("- [ ] Move \xF0\x9F\x93\x85 2025-10-31 to Friday #task")
        << QStringLiteral("Move 📅 2025-10-31 to Friday") << 1;
    QTest::newRow("recurrence with nothing after it")
        << QByteArray("- [ ] Water plants \xF0\x9F\x94\x81  ") << QStringLiteral("Water plants 🔁") << 0;
    QTest::newRow("mojibake in the text repaired")
        << QByteArray("- [ ] Update Ann\xE2\x80\x9A\xC3\x84\xC3\xB4s deck. #task")
        << QStringLiteral("Update Ann’s deck.") << 1;
    QTest::newRow("invalid UTF-8 in the text")
        << QByteArray("- [ ] Bad \xFF\xFE bytes\xC3 @Ann Lee \xF0\x9F\x93\x85 2025-10-31 #task")
        << QStringLiteral("Bad \uFFFD\uFFFD bytes\uFFFD") << 3;
    QTest::newRow("invalid byte right before a signifier")
        << QByteArray("- [ ] Bad\xF0\xE2\x8F\xAB") << QStringLiteral("Bad\uFFFD") << 1;
    // An Obsidian block id ends the line and belongs to neither the text nor the fields.
    QTest::newRow("block id after a tag")
        << QByteArray("- [ ] Ship the crates. #task ^ship-1") << QStringLiteral("Ship the crates.") << 1;
    QTest::newRow("block id after a date") << QByteArray("- [ ] Ship the crates. \xF0\x9F\x93\x85 2025-10-31 ^a1  ")
                                           << QStringLiteral("Ship the crates.") << 1;
    QTest::newRow("block id alone") << QByteArray("- [ ] Ship the crates. ^a1") << QStringLiteral("Ship the crates.")
                                    << 0;
    QTest::newRow("block id as the whole text") << QByteArray("- [ ] ^a1") << QString() << 0;
    QTest::newRow("caret inside a word is text")
        << QByteArray("- [ ] Raise x^2 #task") << QStringLiteral("Raise x^2") << 1;
    QTest::newRow("caret and a space is text")
        << QByteArray("- [ ] Raise it ^ now") << QStringLiteral("Raise it ^ now") << 0;
}

void TestTaskLine::description()
{
    QFETCH(QByteArray, line);
    QFETCH(QString, text);
    QFETCH(int, fieldCount);

    const std::optional<TaskLine> task = TaskLine::parse(line);
    QVERIFY(task);
    QCOMPARE(task->fields.size(), fieldCount);
    QCOMPARE(task->toActionItem(line).text, text);
    QVERIFY(task->descriptionBegin <= task->descriptionEnd);
    if (task->descriptionEnd > task->descriptionBegin)
        QVERIFY(line.at(task->descriptionEnd - 1) != ' ' && line.at(task->descriptionEnd - 1) != '\t');
}

void TestTaskLine::toActionItem()
{
    const QByteArray line("> 1. [/] Confirm the test plan. @Ann Lee \xE2\x9E\x95 2025-10-01 \xF0\x9F\x9B\xAB"
                          " 2025-10-02 \xE2\x8F\xB3 2025-10-03 \xF0\x9F\x93\x85\xEF\xB8\x8F 2025-10-31"
                          " \xF0\x9F\x94\xBC \xF0\x9F\x94\x81 every month #task #auto");
    const std::optional<TaskLine> task = TaskLine::parse(line);
    QVERIFY(task);

    ActionItem expected;
    expected.status = TaskStatus::InProgress;
    expected.statusChar = QStringLiteral("/");
    expected.text = QStringLiteral("Confirm the test plan.");
    expected.owner = QStringLiteral("Ann Lee");
    expected.created = QDate(2025, 10, 1);
    expected.start = QDate(2025, 10, 2);
    expected.scheduled = QDate(2025, 10, 3);
    expected.due = QDate(2025, 10, 31);
    expected.priority = Priority::Medium;
    expected.recurrence = QStringLiteral("every month");
    expected.tags = QStringList{QStringLiteral("task"), QStringLiteral("auto")};
    expected.raw = line;
    QCOMPARE(task->toActionItem(line), expected);

    const QByteArray done("- [x] Ship it. \xE2\x9C\x85 2026-11-21");
    QCOMPARE(TaskLine::parse(done)->toActionItem(done).doneDate, QDate(2026, 11, 21));
    const QByteArray rejected("- [-] Ship it. \xE2\x9D\x8C 2026-11-21");
    QCOMPARE(TaskLine::parse(rejected)->toActionItem(rejected).cancelledDate, QDate(2026, 11, 21));
}

void TestTaskLine::hugeLine_data()
{
    QTest::addColumn<QByteArray>("unit");

    QTest::newRow("words") << QByteArray("plan ");
    QTest::newRow("one long word") << QByteArray("a");
    QTest::newRow("unclosed dataview fields") << QByteArray("[due:: ");
    QTest::newRow("unclosed dataview, parentheses") << QByteArray("(repeat:: x ");
    QTest::newRow("owners") << QByteArray("@a ");
    QTest::newRow("tags") << QByteArray("#a ");
    QTest::newRow("recurrences") << QByteArray("\xF0\x9F\x94\x81 x ");
    QTest::newRow("half mojibake") << QByteArray("\xEF\xA3\xBF\xC3\xBC");
    QTest::newRow("signifiers without dates") << QByteArray("\xF0\x9F\x93\x85 ");
    QTest::newRow("invalid bytes") << QByteArray("\xFF\xC3");
    // Each pass from the end finds one of these and Tasks stops after 21; what costs is the
    // search behind each pass, which must not grow with the line.
    QTest::newRow("priorities") << QByteArray("\xE2\x8F\xAB");
    QTest::newRow("tag bytes and priorities") << QByteArray("a\xE2\x8F\xAB");
    QTest::newRow("ids") << QByteArray("\xF0\x9F\x86\x94 a ");
    QTest::newRow("depends-on lists") << QByteArray("\xE2\x9B\x94 a, ");
    QTest::newRow("on completion") << QByteArray("\xF0\x9F\x8F\x81 delete ");
    QTest::newRow("dataview brackets") << QByteArray("[x]");
    QTest::newRow("at signs") << QByteArray("@");
}

// A 512 KiB line of one repeated unit still ends in its fields. How its parse time grows is
// measured by tests/bench/bench_parse, not asserted here.
void TestTaskLine::hugeLine()
{
    QFETCH(QByteArray, unit);

    QByteArray line("- [ ] ");
    while (line.size() < 512 * 1024)
        line += unit;
    line += " @Ann Lee \xF0\x9F\x93\x85 2025-10-31 #task";

    const std::optional<TaskLine> task = TaskLine::parse(line);
    QVERIFY(task);
    const ActionItem item = task->toActionItem(line);
    QCOMPARE(item.due, QDate(2025, 10, 31));
    QCOMPARE(item.owner, QStringLiteral("Ann Lee"));
    QCOMPARE(item.tags.constLast(), QStringLiteral("task"));
}

// The reference notes: every proposed item must yield the owner, due date and priority that the
// repaired line shows. The oracle reads the repaired text with plain string searches, apart from
// the parser.
// Lines glued from the pieces that matter to the parser, with a fixed seed: whatever the line,
// spans stay inside it, in order, and the description never overlaps the trailing fields.
void TestTaskLine::randomLines()
{
    const QList<QByteArray> pieces{
        "- [ ] ",
        "- [?] ",
        "> 1) [x] ",
        " ",
        "  ",
        "\t",
        "word",
        "@",
        "@Ann Lee",
        "#",
        "#task",
        "#12",
        "2025-10-31",
        "2025-02-30",
        "[due:: ",
        "(priority:: high)",
        "]",
        ")",
        "[",
        "::",
        "\xF0\x9F\x93\x85",
        "\xE2\x8F\xAB",
        "\xEF\xB8\x8F",
        "\xEF\xA3\xBF\xC3\xBC\xC3\xAC\xC3\x96",
        "\xE2\x80\x9A\xC3\xA8\xC2\xB4",
        "\xF0\x9F\x94\x81 every",
        "\xF0\x9F\x97\x93",
        "\xF0\x9F\x86\x94 a1",
        "\xE2\x9B\x94 a1,b2",
        "\xF0\x9F\x8F\x81 delete",
        ",",
        "2024-02-31",
        "\xFF",
        "\xC3",
        "\xE2\x80",
        "caf\xC3\xA9",
    };
    QRandomGenerator random(20261121);
    for (int round = 0; round < 20000; ++round) {
        QByteArray line = round % 2 ? QByteArray("- [ ] ") : QByteArray();
        const int count = int(random.bounded(12));
        for (int i = 0; i < count; ++i)
            line += pieces.at(random.bounded(pieces.size()));
        const std::optional<TaskLine> task = TaskLine::parse(line);
        QCOMPARE(TextRepair::repairBytes(TextRepair::repairBytes(line)), TextRepair::repairBytes(line));
        if (!task)
            continue;
        QVERIFY2(task->statusBegin < task->statusEnd && line.at(task->statusEnd) == ']', line.constData());
        QVERIFY2(task->statusEnd < task->descriptionBegin || task->descriptionBegin == line.size(), line.constData());
        QVERIFY2(task->descriptionBegin <= task->descriptionEnd, line.constData());
        qsizetype previous = task->descriptionBegin;
        for (const TaskLine::Field &field : task->fields) {
            QVERIFY2(field.begin >= previous && field.begin < field.end && field.end <= line.size(), line.constData());
            QVERIFY2(field.kind == TaskLine::FieldKind::Tag || field.begin >= task->descriptionEnd, line.constData());
            previous = field.end;
        }
        task->toActionItem(line);
    }
}

void TestTaskLine::seeds()
{
    const QDir dir(qEnvironmentVariable("DEBRIEF_SEEDS", QStringLiteral(DEBRIEF_SEEDS)));
    if (!dir.exists())
        QSKIP("The seed notes are not here");

    const QString signifiers = QStringLiteral("📅⏳🛫➕✅❌🔺⏫🔼🔽⏬🔁#");
    const QRegularExpression dueDate(QStringLiteral("📅\uFE0F? *(\\d{4}-\\d{2}-\\d{2})"));
    const QList<std::pair<QString, Priority>> priorities{
        {QStringLiteral("🔺"), Priority::Highest}, {QStringLiteral("⏫"), Priority::High},
        {QStringLiteral("🔼"), Priority::Medium},  {QStringLiteral("🔽"), Priority::Low},
        {QStringLiteral("⏬"), Priority::Lowest},
    };
    int proposed = 0;
    int mojibake = 0;
    const QStringList files = dir.entryList(QDir::Files);
    for (const QString &name : files) {
        QFile file(dir.filePath(name));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = file.readAll().split('\n');
        for (QByteArray line : lines) {
            if (line.endsWith('\r'))
                line.chop(1);
            const std::optional<TaskLine> task = TaskLine::parse(line);
            if (!task || task->statusChar != u"?")
                continue;
            ++proposed;
            const QString repaired = QString::fromUtf8(TextRepair::repairBytes(line));
            if (repaired != QString::fromUtf8(line))
                ++mojibake;
            const ActionItem item = task->toActionItem(line);
            const QString where = name + u':' + QString::number(lines.indexOf(line) + 1);

            QString owner;
            const qsizetype at = repaired.indexOf(QStringLiteral(" @"));
            if (at >= 0) {
                qsizetype end = at + 2;
                while (end < repaired.size() && !signifiers.contains(repaired.at(end))
                       && !repaired.at(end).isSurrogate())
                    ++end;
                owner = repaired.mid(at + 2, end - at - 2).trimmed();
            }
            QVERIFY2(!owner.isEmpty(), qPrintable(where));
            QCOMPARE(item.owner, owner);

            const QRegularExpressionMatch due = dueDate.match(repaired);
            QCOMPARE(item.due, due.hasMatch() ? QDate::fromString(due.captured(1), Qt::ISODate) : QDate());
            Priority priority = Priority::None;
            for (const auto &[emoji, value] : priorities) {
                if (repaired.contains(emoji))
                    priority = value;
            }
            QCOMPARE(item.priority, priority);

            QCOMPARE(item.status, TaskStatus::Proposed);
            QVERIFY2(item.tags.contains(QStringLiteral("task")), qPrintable(where));
            QVERIFY2(item.tags.contains(QStringLiteral("proposed")), qPrintable(where));
            QVERIFY2(!item.text.isEmpty() && !item.text.contains(u'@'), qPrintable(where));
            QVERIFY2(!TextRepair::hasMojibake(item.text), qPrintable(where));
        }
    }
    qInfo("%d proposed items checked, %d of them with mojibake", proposed, mojibake);
    QVERIFY(proposed > 0);
    QVERIFY(mojibake > 0);
}

QTEST_GUILESS_MAIN(TestTaskLine)
#include "tst_taskline.moc"
