#include "../parse/taskfixture.h"
#include "edit/taskedit.h"
#include "parse/taskline.h"

#include <QMap>
#include <QTest>

using debrief::ActionItem;
using debrief::Priority;
using debrief::TaskEdit;
using debrief::TaskLine;
using debrief::TaskStatus;
using Kind = TaskLine::FieldKind;
using Action = TaskEdit::StatusAction;

// Reading and writing action items as Obsidian Tasks does. The rows follow the examples of the
// Tasks documentation (Dates, Priority, Recurring Tasks, Task Dependencies, On Completion),
// written anew; Debrief's own extensions (@Owner, [?], [ ?], #proposed) stand beside every new
// field. Every row is also written back: each field Debrief can set is set and read again, and
// nothing else on the line may read differently.
class TestTasksFormat : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void read_data();
    void read();
    void roundTrip_data();
    void roundTrip();

private:
    void rows();
};

namespace {

const QDate today(2026, 11, 21);

// Every field of a line, by name, as the item reads it; invalid fields are named too.
QMap<QString, QString> fieldsOf(QByteArrayView line)
{
    QMap<QString, QString> out;
    const std::optional<TaskLine> task = TaskLine::parse(line);
    if (!task)
        return {{QStringLiteral("task"), QStringLiteral("none")}};
    const ActionItem item = task->toActionItem(line);
    const auto add = [&](const char *key, const QString &value) {
        if (!value.isEmpty())
            out.insert(QString::fromLatin1(key), value);
    };
    const auto date = [](QDate d) { return d.toString(Qt::ISODate); };
    if (item.status != TaskStatus::Open)
        add("status", debrief::statusName(item.status));
    out.insert(QStringLiteral("text"), item.text);
    add("owner", item.owner);
    add("due", date(item.due));
    add("scheduled", date(item.scheduled));
    add("start", date(item.start));
    add("created", date(item.created));
    add("done", date(item.doneDate));
    add("cancelled", date(item.cancelledDate));
    add("priority", debrief::priorityName(item.priority));
    add("recurrence", item.recurrence);
    add("oncompletion", item.onCompletion);
    add("id", item.id);
    add("dependson", item.dependsOn.join(QLatin1Char(',')));
    add("tags", item.tags.join(QLatin1Char(',')));
    QStringList invalid;
    for (const TaskLine::Field &field : task->fields) {
        if (!field.valid)
            invalid.append(fixture::kindName(field.kind));
    }
    add("invalid", invalid.join(QLatin1Char(',')));
    return out;
}

// "due=2024-05-10; text=Renew the passport" (keys sorted), for readable rows and failures.
QString describe(const QMap<QString, QString> &fields)
{
    QStringList parts;
    for (auto it = fields.cbegin(); it != fields.cend(); ++it)
        parts.append(it.key() + u'=' + it.value());
    return parts.join(QStringLiteral("; "));
}

int countOf(QByteArrayView line, Kind kind)
{
    const std::optional<TaskLine> task = TaskLine::parse(line);
    return int(std::count_if(task->fields.cbegin(), task->fields.cend(),
                             [&](const TaskLine::Field &field) { return field.kind == kind; }));
}

} // namespace

