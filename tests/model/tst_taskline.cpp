#include "taskline.h"
#include "textrepair.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QRegularExpression>
#include <QTest>

using debrief::ActionItem;
using debrief::Priority;
using debrief::TaskLine;
using debrief::TaskStatus;
using debrief::TextRepair;
using Kind = debrief::TaskLine::FieldKind;

// Mojibake is written as explicit UTF-8 bytes: the Mac Roman and Windows-1252 spellings of each
// signifier are spelled out here rather than taken from TextRepair, so the two are checked
// against each other.
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
    void signifiers_data();
    void signifiers();
    void dataview_data();
    void dataview();
    void fieldOffsets_data();
    void fieldOffsets();
    void owner_data();
    void owner();
    void tags_data();
    void tags();
    void invalidDates_data();
    void invalidDates();
    void description_data();
    void description();
    void toActionItem();
    void lastFieldWins();
    void linearTime_data();
    void linearTime();
    void seeds();
};

namespace {

QString kindName(Kind kind)
{
    switch (kind) {
    case Kind::Owner: return QStringLiteral("owner");
    case Kind::Due: return QStringLiteral("due");
    case Kind::Scheduled: return QStringLiteral("scheduled");
    case Kind::Start: return QStringLiteral("start");
    case Kind::Created: return QStringLiteral("created");
    case Kind::DoneDate: return QStringLiteral("done");
    case Kind::CancelledDate: return QStringLiteral("cancelled");
    case Kind::Priority: return QStringLiteral("priority");
    case Kind::Recurrence: return QStringLiteral("recurrence");
    case Kind::Tag: return QStringLiteral("tag");
    }
    return {};
}

// "due 38-53 2025-10-31": one readable string per field, so a failing row shows what differs.
QStringList describe(const TaskLine &task)
{
    QStringList out;
    for (const TaskLine::Field &field : task.fields) {
        out << QStringLiteral("%1 %2-%3 %4%5")
                   .arg(kindName(field.kind))
                   .arg(field.begin)
                   .arg(field.end)
                   .arg(field.value, field.dataview ? QStringLiteral(" (dataview)") : QString());
    }
    return out;
}

struct Spellings
{
    const char *name;
    Kind kind;
    const char *value;  // what follows the signifier in the test line
    const char *parsed; // the field's value
    QByteArray real;
    QByteArray mac;
    QByteArray cp1252;
    QByteArray macSelector;
    QByteArray cp1252Selector;
};

const QList<Spellings> &signifierSpellings()
{
    static const QList<Spellings> all{
        {"due", Kind::Due, " 2025-10-31", "2025-10-31", "\xF0\x9F\x93\x85",
         "\xEF\xA3\xBF\xC3\xBC\xC3\xAC\xC3\x96", "\xC3\xB0\xC5\xB8\xE2\x80\x9C\xE2\x80\xA6",
         "\xEF\xA3\xBF\xC3\xBC\xC3\xAC\xC3\x96\xC3\x94\xE2\x88\x8F\xC3\xA8",
         "\xC3\xB0\xC5\xB8\xE2\x80\x9C\xE2\x80\xA6\xC3\xAF\xC2\xB8\xC2\x8F"},
        {"scheduled", Kind::Scheduled, " 2025-11-02", "2025-11-02", "\xE2\x8F\xB3",
         "\xE2\x80\x9A\xC3\xA8\xE2\x89\xA5", "\xC3\xA2\xC2\x8F\xC2\xB3",
         "\xE2\x80\x9A\xC3\xA8\xE2\x89\xA5\xC3\x94\xE2\x88\x8F\xC3\xA8",
         "\xC3\xA2\xC2\x8F\xC2\xB3\xC3\xAF\xC2\xB8\xC2\x8F"},
        {"start", Kind::Start, " 2025-01-15", "2025-01-15", "\xF0\x9F\x9B\xAB",
         "\xEF\xA3\xBF\xC3\xBC\xC3\xB5\xC2\xB4", "\xC3\xB0\xC5\xB8\xE2\x80\xBA\xC2\xAB",
         "\xEF\xA3\xBF\xC3\xBC\xC3\xB5\xC2\xB4\xC3\x94\xE2\x88\x8F\xC3\xA8",
         "\xC3\xB0\xC5\xB8\xE2\x80\xBA\xC2\xAB\xC3\xAF\xC2\xB8\xC2\x8F"},
        {"created", Kind::Created, " 2024-02-29", "2024-02-29", "\xE2\x9E\x95",
         "\xE2\x80\x9A\xC3\xBB\xC3\xAF", "\xC3\xA2\xC5\xBE\xE2\x80\xA2",
         "\xE2\x80\x9A\xC3\xBB\xC3\xAF\xC3\x94\xE2\x88\x8F\xC3\xA8",
         "\xC3\xA2\xC5\xBE\xE2\x80\xA2\xC3\xAF\xC2\xB8\xC2\x8F"},
        {"done", Kind::DoneDate, " 2026-11-21", "2026-11-21", "\xE2\x9C\x85",
         "\xE2\x80\x9A\xC3\xBA\xC3\x96", "\xC3\xA2\xC5\x93\xE2\x80\xA6",
         "\xE2\x80\x9A\xC3\xBA\xC3\x96\xC3\x94\xE2\x88\x8F\xC3\xA8",
         "\xC3\xA2\xC5\x93\xE2\x80\xA6\xC3\xAF\xC2\xB8\xC2\x8F"},
        {"cancelled", Kind::CancelledDate, " 2026-11-21", "2026-11-21", "\xE2\x9D\x8C",
         "\xE2\x80\x9A\xC3\xB9\xC3\xA5", "\xC3\xA2\xC2\x9D\xC5\x92",
         "\xE2\x80\x9A\xC3\xB9\xC3\xA5\xC3\x94\xE2\x88\x8F\xC3\xA8",
         "\xC3\xA2\xC2\x9D\xC5\x92\xC3\xAF\xC2\xB8\xC2\x8F"},
        {"highest", Kind::Priority, "", "highest", "\xF0\x9F\x94\xBA",
         "\xEF\xA3\xBF\xC3\xBC\xC3\xAE\xE2\x88\xAB", "\xC3\xB0\xC5\xB8\xE2\x80\x9D\xC2\xBA",
         "\xEF\xA3\xBF\xC3\xBC\xC3\xAE\xE2\x88\xAB\xC3\x94\xE2\x88\x8F\xC3\xA8",
         "\xC3\xB0\xC5\xB8\xE2\x80\x9D\xC2\xBA\xC3\xAF\xC2\xB8\xC2\x8F"},
        {"high", Kind::Priority, "", "high", "\xE2\x8F\xAB", "\xE2\x80\x9A\xC3\xA8\xC2\xB4",
         "\xC3\xA2\xC2\x8F\xC2\xAB", "\xE2\x80\x9A\xC3\xA8\xC2\xB4\xC3\x94\xE2\x88\x8F\xC3\xA8",
         "\xC3\xA2\xC2\x8F\xC2\xAB\xC3\xAF\xC2\xB8\xC2\x8F"},
        {"medium", Kind::Priority, "", "medium", "\xF0\x9F\x94\xBC",
         "\xEF\xA3\xBF\xC3\xBC\xC3\xAE\xC2\xBA", "\xC3\xB0\xC5\xB8\xE2\x80\x9D\xC2\xBC",
         "\xEF\xA3\xBF\xC3\xBC\xC3\xAE\xC2\xBA\xC3\x94\xE2\x88\x8F\xC3\xA8",
         "\xC3\xB0\xC5\xB8\xE2\x80\x9D\xC2\xBC\xC3\xAF\xC2\xB8\xC2\x8F"},
        {"low", Kind::Priority, "", "low", "\xF0\x9F\x94\xBD",
         "\xEF\xA3\xBF\xC3\xBC\xC3\xAE\xCE\xA9", "\xC3\xB0\xC5\xB8\xE2\x80\x9D\xC2\xBD",
         "\xEF\xA3\xBF\xC3\xBC\xC3\xAE\xCE\xA9\xC3\x94\xE2\x88\x8F\xC3\xA8",
         "\xC3\xB0\xC5\xB8\xE2\x80\x9D\xC2\xBD\xC3\xAF\xC2\xB8\xC2\x8F"},
        {"lowest", Kind::Priority, "", "lowest", "\xE2\x8F\xAC", "\xE2\x80\x9A\xC3\xA8\xC2\xA8",
         "\xC3\xA2\xC2\x8F\xC2\xAC", "\xE2\x80\x9A\xC3\xA8\xC2\xA8\xC3\x94\xE2\x88\x8F\xC3\xA8",
         "\xC3\xA2\xC2\x8F\xC2\xAC\xC3\xAF\xC2\xB8\xC2\x8F"},
        {"recurrence", Kind::Recurrence, " every week", "every week", "\xF0\x9F\x94\x81",
         "\xEF\xA3\xBF\xC3\xBC\xC3\xAE\xC3\x85", "\xC3\xB0\xC5\xB8\xE2\x80\x9D\xC2\x81",
         "\xEF\xA3\xBF\xC3\xBC\xC3\xAE\xC3\x85\xC3\x94\xE2\x88\x8F\xC3\xA8",
         "\xC3\xB0\xC5\xB8\xE2\x80\x9D\xC2\x81\xC3\xAF\xC2\xB8\xC2\x8F"},
    };
    return all;
}

const QByteArray realSelector("\xEF\xB8\x8F");

} // namespace

