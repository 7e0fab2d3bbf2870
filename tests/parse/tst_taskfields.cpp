#include "parse/taskline.h"
#include "taskfixture.h"

#include <QTest>

using debrief::ActionItem;
using debrief::Priority;
using debrief::TaskLine;
using fixture::describe;
using fixture::Kind;
using fixture::kindName;
using fixture::realSelector;
using fixture::signifierSpellings;
using fixture::Spellings;

// The fields after a task's description: every signifier spelling, Dataview fields, owners,
// tags, invalid dates, and the byte offsets that write-back replaces fields by.
class TestTaskFields : public QObject
{
    Q_OBJECT

private Q_SLOTS:
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
    void firstFieldWins();
};

void TestTaskFields::signifiers_data()
{
    QTest::addColumn<QByteArray>("signifier");
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<Kind>("kind");
    QTest::addColumn<QString>("parsed");

    for (const Spellings &s : signifierSpellings()) {
        const QList<std::pair<const char *, QByteArray>> spellings{
            {"real", s.real},     {"real+FE0F", s.real + realSelector},
            {"Mac Roman", s.mac}, {"Mac Roman+FE0F", s.macSelector},
            {"cp1252", s.cp1252}, {"cp1252+FE0F", s.cp1252Selector},
        };
        for (const auto &[spelling, bytes] : spellings) {
            QTest::addRow("%s %s", s.name, spelling)
                << bytes << QByteArray(s.value) << s.kind << QString::fromLatin1(s.parsed);
        }
    }
}