void TestTasksFormat::rows()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<QString>("expected");

    const auto row = [](const char *name, const char *line, const char *expected) {
        QTest::newRow(name) << QByteArray(line) << QString::fromUtf8(expected);
    };

    // Dates: every signifier Tasks reads, the aliases and the variation selector included.
    row("due 📅", "- [ ] Renew the passport 📅 2024-05-10", "due=2024-05-10; text=Renew the passport");
    row("due alias 📆", "- [ ] Renew the passport 📆 2024-05-10", "due=2024-05-10; text=Renew the passport");
    row("due alias 🗓", "- [ ] Renew the passport 🗓 2024-05-10", "due=2024-05-10; text=Renew the passport");
    row("due alias 🗓 with U+FE0F", "- [ ] Renew the passport 🗓️ 2024-05-10",
        "due=2024-05-10; text=Renew the passport");
    row("scheduled ⏳", "- [ ] Sort the receipts ⏳ 2024-05-08", "scheduled=2024-05-08; text=Sort the receipts");
    row("scheduled alias ⌛", "- [ ] Sort the receipts ⌛ 2024-05-08", "scheduled=2024-05-08; text=Sort the receipts");
    row("scheduled alias ⌛ with U+FE0F", "- [ ] Sort the receipts ⌛️ 2024-05-08",
        "scheduled=2024-05-08; text=Sort the receipts");
    row("start 🛫", "- [ ] Draft the essay 🛫 2024-05-01", "start=2024-05-01; text=Draft the essay");
    row("created ➕", "- [ ] Draft the essay ➕ 2024-04-20", "created=2024-04-20; text=Draft the essay");
    row("done ✅", "- [x] Draft the essay ✅ 2024-05-09", "done=2024-05-09; status=done; text=Draft the essay");
    row("cancelled ❌", "- [-] Draft the essay ❌ 2024-05-09",
        "cancelled=2024-05-09; status=cancelled; text=Draft the essay");
    row("no space before the date", "- [ ] Renew the passport 📅2024-05-10", "due=2024-05-10; text=Renew the passport");
    row("glued to the description", "- [ ] Renew the passport📅 2024-05-10", "due=2024-05-10; text=Renew the passport");
    row("all the dates", "- [ ] Plan the trip ➕ 2024-04-01 🛫 2024-04-02 ⏳ 2024-04-03 📅 2024-04-04",
        "created=2024-04-01; due=2024-04-04; scheduled=2024-04-03; start=2024-04-02; text=Plan the trip");

    // Priorities.
    row("priority 🔺", "- [ ] Fix the leak 🔺", "priority=highest; text=Fix the leak");
    row("priority ⏫", "- [ ] Fix the leak ⏫", "priority=high; text=Fix the leak");
    row("priority 🔼", "- [ ] Fix the leak 🔼", "priority=medium; text=Fix the leak");
    row("priority 🔽", "- [ ] Fix the leak 🔽", "priority=low; text=Fix the leak");
    row("priority ⏬", "- [ ] Fix the leak ⏬", "priority=lowest; text=Fix the leak");
    row("priority with U+FE0F", "- [ ] Fix the leak ⏫️", "priority=high; text=Fix the leak");

    // Reading from the end: an alias no longer ends the reading, any order, tags mixed in.
    row("priority before 🗓 kept", "- [ ] Plan the offsite ⏫ 🗓 2024-06-03",
        "due=2024-06-03; priority=high; text=Plan the offsite");
    row("priority before ⌛ kept", "- [ ] Book the rooms 🔼 ⌛ 2024-06-01 #travel",
        "priority=medium; scheduled=2024-06-01; tags=travel; text=Book the rooms");
    row("fields in any order", "- [ ] Feed the cat 🔁 every day 📅 2024-06-03 ➕ 2024-05-01 ⏫ 🛫 2024-05-02",
        "created=2024-05-01; due=2024-06-03; priority=high; recurrence=every day; start=2024-05-02; text=Feed the cat");
    row("tags between fields", "- [ ] Tidy the desk #home 📅 2024-06-03 #weekend",
        "due=2024-06-03; tags=home,weekend; text=Tidy the desk");
    row("text between fields ends the reading", "- [ ] Send the invoice 📅 2024-06-03 to finance ⏫",
        "priority=high; text=Send the invoice 📅 2024-06-03 to finance");
    row("a date inside the text is text", "- [ ] Move the 📅 2024-06-03 meeting", "text=Move the 📅 2024-06-03 meeting");
    row("a field given twice: the one nearest the text", "- [ ] Pay the rent 📅 2024-06-01 📅 2024-06-09",
        "due=2024-06-01; text=Pay the rent");
    row("block id after the fields", "- [ ] Pay the rent 📅 2024-06-01 ^rent-6", "due=2024-06-01; text=Pay the rent");
    row("Tasks stops after 21 passes",
        "- [ ] Sort photos 📅 2024-06-03 #a1 #a2 #a3 #a4 #a5 #a6 #a7 #a8 #a9 #a10 #a11 #a12 #a13 #a14 #a15 #a16 "
        "#a17 #a18 #a19 #a20 #a21 #a22",
        "tags=a1,a2,a3,a4,a5,a6,a7,a8,a9,a10,a11,a12,a13,a14,a15,a16,a17,a18,a19,a20,a21,a22; "
        "text=Sort photos 📅 2024-06-03 #a1");

    // Dates that do not exist: fields without a value, never text.
    row("due February 31", "- [ ] File the taxes ⏫ 📅 2024-02-31", "invalid=due; priority=high; text=File the taxes");
    row("scheduled day 33", "- [ ] Water the plants ⏳ 2024-02-33 🔼",
        "invalid=scheduled; priority=medium; text=Water the plants");
    row("start month 13", "- [ ] Water the plants 🛫 2024-13-01 📅 2024-06-01",
        "due=2024-06-01; invalid=start; text=Water the plants");
    row("not a date shape is text", "- [ ] Water the plants 📅 2024-6-1", "text=Water the plants 📅 2024-6-1");

    // Recurrence.
    row("recurrence", "- [ ] Take out the bins 🔁 every Sunday 📅 2024-04-28",
        "due=2024-04-28; recurrence=every Sunday; text=Take out the bins");
    row("recurrence when done", "- [ ] Sweep the floors 🔁 every week when done ⏳ 2024-02-06",
        "recurrence=every week when done; scheduled=2024-02-06; text=Sweep the floors");
    row("recurrence holding ';' is text", "- [ ] Sweep 🔁 every day; twice", "text=Sweep 🔁 every day; twice");
    row("recurrence with U+FE0F", "- [ ] Sweep 🔁️ every 2 weeks", "recurrence=every 2 weeks; text=Sweep");

    // Dependencies.
    row("id", "- [ ] Buy the paint 🆔 wx7k2p", "id=wx7k2p; text=Buy the paint");
    row("id with - and _", "- [ ] Buy the paint 🆔 paint_job-1", "id=paint_job-1; text=Buy the paint");
    row("depends on one", "- [ ] Paint the fence ⛔ wx7k2p", "dependson=wx7k2p; text=Paint the fence");
    row("depends on two", "- [ ] Paint the fence ⛔ abc123,def456", "dependson=abc123,def456; text=Paint the fence");
    row("depends on, spaces", "- [ ] Paint the fence ⛔ abc123, def456",
        "dependson=abc123,def456; text=Paint the fence");
    row("id and depends on", "- [ ] Paint the fence 🆔 fence1 ⛔ wx7k2p ⏫ 📅 2024-06-03",
        "dependson=wx7k2p; due=2024-06-03; id=fence1; priority=high; text=Paint the fence");
    row("depends on, a list that ends in a comma is text", "- [ ] Paint ⛔ abc123,", "text=Paint ⛔ abc123,");

    // On completion.
    row("on completion delete", "- [ ] Put the bins out 🏁 delete", "oncompletion=delete; text=Put the bins out");
    row("on completion keep", "- [ ] Put the bins out 🏁 keep", "oncompletion=keep; text=Put the bins out");
    row("on completion, any case", "- [ ] Put the bins out 🏁 Delete", "oncompletion=delete; text=Put the bins out");
    row("on completion unknown: a field, not valid", "- [ ] Put the bins out 🏁 archive",
        "invalid=oncompletion; text=Put the bins out");
    row("recurrence before on completion", "- [ ] Put the bins out 🔁 every day when done 🏁 delete",
        "oncompletion=delete; recurrence=every day when done; text=Put the bins out");
    row("priority before on completion kept", "- [ ] Put the bins out ⏫ 🏁 delete 📅 2024-06-03",
        "due=2024-06-03; oncompletion=delete; priority=high; text=Put the bins out");

    // Dataview spellings of the new fields.
    row("dataview id and dependsOn", "- [ ] Paint the fence [id:: fence1] [dependsOn:: abc, def]",
        "dependson=abc,def; id=fence1; text=Paint the fence");
    row("dataview onCompletion", "- [ ] Put the bins out (onCompletion:: delete)",
        "oncompletion=delete; text=Put the bins out");
    row("dataview impossible date", "- [ ] File the taxes [due:: 2024-02-30]", "invalid=due; text=File the taxes");

    // Mojibake spellings of the new signifiers (Mac Roman and Windows-1252).
    row("due 🗓 in Mac Roman", "- [ ] Renew the passport \xEF\xA3\xBF\xC3\xBC\xC3\xB3\xC3\xAC 2024-05-10",
        "due=2024-05-10; text=Renew the passport");
    row("scheduled ⌛ in cp1252", "- [ ] Sort \xC3\xA2\xC5\x92\xE2\x80\xBA 2024-05-08",
        "scheduled=2024-05-08; text=Sort");
    row("id 🆔 in Mac Roman", "- [ ] Buy paint \xEF\xA3\xBF\xC3\xBC\xC3\x9C\xC3\xAE wx7k2p",
        "id=wx7k2p; text=Buy paint");
    row("on completion 🏁 in cp1252", "- [ ] Bins \xC3\xB0\xC5\xB8\xC2\x8F\xC2\x81 delete",
        "oncompletion=delete; text=Bins");

    // Debrief's extensions beside every new field: @Owner, [?], [ ?], #proposed.
    struct Extra
    {
        const char *name;
        const char *field;
        const char *expected;
    };
    const Extra extras[] = {
        {"🗓", "🗓️ 2024-05-10", "due=2024-05-10"},
        {"📆", "📆 2024-05-10", "due=2024-05-10"},
        {"⌛", "⌛ 2024-05-08", "scheduled=2024-05-08"},
        {"🆔", "🆔 wx7k2p", "id=wx7k2p"},
        {"⛔", "⛔ abc123,def456", "dependson=abc123,def456"},
        {"🏁", "🏁 delete", "oncompletion=delete"},
        {"🔁 and 🏁", "🔁 every week 🏁 keep", "oncompletion=keep; recurrence=every week"},
        {"invalid date", "📅 2024-02-31", "invalid=due"},
    };
    for (const Extra &extra : extras) {
        for (const char *box : {"[?]", "[ ?]"}) {
            const QByteArray line =
                QByteArray("- ") + box + " Review the budget. @Ann Lee " + extra.field + " ⏫ #task #proposed";
            QMap<QString, QString> expected{{QStringLiteral("owner"), QStringLiteral("Ann Lee")},
                                            {QStringLiteral("priority"), QStringLiteral("high")},
                                            {QStringLiteral("status"), QStringLiteral("proposed")},
                                            {QStringLiteral("tags"), QStringLiteral("task,proposed")},
                                            {QStringLiteral("text"), QStringLiteral("Review the budget.")}};
            for (const QString &part : QString::fromUtf8(extra.expected).split(QStringLiteral("; "))) {
                const qsizetype equals = part.indexOf(u'=');
                expected.insert(part.left(equals), part.mid(equals + 1));
            }
            QTest::addRow("extensions, %s, %s", extra.name, box) << line << describe(expected);
            // The owner after the new field, and the owner last.
            const QByteArray after =
                QByteArray("- ") + box + " Review the budget. " + extra.field + " @Ann Lee #task #proposed";
            expected.remove(QStringLiteral("priority"));
            QTest::addRow("extensions, owner after %s, %s", extra.name, box) << after << describe(expected);
        }
    }
}