void TestTaskLine::status_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<QString>("statusChar");
    QTest::addColumn<TaskStatus>("status");
    QTest::addColumn<int>("statusBegin");
    QTest::addColumn<int>("statusEnd");

    QTest::newRow("open [ ]") << QByteArray("- [ ] Confirm the test plan.") << QStringLiteral(" ") << TaskStatus::Open << 3 << 4;
    QTest::newRow("proposed [?]") << QByteArray("- [?] Confirm the test plan.") << QStringLiteral("?") << TaskStatus::Proposed << 3 << 4;
    QTest::newRow("proposed [ ?]") << QByteArray("- [ ?] Confirm the test plan.") << QStringLiteral("?") << TaskStatus::Proposed << 3 << 5;
    QTest::newRow("in progress [/]") << QByteArray("- [/] Confirm the test plan.") << QStringLiteral("/") << TaskStatus::InProgress << 3 << 4;
    QTest::newRow("done [x]") << QByteArray("- [x] Confirm the test plan.") << QStringLiteral("x") << TaskStatus::Done << 3 << 4;
    QTest::newRow("done [X]") << QByteArray("- [X] Confirm the test plan.") << QStringLiteral("X") << TaskStatus::Done << 3 << 4;
    QTest::newRow("done [ x]") << QByteArray("- [ x] Confirm the test plan.") << QStringLiteral("x") << TaskStatus::Done << 3 << 5;
    QTest::newRow("cancelled [-]") << QByteArray("- [-] Confirm the test plan.") << QStringLiteral("-") << TaskStatus::Cancelled << 3 << 4;
    QTest::newRow("other [>]") << QByteArray("- [>] Confirm the test plan.") << QStringLiteral(">") << TaskStatus::Other << 3 << 4;
    QTest::newRow("other [!]") << QByteArray("- [!] Confirm the test plan.") << QStringLiteral("!") << TaskStatus::Other << 3 << 4;
    QTest::newRow("other multibyte [✓]") << QByteArray("- [\xE2\x9C\x93] Confirm the test plan.") << QStringLiteral("✓") << TaskStatus::Other << 3 << 6;
    QTest::newRow("other [ ✓]") << QByteArray("- [ \xE2\x9C\x93] Confirm the test plan.") << QStringLiteral("✓") << TaskStatus::Other << 3 << 7;
    QTest::newRow("empty description") << QByteArray("- [x]") << QStringLiteral("x") << TaskStatus::Done << 3 << 4;
    QTest::newRow("tab after box") << QByteArray("- [?]\tConfirm the test plan.") << QStringLiteral("?") << TaskStatus::Proposed << 3 << 4;
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

