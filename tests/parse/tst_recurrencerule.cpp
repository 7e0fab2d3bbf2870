#include "parse/recurrencerule.h"

#include <QTest>

using debrief::RecurrenceRule;
using Dates = RecurrenceRule::Dates;

// The next date of every recurrence rule Debrief computes, from the examples of the Tasks
// documentation (Recurring Tasks), and the rules it leaves alone.
class TestRecurrenceRule : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void nextAfter_data();
    void nextAfter();
    void series_data();
    void series();
    void occurrence_data();
    void occurrence();
    void notComputed_data();
    void notComputed();
};

void TestRecurrenceRule::nextAfter_data()
{
    QTest::addColumn<QString>("rule");
    QTest::addColumn<QDate>("from");
    QTest::addColumn<QDate>("next");

    const auto row = [](const char *name, const char *rule, QDate from, QDate next) {
        QTest::newRow(name) << QString::fromLatin1(rule) << from << next;
    };
    row("every day", "every day", QDate(2024, 2, 28), QDate(2024, 2, 29));
    row("every 3 days", "every 3 days", QDate(2024, 12, 30), QDate(2025, 1, 2));
    row("every 10 days when done", "every 10 days when done", QDate(2024, 6, 1), QDate(2024, 6, 11));
    row("every week", "every week", QDate(2021, 2, 6), QDate(2021, 2, 13));
    row("every 2 weeks", "every 2 weeks", QDate(2021, 10, 30), QDate(2021, 11, 13));
    row("every Sunday", "every Sunday", QDate(2021, 4, 25), QDate(2021, 5, 2));
    row("every sunday, from a Wednesday", "every sunday", QDate(2024, 6, 5), QDate(2024, 6, 9));
    row("every weekday, from a Friday", "every weekday", QDate(2024, 6, 7), QDate(2024, 6, 10));
    row("every weekday, from a Wednesday", "every weekday", QDate(2024, 6, 5), QDate(2024, 6, 6));
    row("every week on Sunday", "every week on Sunday", QDate(2024, 6, 3), QDate(2024, 6, 9));
    row("every week on Tuesday, Friday", "every week on Tuesday, Friday", QDate(2024, 6, 4), QDate(2024, 6, 7));
    row("every week on Tuesday, Friday, from Friday", "every week on Tuesday, Friday", QDate(2024, 6, 7),
        QDate(2024, 6, 11));
    row("every monday, friday", "every monday, friday", QDate(2024, 6, 3), QDate(2024, 6, 7));
    row("every Tuesday and Friday", "every Tuesday and Friday", QDate(2024, 6, 8), QDate(2024, 6, 11));
    row("every 3 weeks on Friday", "every 3 weeks on Friday", QDate(2024, 6, 7), QDate(2024, 6, 28));
    row("every 2 weeks on Monday, Friday, same week", "every 2 weeks on Monday, Friday", QDate(2024, 6, 3),
        QDate(2024, 6, 7));
    row("every 2 weeks on Monday, Friday, next turn", "every 2 weeks on Monday, Friday", QDate(2024, 6, 7),
        QDate(2024, 6, 17));
    row("every month", "every month", QDate(2024, 3, 15), QDate(2024, 4, 15));
    row("every month from the 31st", "every month", QDate(2021, 10, 31), QDate(2021, 11, 30));
    row("every 2 months", "every 2 months", QDate(2024, 11, 30), QDate(2025, 1, 30));
    row("every 3 months from January 31", "every 3 months", QDate(2022, 1, 31), QDate(2022, 4, 30));
    row("every month on the 1st", "every month on the 1st", QDate(2024, 6, 15), QDate(2024, 7, 1));
    row("every month on the 15th, same month", "every month on the 15th", QDate(2024, 1, 10), QDate(2024, 1, 15));
    row("every month on the 15th, next month", "every month on the 15th", QDate(2024, 1, 15), QDate(2024, 2, 15));
    row("every month on the last", "every month on the last", QDate(2022, 1, 31), QDate(2022, 2, 28));
    row("every month on the last day", "every month on the last day", QDate(2024, 1, 31), QDate(2024, 2, 29));
    row("every month on the 31st skips short months", "every month on the 31st", QDate(2022, 1, 31),
        QDate(2022, 3, 31));
    row("every month on the last Friday", "every month on the last Friday", QDate(2024, 6, 28), QDate(2024, 7, 26));
    row("every month on the 2nd last Friday", "every month on the 2nd last Friday", QDate(2024, 6, 21),
        QDate(2024, 7, 19));
    row("every 6 months on the 2nd Wednesday", "every 6 months on the 2nd Wednesday", QDate(2024, 1, 10),
        QDate(2024, 7, 10));
    row("every month on the 1st and 15th", "every month on the 1st and 15th", QDate(2024, 6, 1), QDate(2024, 6, 15));
    row("every year", "every year", QDate(2023, 7, 4), QDate(2024, 7, 4));
    row("every year from February 29", "every year", QDate(2024, 2, 29), QDate(2025, 2, 28));
    row("every 2 years", "every 2 years", QDate(2024, 5, 1), QDate(2026, 5, 1));
    row("every January on the 15th", "every January on the 15th", QDate(2024, 1, 15), QDate(2025, 1, 15));
    row("every January, on the reference day", "every January", QDate(2024, 3, 9), QDate(2025, 1, 9));
    row("every February on the last", "every February on the last", QDate(2024, 2, 29), QDate(2025, 2, 28));
    row("every April and December on the 1st and 24th", "every April and December on the 1st and 24th",
        QDate(2024, 4, 24), QDate(2024, 12, 1));
    row("capitals", "Every Week On Monday", QDate(2024, 6, 5), QDate(2024, 6, 10));
}