void TestTaskFields::signifiers()
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
    QCOMPARE(describe(*task),
             (QStringList{
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

void TestTaskFields::dataview_data()
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
    QTest::newRow("repeat") << QByteArray("[repeat:: every day when done]")
                            << QStringLiteral("recurrence every day when done");
    QTest::newRow("invalid date") << QByteArray("[due:: soon]") << QString();
    QTest::newRow("impossible date: a field, not valid")
        << QByteArray("[due:: 2025-02-30]") << QStringLiteral("due 2025-02-30 (dataview) (invalid)");
    QTest::newRow("onCompletion") << QByteArray("[onCompletion:: delete]") << QStringLiteral("oncompletion delete");
    QTest::newRow("id") << QByteArray("[id:: abc123]") << QStringLiteral("id abc123");
    QTest::newRow("dependsOn") << QByteArray("[dependsOn:: abc123, def456]")
                               << QStringLiteral("dependson abc123,def456");
    QTest::newRow("empty date") << QByteArray("[scheduled:: ]") << QString();
    QTest::newRow("unknown priority") << QByteArray("[priority:: urgent]") << QString();
    QTest::newRow("unknown key") << QByteArray("[owner:: Ann]") << QString();
    QTest::newRow("mismatched bracket") << QByteArray("[due:: 2025-10-31)") << QString();
    QTest::newRow("unclosed") << QByteArray("[due:: 2025-10-31") << QString();
}

void TestTaskFields::dataview()
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
    QString value = expected.mid(split + 1);
    if (!value.contains(QStringLiteral(" (dataview)")))
        value += QStringLiteral(" (dataview)");
    QCOMPARE(
        describe(*task),
        (QStringList{
            QStringLiteral("%1 %2-%3 %4").arg(expected.left(split)).arg(prefix.size()).arg(line.size()).arg(value)}));
    QCOMPARE(task->toActionItem(line).text, QStringLiteral("Confirm the test plan."));
}

// Write-back replaces fields by these offsets, so they are checked byte for byte.
void TestTaskFields::fieldOffsets_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<int>("descriptionBegin");
    QTest::addColumn<int>("descriptionEnd");
    QTest::addColumn<QStringList>("fields");

    QTest::newRow("real emoji") << QByteArray(
        "- [?] Confirm the test plan. @Ann Lee \xF0\x9F\x93\x85 2025-10-31 \xE2\x8F\xAB #task #proposed")
                                << 6 << 28
                                << QStringList{QStringLiteral("owner 29-37 Ann Lee"),
                                               QStringLiteral("due 38-53 2025-10-31"),
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
        << QByteArray("  * [x] Ship it.  [due:: 2025-10-31]  (priority:: low) #done-ish  ") << 8 << 16
        << QStringList{QStringLiteral("due 18-36 2025-10-31 (dataview)"),
                       QStringLiteral("priority 38-54 low (dataview)"), QStringLiteral("tag 55-64 done-ish")};
    QTest::newRow("recurrence absorbs words")
        << QByteArray("- [ ] Water plants \xF0\x9F\x94\x81 every week on Monday  #home") << 6 << 18
        << QStringList{QStringLiteral("recurrence 19-44 every week on Monday"), QStringLiteral("tag 46-51 home")};
}

void TestTaskFields::fieldOffsets()
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

void TestTaskFields::owner_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<QString>("owner");
    QTest::addColumn<QString>("text");

    QTest::newRow("name with spaces") << QByteArray("- [?] Confirm the test plan. @Ann Lee #task")
                                      << QStringLiteral("Ann Lee") << QStringLiteral("Confirm the test plan.");
    QTest::newRow("@Myself") << QByteArray("- [?] Confirm the test plan. @Myself #task") << QStringLiteral("Myself")
                             << QStringLiteral("Confirm the test plan.");
    QTest::newRow("at line end") << QByteArray("- [?] Confirm the test plan. @Ann Lee  ") << QStringLiteral("Ann Lee")
                                 << QStringLiteral("Confirm the test plan.");
    QTest::newRow("accented name") << QByteArray("- [ ] Call back. @Zo\xC3\xAB M\xC3\xBCller \xE2\x8F\xAB")
                                   << QStringLiteral("Zoë Müller") << QStringLiteral("Call back.");
    QTest::newRow("mojibake name repaired") << QByteArray("- [ ] Call back. @Ren\xE2\x88\x9A\xC2\xA9"
                                                          "e Ito #task")
                                            << QStringLiteral("Renée Ito") << QStringLiteral("Call back.");
    QTest::newRow("email is no owner") << QByteArray("- [ ] Mail ann@example.com the plan. #task") << QString()
                                       << QStringLiteral("Mail ann@example.com the plan.");
    QTest::newRow("lone @ is no owner") << QByteArray("- [ ] Meet @ noon. #task") << QString()
                                        << QStringLiteral("Meet @ noon.");
    // "📅 soon" is text, as in Tasks; an owner holds no signifier, so nothing here is a field.
    QTest::newRow("signifier without a date is text, and no owner")
        << QByteArray("- [ ] Call back. @Ann Lee \xF0\x9F\x93\x85 soon") << QString()
        << QStringLiteral("Call back. @Ann Lee 📅 soon");
    QTest::newRow("@ right before a signifier")
        << QByteArray("- [ ] Call back. @\xE2\x8F\xAB") << QString() << QStringLiteral("Call back. @");
    QTest::newRow("block id after the name")
        << QByteArray("- [ ] Call back. @Ann Lee ^call-2") << QStringLiteral("Ann Lee") << QStringLiteral("Call back.");
    // The Dataview field is read first: it is no part of the name.
    QTest::newRow("dataview field after the name")
        << QByteArray("- [?] Plan the rota. @Ann Lee [due:: 2026-12-18] #task #proposed") << QStringLiteral("Ann Lee")
        << QStringLiteral("Plan the rota.");
    QTest::newRow("dataview field in parentheses after the name")
        << QByteArray("- [ ] Plan the rota. @Bo Chen (priority:: high)") << QStringLiteral("Bo Chen")
        << QStringLiteral("Plan the rota.");
    QTest::newRow("unknown dataview key stays in the name")
        << QByteArray("- [ ] Plan the rota. @Bo Chen [team:: ops]") << QStringLiteral("Bo Chen [team:: ops]")
        << QStringLiteral("Plan the rota.");
    QTest::newRow("last owner wins") << QByteArray("- [ ] Call back. @Ann Lee @Bo Chen") << QStringLiteral("Bo Chen")
                                     << QStringLiteral("Call back.");
}

void TestTaskFields::owner()
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

void TestTaskFields::tags_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<QStringList>("tags");
    QTest::addColumn<QString>("text");

    QTest::newRow("trailing tags") << QByteArray("- [ ] Confirm the test plan. #task #proposed #auto")
                                   << QStringList{QStringLiteral("task"), QStringLiteral("proposed"),
                                                  QStringLiteral("auto")}
                                   << QStringLiteral("Confirm the test plan.");
    QTest::newRow("tag in description") << QByteArray("- [ ] Fix #bug in parser \xF0\x9F\x93\x85 2025-10-31 #task")
                                        << QStringList{QStringLiteral("bug"), QStringLiteral("task")}
                                        << QStringLiteral("Fix #bug in parser");
    QTest::newRow("nested tag") << QByteArray("- [ ] Plan. #type/people") << QStringList{QStringLiteral("type/people")}
                                << QStringLiteral("Plan.");
    QTest::newRow("unicode tag") << QByteArray("- [ ] Plan. #caf\xC3\xA9") << QStringList{QStringLiteral("café")}
                                 << QStringLiteral("Plan.");
    QTest::newRow("punctuation ends a tag")
        << QByteArray("- [ ] Plan #review, then ship.") << QStringList{QStringLiteral("review")}
        << QStringLiteral("Plan #review, then ship.");
    QTest::newRow("number is no tag") << QByteArray("- [ ] See issue #123") << QStringList{}
                                      << QStringLiteral("See issue #123");
    QTest::newRow("lone # is no tag") << QByteArray("- [ ] Pick # of seats") << QStringList{}
                                      << QStringLiteral("Pick # of seats");
    QTest::newRow("# inside a word") << QByteArray("- [ ] Learn C#sharp") << QStringList{}
                                     << QStringLiteral("Learn C#sharp");
    QTest::newRow("tag touching a signifier") << QByteArray("- [ ] Plan. #task\xE2\x8F\xAB")
                                              << QStringList{QStringLiteral("task")} << QStringLiteral("Plan.");
}