void TestTaskLine::signifiers_data()
{
    QTest::addColumn<QByteArray>("signifier");
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<Kind>("kind");
    QTest::addColumn<QString>("parsed");

    for (const Spellings &s : signifierSpellings()) {
        const QList<std::pair<const char *, QByteArray>> spellings{
            {"real", s.real},
            {"real+FE0F", s.real + realSelector},
            {"Mac Roman", s.mac},
            {"Mac Roman+FE0F", s.macSelector},
            {"cp1252", s.cp1252},
            {"cp1252+FE0F", s.cp1252Selector},
        };
        for (const auto &[spelling, bytes] : spellings) {
            QTest::addRow("%s %s", s.name, spelling)
                << bytes << QByteArray(s.value) << s.kind << QString::fromLatin1(s.parsed);
        }
    }
}

void TestTaskLine::signifiers()
{
    QFETCH(QByteArray, signifier);
    QFETCH(QByteArray, value);
    QFETCH(Kind, kind);
    QFETCH(QString, parsed);

    const QByteArray prefix("- [ ] Confirm the test plan. ");
    const QByteArray field = signifier + value;
    const QByteArray line = prefix + field + " #task";
    const std::optional<TaskLine> task = TaskLine::parse(line);
    QVERIFY(task);
    const qsizetype begin = prefix.size();
    const qsizetype end = begin + field.size();
    QCOMPARE(describe(*task), (QStringList{
        QStringLiteral("%1 %2-%3 %4").arg(kindName(kind)).arg(begin).arg(end).arg(parsed),
        QStringLiteral("tag %1-%2 task").arg(end + 1).arg(line.size()),
    }));
    QCOMPARE(task->descriptionEnd, begin - 1);

    // The same with no space between the signifier and a date, and at the very end of a line.
    const std::optional<TaskLine> last = TaskLine::parse(prefix + signifier + value.trimmed());
    QVERIFY(last);
    QCOMPARE(last->fields.size(), 1);
    QCOMPARE(last->fields.first().kind, kind);
    QCOMPARE(last->fields.first().value, parsed);
}