void TestRecurrenceRule::nextAfter()
{
    QFETCH(QString, rule);
    QFETCH(QDate, from);
    QFETCH(QDate, next);

    const std::optional<RecurrenceRule> parsed = RecurrenceRule::parse(rule);
    QVERIFY(parsed);
    QCOMPARE(parsed->nextAfter(from), next);
}

// The documentation's series, completed one after another.
void TestRecurrenceRule::series_data()
{
    QTest::addColumn<QString>("rule");
    QTest::addColumn<QList<QDate>>("dates");

    QTest::newRow("every month on the last")
        << QStringLiteral("every month on the last")
        << QList<QDate>{QDate(2022, 1, 31), QDate(2022, 2, 28), QDate(2022, 3, 31),
                        QDate(2022, 4, 30), QDate(2022, 5, 31), QDate(2022, 6, 30)};
    QTest::newRow("every month moves earlier")
        << QStringLiteral("every month") << QList<QDate>{QDate(2021, 10, 31), QDate(2021, 11, 30), QDate(2021, 12, 30),
                                                         QDate(2022, 1, 30),  QDate(2022, 2, 28),  QDate(2022, 3, 28)};
    QTest::newRow("every month on the 31st skips")
        << QStringLiteral("every month on the 31st")
        << QList<QDate>{QDate(2022, 1, 31), QDate(2022, 3, 31), QDate(2022, 5, 31), QDate(2022, 7, 31),
                        QDate(2022, 8, 31)};
    QTest::newRow("every 3 months stays on the 30th")
        << QStringLiteral("every 3 months") << QList<QDate>{QDate(2022, 1, 31), QDate(2022, 4, 30), QDate(2022, 7, 30)};
}

void TestRecurrenceRule::series()
{
    QFETCH(QString, rule);
    QFETCH(QList<QDate>, dates);

    const std::optional<RecurrenceRule> parsed = RecurrenceRule::parse(rule);
    QVERIFY(parsed);
    for (qsizetype i = 0; i + 1 < dates.size(); ++i)
        QCOMPARE(parsed->nextAfter(dates.at(i)), dates.at(i + 1));
}