void TestTaskFields::tags()
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

void TestTaskFields::invalidDates_data()
{
    QTest::addColumn<QByteArray>("date");
    QTest::addColumn<bool>("isField"); // Tasks takes any YYYY-MM-DD for a date, existing or not

    QTest::newRow("word") << QByteArray("soon") << false;
    QTest::newRow("February 30") << QByteArray("2025-02-30") << true;
    QTest::newRow("February 29 of a common year") << QByteArray("2023-02-29") << true;
    QTest::newRow("day 33") << QByteArray("2024-02-33") << true;
    QTest::newRow("month 13") << QByteArray("2025-13-01") << true;
    QTest::newRow("month 00") << QByteArray("2025-00-10") << true;
    QTest::newRow("short parts") << QByteArray("2025-1-5") << false;
    QTest::newRow("too many digits") << QByteArray("2025-10-311") << false;
    QTest::newRow("trailing letter") << QByteArray("2025-10-31x") << false;
    QTest::newRow("slashes") << QByteArray("2025/10/31") << false;
    QTest::newRow("nothing") << QByteArray() << false;
}

// A date-shaped value that is no calendar day is a field that is not valid: it reads as a null
// date, never as text, and the fields before it are still read. Anything else is text.
void TestTaskFields::invalidDates()
{
    QFETCH(QByteArray, date);
    QFETCH(bool, isField);

    for (const Spellings &s : signifierSpellings()) {
        if (s.kind == Kind::Priority || s.kind == Kind::Recurrence || s.kind == Kind::Id || s.kind == Kind::DependsOn
            || s.kind == Kind::OnCompletion)
            continue;
        const QByteArray before("- [ ] Confirm the test plan. @Ann \xE2\x8F\xAB ");
        const QByteArray line = before + s.real + ' ' + date;
        const std::optional<TaskLine> task = TaskLine::parse(line);
        QVERIFY(task);
        const ActionItem item = task->toActionItem(line);
        if (!isField) {
            QVERIFY2(task->fields.isEmpty(), s.name);
            QCOMPARE(task->descriptionEnd, line.trimmed().size());
            continue;
        }
        QCOMPARE(describe(*task),
                 (QStringList{QStringLiteral("owner 29-33 Ann"), QStringLiteral("priority 34-37 high"),
                              QStringLiteral("%1 38-%2 %3 (invalid)")
                                  .arg(kindName(s.kind))
                                  .arg(line.size())
                                  .arg(QString::fromLatin1(date))}));
        QCOMPARE(item.text, QStringLiteral("Confirm the test plan."));
        QCOMPARE(item.owner, QStringLiteral("Ann"));
        QCOMPARE(item.priority, Priority::High);
        QVERIFY(!item.due.isValid() && !item.scheduled.isValid() && !item.start.isValid());
        QVERIFY(!item.created.isValid() && !item.doneDate.isValid() && !item.cancelledDate.isValid());
    }
}

// A Tasks field given twice: the one nearest the description counts, as in Tasks, which reads
// from the end and lets each field it meets override the one it read before. Owners: the last.
void TestTaskFields::firstFieldWins()
{
    const QByteArray line("- [ ] Ship it. @Ann \xF0\x9F\x93\x85 2025-10-30 \xE2\x8F\xAB [due:: 2025-10-31] "
                          "@Bo \xE2\x8F\xAC");
    const std::optional<TaskLine> task = TaskLine::parse(line);
    QVERIFY(task);
    const ActionItem item = task->toActionItem(line);
    QCOMPARE(item.due, QDate(2025, 10, 30));
    QCOMPARE(item.priority, Priority::High);
    QCOMPARE(item.owner, QStringLiteral("Bo"));
    QVERIFY(task->field(Kind::Due));
    QVERIFY(!task->field(Kind::Due)->dataview);
    QCOMPARE(task->field(Kind::Priority)->value, QStringLiteral("high"));
    QCOMPARE(task->field(Kind::Owner)->value, QStringLiteral("Bo"));
    QVERIFY(!task->field(Kind::Start));
}

QTEST_GUILESS_MAIN(TestTaskFields)
#include "tst_taskfields.moc"