void TestTaskLine::dataview_data()
{
    QTest::addColumn<QByteArray>("field");
    QTest::addColumn<QString>("expected"); // empty when it is no field

    QTest::newRow("due") << QByteArray("[due:: 2025-10-31]") << QStringLiteral("due 2025-10-31");
    QTest::newRow("due in parentheses") << QByteArray("(due:: 2025-10-31)") << QStringLiteral("due 2025-10-31");
    QTest::newRow("due without space") << QByteArray("[due::2025-10-31]") << QStringLiteral("due 2025-10-31");
    QTest::newRow("scheduled") << QByteArray("[scheduled:: 2025-11-02]") << QStringLiteral("scheduled 2025-11-02");
    QTest::newRow("start") << QByteArray("[start:: 2025-01-15]") << QStringLiteral("start 2025-01-15");
    QTest::newRow("created") << QByteArray("[created:: 2024-02-29]") << QStringLiteral("created 2024-02-29");
    QTest::newRow("completion") << QByteArray("[completion:: 2026-11-21]") << QStringLiteral("done 2026-11-21");
    QTest::newRow("cancelled") << QByteArray("[cancelled:: 2026-11-21]") << QStringLiteral("cancelled 2026-11-21");
    QTest::newRow("priority high") << QByteArray("[priority:: high]") << QStringLiteral("priority high");
    QTest::newRow("priority Highest") << QByteArray("[priority:: Highest]") << QStringLiteral("priority highest");
    QTest::newRow("priority lowest") << QByteArray("(priority:: lowest)") << QStringLiteral("priority lowest");
    QTest::newRow("repeat") << QByteArray("[repeat:: every day when done]") << QStringLiteral("recurrence every day when done");
    QTest::newRow("invalid date") << QByteArray("[due:: soon]") << QString();
    QTest::newRow("impossible date") << QByteArray("[due:: 2025-02-30]") << QString();
    QTest::newRow("empty date") << QByteArray("[scheduled:: ]") << QString();
    QTest::newRow("unknown priority") << QByteArray("[priority:: urgent]") << QString();
    QTest::newRow("unknown key") << QByteArray("[owner:: Ann]") << QString();
    QTest::newRow("mismatched bracket") << QByteArray("[due:: 2025-10-31)") << QString();
    QTest::newRow("unclosed") << QByteArray("[due:: 2025-10-31") << QString();
}

