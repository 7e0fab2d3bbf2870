#pragma once

#include <QDate>
#include <QList>
#include <QString>

#include <optional>

namespace debrief {

// An Obsidian Tasks recurrence rule ("every 2 weeks on Monday, Friday when done") and the next
// occurrence it gives, computed as Tasks computes it (with the rrule library). Debrief knows:
//
//   every [N] day(s) | week(s) [on DAYS] | month(s) [on the NTHS] | year(s)
//   every DAYS (weekly on those days), every weekday (Monday to Friday)
//   every MONTHS [on the NTHS] (those months, on that day of the reference date by default)
//   ... when done
//
// DAYS are weekday names, NTHS are "1st", "15th", "last", "2nd last" or those followed by a
// weekday ("last Friday"); lists take commas or "and". Anything else is not read: parse() gives
// nothing, and the caller says so rather than guess.
class RecurrenceRule final
{
public:
    static std::optional<RecurrenceRule> parse(const QString &text);

    bool whenDone() const { return m_whenDone; }

    // The first date strictly after `from` that the rule gives when it starts on `from` (rrule's
    // dtstart); an invalid date when there is none within a hundred periods. As in Tasks, "every
    // N months" and "every N years" without a fixed day move to the month's last day when the
    // day does not exist there (January 31 + 1 month = February 28).
    QDate nextAfter(QDate from) const;

    // The dates of the task's next occurrence, as Tasks moves them: the reference date is due,
    // else scheduled, else start; the next one is nextAfter() it (of `today` for "when done"),
    // and every other date keeps its distance to the reference date. A date not given stays
    // invalid. Returns nothing when a next date cannot be found.
    struct Dates
    {
        QDate start;
        QDate scheduled;
        QDate due;
        friend bool operator==(const Dates &, const Dates &) = default;
    };
    std::optional<Dates> nextOccurrence(const Dates &current, QDate today) const;

private:
    enum class Frequency { Daily, Weekly, Monthly, Yearly };

    struct NthWeekday
    {
        int nth = 1;     // 1 = first, -1 = last, -2 = second last
        int weekday = 1; // Qt's: 1 = Monday ... 7 = Sunday
    };

    bool dayMatches(QDate date) const;    // monthly and yearly rules with days given
    QDate nextInMonths(QDate from) const; // monthly, or yearly with months given
    QList<QDate> daysOfMonth(int year, int month) const;

    Frequency m_frequency = Frequency::Daily;
    int m_interval = 1;
    QList<int> m_weekdays;           // weekly: the days, empty for the reference date's
    QList<int> m_monthDays;          // 1..31, -1 = last ...
    QList<NthWeekday> m_nthWeekdays; // monthly or yearly with months: "last Friday"
    QList<int> m_months;             // yearly: 1..12, empty for every year on the reference date
    bool m_whenDone = false;
};

} // namespace debrief