void TestTasksFormat::read_data()
{
    rows();
}

void TestTasksFormat::read()
{
    QFETCH(QByteArray, line);
    QFETCH(QString, expected);
    QCOMPARE(describe(fieldsOf(line)), expected);
}

void TestTasksFormat::roundTrip_data()
{
    rows();
}

// Each edit Debrief makes is read back: the field it set has the new value, there is one such
// field at most as before (never a second due date), and every other field reads as it did.
void TestTasksFormat::roundTrip()
{
    QFETCH(QByteArray, line);
    const QMap<QString, QString> before = fieldsOf(line);

    struct Edit
    {
        const char *what;
        std::optional<QByteArray> after;
        QString key;
        QString value;
        Kind kind;
    };
    const QList<Edit> edits{
        {"due", TaskEdit::setDate(line, Kind::Due, QDate(2030, 1, 15)), QStringLiteral("due"),
         QStringLiteral("2030-01-15"), Kind::Due},
        {"scheduled", TaskEdit::setDate(line, Kind::Scheduled, QDate(2030, 1, 14)), QStringLiteral("scheduled"),
         QStringLiteral("2030-01-14"), Kind::Scheduled},
        {"start", TaskEdit::setDate(line, Kind::Start, QDate(2030, 1, 13)), QStringLiteral("start"),
         QStringLiteral("2030-01-13"), Kind::Start},
        {"priority", TaskEdit::setPriority(line, Priority::Lowest), QStringLiteral("priority"),
         QStringLiteral("lowest"), Kind::Priority},
        {"owner", TaskEdit::setOwner(line, QStringLiteral("Zed Ray")), QStringLiteral("owner"),
         QStringLiteral("Zed Ray"), Kind::Owner},
        {"text", TaskEdit::setText(line, QStringLiteral("Renamed task")), QStringLiteral("text"),
         QStringLiteral("Renamed task"), Kind::Tag},
    };
    for (const Edit &edit : edits) {
        QVERIFY2(edit.after, edit.what);
        QMap<QString, QString> expected = before;
        expected.insert(edit.key, edit.value);
        if (edit.kind == Kind::Tag) {
            // A new text replaces the description, with the tags written inside it.
            const std::optional<TaskLine> task = TaskLine::parse(line);
            QStringList tags;
            for (const TaskLine::Field &field : task->fields) {
                if (field.kind == Kind::Tag && field.begin >= task->descriptionEnd)
                    tags.append(field.value);
            }
            if (tags.isEmpty())
                expected.remove(QStringLiteral("tags"));
            else
                expected.insert(QStringLiteral("tags"), tags.join(u','));
        } else {
            // The field written is valid now, whatever it was.
            const std::optional<TaskLine> task = TaskLine::parse(line);
            const TaskLine::Field *old = task->field(edit.kind);
            if (old && !old->valid) {
                QStringList invalid = expected.value(QStringLiteral("invalid")).split(u',', Qt::SkipEmptyParts);
                invalid.removeOne(fixture::kindName(edit.kind));
                if (invalid.isEmpty())
                    expected.remove(QStringLiteral("invalid"));
                else
                    expected.insert(QStringLiteral("invalid"), invalid.join(u','));
            }
            QCOMPARE(countOf(*edit.after, edit.kind), std::max(1, countOf(line, edit.kind)));
        }
        QVERIFY2(describe(fieldsOf(*edit.after)) == describe(expected),
                 qPrintable(QStringLiteral("%1: %2\n   read %3\n   want %4")
                                .arg(QLatin1StringView(edit.what), QString::fromUtf8(*edit.after),
                                     describe(fieldsOf(*edit.after)), describe(expected))));
    }

    // Done, then reopened: the done date comes and goes, nothing else moves.
    const QByteArray done = TaskEdit::setStatus(line, Action::Done, today).value();
    QMap<QString, QString> expected = before;
    expected.insert(QStringLiteral("status"), QStringLiteral("done"));
    expected.insert(QStringLiteral("done"), today.toString(Qt::ISODate));
    expected.remove(QStringLiteral("cancelled"));
    QStringList tags = expected.value(QStringLiteral("tags")).split(u',', Qt::SkipEmptyParts);
    tags.removeAll(QStringLiteral("proposed"));
    if (tags.isEmpty())
        expected.remove(QStringLiteral("tags"));
    else
        expected.insert(QStringLiteral("tags"), tags.join(u','));
    QCOMPARE(describe(fieldsOf(done)), describe(expected));
    const QByteArray reopened = TaskEdit::setStatus(done, Action::Reopen, today).value();
    expected.remove(QStringLiteral("status"));
    expected.remove(QStringLiteral("done"));
    QCOMPARE(describe(fieldsOf(reopened)), describe(expected));
}

QTEST_GUILESS_MAIN(TestTasksFormat)
#include "tst_tasksformat.moc"