void TestTaskLine::dataview()
{
    QFETCH(QByteArray, field);
    QFETCH(QString, expected);

    const QByteArray prefix("- [ ] Confirm the test plan. ");
    const QByteArray line = prefix + field;
    const std::optional<TaskLine> task = TaskLine::parse(line);
    QVERIFY(task);
    if (expected.isEmpty()) {
        QVERIFY(task->fields.isEmpty());
        QCOMPARE(task->descriptionEnd, line.size());
        return;
    }
    const qsizetype split = expected.indexOf(u' ');
    QCOMPARE(describe(*task), (QStringList{QStringLiteral("%1 %2-%3 %4 (dataview)")
                                               .arg(expected.left(split))
                                               .arg(prefix.size())
                                               .arg(line.size())
                                               .arg(expected.mid(split + 1))}));
    QCOMPARE(task->toActionItem(line).text, QStringLiteral("Confirm the test plan."));
}

// Write-back replaces fields by these offsets, so they are checked byte for byte.
void TestTaskLine::fieldOffsets_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<int>("descriptionBegin");
    QTest::addColumn<int>("descriptionEnd");
    QTest::addColumn<QStringList>("fields");

    QTest::newRow("real emoji")
        << QByteArray("- [?] Confirm the test plan. @Ann Lee \xF0\x9F\x93\x85 2025-10-31 \xE2\x8F\xAB #task #proposed")
        << 6 << 28
        << QStringList{QStringLiteral("owner 29-37 Ann Lee"), QStringLiteral("due 38-53 2025-10-31"),
                       QStringLiteral("priority 54-57 high"), QStringLiteral("tag 58-63 task"),
                       QStringLiteral("tag 64-73 proposed")};
    QTest::newRow("Mac Roman mojibake, [ ?]")
        << QByteArray("- [ ?] Confirm the test plan. @Ann Lee \xEF\xA3\xBF\xC3\xBC\xC3\xAC\xC3\x96"
                      " 2025-10-31 \xE2\x80\x9A\xC3\xA8\xC2\xB4 #task #proposed")
        << 7 << 29
        << QStringList{QStringLiteral("owner 30-38 Ann Lee"), QStringLiteral("due 39-59 2025-10-31"),
                       QStringLiteral("priority 60-67 high"), QStringLiteral("tag 68-73 task"),
                       QStringLiteral("tag 74-83 proposed")};
    QTest::newRow("dataview and trailing blanks")
        << QByteArray("  * [x] Ship it.  [due:: 2025-10-31]  (priority:: low) #done-ish  ")
        << 8 << 16
        << QStringList{QStringLiteral("due 18-36 2025-10-31 (dataview)"),
                       QStringLiteral("priority 38-54 low (dataview)"),
                       QStringLiteral("tag 55-64 done-ish")};
    QTest::newRow("recurrence absorbs words")
        << QByteArray("- [ ] Water plants \xF0\x9F\x94\x81 every week on Monday  #home")
        << 6 << 18
        << QStringList{QStringLiteral("recurrence 19-44 every week on Monday"),
                       QStringLiteral("tag 46-51 home")};
}

void TestTaskLine::fieldOffsets()
{
    QFETCH(QByteArray, line);
    QFETCH(int, descriptionBegin);
    QFETCH(int, descriptionEnd);
    QFETCH(QStringList, fields);

    const std::optional<TaskLine> task = TaskLine::parse(line);
    QVERIFY(task);
    QCOMPARE(task->descriptionBegin, descriptionBegin);
    QCOMPARE(task->descriptionEnd, descriptionEnd);
    QCOMPARE(describe(*task), fields);
    for (const TaskLine::Field &field : task->fields) {
        QVERIFY(field.begin >= 0 && field.begin < field.end && field.end <= line.size());
        QVERIFY(line.at(field.end - 1) != ' ');
    }
}