void TestRecurrenceRule::occurrence_data()
{
    QTest::addColumn<QString>("rule");
    QTest::addColumn<Dates>("current");
    QTest::addColumn<QDate>("today");
    QTest::addColumn<Dates>("next");

    const QDate today(2022, 2, 13);
    QTest::newRow("due is the reference; scheduled keeps its distance")
        << QStringLiteral("every 2 weeks") << Dates{{}, QDate(2021, 10, 28), QDate(2021, 10, 30)} << today
        << Dates{{}, QDate(2021, 11, 11), QDate(2021, 11, 13)};
    QTest::newRow("scheduled is the reference without a due date")
        << QStringLiteral("every week") << Dates{QDate(2021, 2, 1), QDate(2021, 2, 6), {}} << today
        << Dates{QDate(2021, 2, 8), QDate(2021, 2, 13), {}};
    QTest::newRow("start is the reference alone")
        << QStringLiteral("every day") << Dates{QDate(2021, 2, 1), {}, {}} << today << Dates{QDate(2021, 2, 2), {}, {}};
    QTest::newRow("when done: from today") << QStringLiteral("every week when done") << Dates{{}, QDate(2021, 2, 6), {}}
                                           << today << Dates{{}, QDate(2022, 2, 20), {}};
    QTest::newRow("when done: the others keep their distance")
        << QStringLiteral("every week when done") << Dates{QDate(2021, 2, 3), {}, QDate(2021, 2, 6)} << today
        << Dates{QDate(2022, 2, 17), {}, QDate(2022, 2, 20)};
    QTest::newRow("no dates: none after") << QStringLiteral("every day") << Dates{} << today << Dates{};
    QTest::newRow("every month: the later date moves by days")
        << QStringLiteral("every month") << Dates{QDate(2024, 1, 29), {}, QDate(2024, 1, 31)} << today
        << Dates{QDate(2024, 2, 27), {}, QDate(2024, 2, 29)};
}

void TestRecurrenceRule::occurrence()
{
    QFETCH(QString, rule);
    QFETCH(Dates, current);
    QFETCH(QDate, today);
    QFETCH(Dates, next);

    const std::optional<RecurrenceRule> parsed = RecurrenceRule::parse(rule);
    QVERIFY(parsed);
    const std::optional<Dates> computed = parsed->nextOccurrence(current, today);
    QVERIFY(computed);
    QCOMPARE(computed->start, next.start);
    QCOMPARE(computed->scheduled, next.scheduled);
    QCOMPARE(computed->due, next.due);
}

void TestRecurrenceRule::notComputed_data()
{
    QTest::addColumn<QString>("rule");

    QTest::newRow("not every") << QStringLiteral("each day");
    QTest::newRow("hours") << QStringLiteral("every hour");
    QTest::newRow("a count") << QStringLiteral("every day for 5 times");
    QTest::newRow("until") << QStringLiteral("every week until January");
    QTest::newRow("unknown day") << QStringLiteral("every Funday");
    QTest::newRow("every alone") << QStringLiteral("every");
    QTest::newRow("empty") << QString();
    QTest::newRow("ordinal without suffix") << QStringLiteral("every month on the 15");
    QTest::newRow("wrong suffix") << QStringLiteral("every month on the 3th");
    QTest::newRow("days and weekdays mixed") << QStringLiteral("every month on the 1st and last Friday");
    QTest::newRow("on after days") << QStringLiteral("every day on Monday");
    QTest::newRow("zero") << QStringLiteral("every 0 days");
    QTest::newRow("trailing words") << QStringLiteral("every week please");
}

void TestRecurrenceRule::notComputed()
{
    QFETCH(QString, rule);
    QVERIFY(!RecurrenceRule::parse(rule));
}

QTEST_GUILESS_MAIN(TestRecurrenceRule)
#include "tst_recurrencerule.moc"