void TestTaskLine::owner_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<QString>("owner");
    QTest::addColumn<QString>("text");

    QTest::newRow("name with spaces") << QByteArray("- [?] Confirm the test plan. @Ann Lee #task")
                                      << QStringLiteral("Ann Lee") << QStringLiteral("Confirm the test plan.");
    QTest::newRow("@Myself") << QByteArray("- [?] Confirm the test plan. @Myself #task")
                             << QStringLiteral("Myself") << QStringLiteral("Confirm the test plan.");
    QTest::newRow("at line end") << QByteArray("- [?] Confirm the test plan. @Ann Lee  ")
                                 << QStringLiteral("Ann Lee") << QStringLiteral("Confirm the test plan.");
    QTest::newRow("accented name") << QByteArray("- [ ] Call back. @Zo\xC3\xAB M\xC3\xBCller \xE2\x8F\xAB")
                                   << QStringLiteral("Zoë Müller") << QStringLiteral("Call back.");
    QTest::newRow("mojibake name repaired") << QByteArray("- [ ] Call back. @Ren\xE2\x88\x9A\xC2\xA9" "e Ito #task")
                                            << QStringLiteral("Renée Ito") << QStringLiteral("Call back.");
    QTest::newRow("email is no owner") << QByteArray("- [ ] Mail ann@example.com the plan. #task")
                                       << QString() << QStringLiteral("Mail ann@example.com the plan.");
    QTest::newRow("lone @ is no owner") << QByteArray("- [ ] Meet @ noon. #task")
                                        << QString() << QStringLiteral("Meet @ noon.");
    QTest::newRow("invalid date absorbed") << QByteArray("- [ ] Call back. @Ann Lee \xF0\x9F\x93\x85 soon")
                                           << QStringLiteral("Ann Lee 📅 soon") << QStringLiteral("Call back.");
    QTest::newRow("last owner wins") << QByteArray("- [ ] Call back. @Ann Lee @Bo Chen")
                                     << QStringLiteral("Bo Chen") << QStringLiteral("Call back.");
}

void TestTaskLine::owner()
{
    QFETCH(QByteArray, line);
    QFETCH(QString, owner);
    QFETCH(QString, text);

    const std::optional<TaskLine> task = TaskLine::parse(line);
    QVERIFY(task);
    const ActionItem item = task->toActionItem(line);
    QCOMPARE(item.owner, owner);
    QCOMPARE(item.text, text);
    QCOMPARE(task->field(Kind::Owner) != nullptr, !owner.isEmpty());
}

void TestTaskLine::tags_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<QStringList>("tags");
    QTest::addColumn<QString>("text");

    QTest::newRow("trailing tags") << QByteArray("- [ ] Confirm the test plan. #task #proposed #auto")
                                   << QStringList{QStringLiteral("task"), QStringLiteral("proposed"), QStringLiteral("auto")}
                                   << QStringLiteral("Confirm the test plan.");
    QTest::newRow("tag in description")
        << QByteArray("- [ ] Fix #bug in parser \xF0\x9F\x93\x85 2025-10-31 #task")
        << QStringList{QStringLiteral("bug"), QStringLiteral("task")} << QStringLiteral("Fix #bug in parser");
    QTest::newRow("nested tag") << QByteArray("- [ ] Plan. #type/people")
                                << QStringList{QStringLiteral("type/people")} << QStringLiteral("Plan.");
    QTest::newRow("unicode tag") << QByteArray("- [ ] Plan. #caf\xC3\xA9")
                                 << QStringList{QStringLiteral("café")} << QStringLiteral("Plan.");
    QTest::newRow("punctuation ends a tag") << QByteArray("- [ ] Plan #review, then ship.")
                                            << QStringList{QStringLiteral("review")} << QStringLiteral("Plan #review, then ship.");
    QTest::newRow("number is no tag") << QByteArray("- [ ] See issue #123")
                                      << QStringList{} << QStringLiteral("See issue #123");
    QTest::newRow("lone # is no tag") << QByteArray("- [ ] Pick # of seats")
                                      << QStringList{} << QStringLiteral("Pick # of seats");
    QTest::newRow("# inside a word") << QByteArray("- [ ] Learn C#sharp")
                                     << QStringList{} << QStringLiteral("Learn C#sharp");
    QTest::newRow("tag touching a signifier")
        << QByteArray("- [ ] Plan. #task\xE2\x8F\xAB")
        << QStringList{QStringLiteral("task")} << QStringLiteral("Plan.");
}

void TestTaskLine::tags()
{
    QFETCH(QByteArray, line);
    QFETCH(QStringList, tags);
    QFETCH(QString, text);

    const std::optional<TaskLine> task = TaskLine::parse(line);
    QVERIFY(task);
    const ActionItem item = task->toActionItem(line);
    QCOMPARE(item.tags, tags);
    QCOMPARE(item.text, text);
}

void TestTaskLine::invalidDates_data()
{
    QTest::addColumn<QByteArray>("date");

    QTest::newRow("word") << QByteArray("soon");
    QTest::newRow("February 30") << QByteArray("2025-02-30");
    QTest::newRow("month 13") << QByteArray("2025-13-01");
    QTest::newRow("short parts") << QByteArray("2025-1-5");
    QTest::newRow("too many digits") << QByteArray("2025-10-311");
    QTest::newRow("trailing letter") << QByteArray("2025-10-31x");
    QTest::newRow("slashes") << QByteArray("2025/10/31");
    QTest::newRow("nothing") << QByteArray();
}

void TestTaskLine::invalidDates()
{
    QFETCH(QByteArray, date);

    for (const Spellings &s : signifierSpellings()) {
        if (s.kind == Kind::Priority || s.kind == Kind::Recurrence)
            continue;
        const QByteArray line = "- [ ] Confirm the test plan. " + s.real + ' ' + date;
        const std::optional<TaskLine> task = TaskLine::parse(line);
        QVERIFY(task);
        QVERIFY2(task->fields.isEmpty(), s.name);
        QCOMPARE(task->descriptionEnd, line.trimmed().size());
    }
}

void TestTaskLine::description_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("fieldCount");

    QTest::newRow("no fields") << QByteArray("- [ ] Confirm the test plan.") << QStringLiteral("Confirm the test plan.") << 0;
    QTest::newRow("trailing blanks") << QByteArray("- [ ] Confirm the test plan. \t ") << QStringLiteral("Confirm the test plan.") << 0;
    QTest::newRow("only fields") << QByteArray("- [ ] #task \xE2\x8F\xAB") << QString() << 2;
    QTest::newRow("date inside the text stays text")
        << QByteArray("- [ ] Move \xF0\x9F\x93\x85 2025-10-31 to Friday #task")
        << QStringLiteral("Move 📅 2025-10-31 to Friday") << 1;
    QTest::newRow("mojibake in the text repaired")
        << QByteArray("- [ ] Update Ann\xE2\x80\x9A\xC3\x84\xC3\xB4s deck. #task")
        << QStringLiteral("Update Ann’s deck.") << 1;
    QTest::newRow("invalid UTF-8 in the text")
        << QByteArray("- [ ] Bad \xFF\xFE bytes\xC3 @Ann Lee \xF0\x9F\x93\x85 2025-10-31 #task")
        << QStringLiteral("Bad \uFFFD\uFFFD bytes\uFFFD") << 3;
    QTest::newRow("invalid byte right before a signifier")
        << QByteArray("- [ ] Bad\xF0\xE2\x8F\xAB")
        << QStringLiteral("Bad\uFFFD") << 1;
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

// A field given twice: the last one counts, for the item and for field().
void TestTaskLine::lastFieldWins()
{
    const QByteArray line("- [ ] Ship it. \xF0\x9F\x93\x85 2025-10-30 \xE2\x8F\xAB [due:: 2025-10-31] \xE2\x8F\xAC");
    const std::optional<TaskLine> task = TaskLine::parse(line);
    QVERIFY(task);
    const ActionItem item = task->toActionItem(line);
    QCOMPARE(item.due, QDate(2025, 10, 31));
    QCOMPARE(item.priority, Priority::Lowest);
    QVERIFY(task->field(Kind::Due));
    QVERIFY(task->field(Kind::Due)->dataview);
    QCOMPARE(task->field(Kind::Priority)->value, QStringLiteral("lowest"));
    QVERIFY(!task->field(Kind::Owner));
}

void TestTaskLine::linearTime_data()
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
}

// A 512 KiB line must not take quadratic time: each is parsed well within a second.
void TestTaskLine::linearTime()
{
    QFETCH(QByteArray, unit);

    QByteArray line("- [ ] ");
    while (line.size() < 512 * 1024)
        line += unit;
    line += " @Ann Lee \xF0\x9F\x93\x85 2025-10-31 #task";

    QElapsedTimer timer;
    timer.start();
    const std::optional<TaskLine> task = TaskLine::parse(line);
    QVERIFY(task);
    const ActionItem item = task->toActionItem(line);
    const qint64 elapsed = timer.elapsed();
    QCOMPARE(item.due, QDate(2025, 10, 31));
    QVERIFY2(elapsed < 1000, qPrintable(QStringLiteral("took %1 ms").arg(elapsed)));
}

// The reference notes: every proposed item must yield the owner, due date and priority that the
// repaired line shows. The oracle reads the repaired text with plain string searches, apart from
// the parser.
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
