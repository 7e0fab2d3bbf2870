#include "parse/recurrencerule.h"

#include <QStringList>

#include <algorithm>

namespace debrief {

namespace {

constexpr int maxPeriods = 100; // how far nextAfter() looks for a day that exists

// 1 = Monday ... 7 = Sunday for a weekday's name or its usual abbreviations, else 0.
int weekdayOf(const QString &word)
{
    static const char *const names[7][4] = {
        {"monday", "mon", nullptr, nullptr},    {"tuesday", "tue", "tues", nullptr},
        {"wednesday", "wed", nullptr, nullptr}, {"thursday", "thu", "thur", "thurs"},
        {"friday", "fri", nullptr, nullptr},    {"saturday", "sat", nullptr, nullptr},
        {"sunday", "sun", nullptr, nullptr},
    };
    for (int day = 0; day < 7; ++day) {
        for (const char *name : names[day]) {
            if (name && word == QLatin1StringView(name))
                return day + 1;
        }
    }
    return 0;
}

// 1 ... 12 for a month's name or its three-letter abbreviation, else 0.
int monthOf(const QString &word)
{
    static const char *const names[12] = {"january", "february", "march",     "april",   "may",      "june",
                                          "july",    "august",   "september", "october", "november", "december"};
    for (int month = 0; month < 12; ++month) {
        const QLatin1StringView name(names[month]);
        if (word == name || (word.size() == 3 && name.startsWith(word)))
            return month + 1;
    }
    return 0;
}

// "1st", "22nd", "3rd", "15th" (1 to 31, with the suffix English gives it), else 0.
int ordinalOf(const QString &word)
{
    qsizetype digits = 0;
    while (digits < word.size() && word.at(digits).isDigit())
        ++digits;
    if (digits == 0 || digits > 2)
        return 0;
    const int value = word.left(digits).toInt();
    const QString suffix = word.mid(digits);
    const int lastTwo = value % 100;
    const int last = value % 10;
    const QLatin1StringView expected = (lastTwo >= 11 && lastTwo <= 13) ? QLatin1StringView("th")
        : last == 1                                                     ? QLatin1StringView("st")
        : last == 2                                                     ? QLatin1StringView("nd")
        : last == 3                                                     ? QLatin1StringView("rd")
                                                                        : QLatin1StringView("th");
    if (value < 1 || value > 31 || suffix != expected)
        return 0;
    return value;
}

QDate mondayOf(QDate date)
{
    return date.addDays(1 - date.dayOfWeek());
}

// Reads words one at a time; "and" reads as a comma, as rrule reads it.
class Words
{
public:
    explicit Words(const QString &text)
    {
        QString spaced = text.toLower();
        spaced.replace(QLatin1Char(','), QStringLiteral(" , "));
        m_words = spaced.split(QLatin1Char(' '), Qt::SkipEmptyParts);
        for (QString &word : m_words) {
            if (word == u"and")
                word = QStringLiteral(",");
        }
    }

    bool atEnd() const { return m_at >= m_words.size(); }
    QString peek() const { return atEnd() ? QString() : m_words.at(m_at); }
    QString next() { return atEnd() ? QString() : m_words.at(m_at++); }
    bool accept(QLatin1StringView word)
    {
        if (peek() != word)
            return false;
        ++m_at;
        return true;
    }
    // Removes "when done" from the end; true when it was there.
    bool takeWhenDone()
    {
        if (m_words.size() >= 2 && m_words.constLast() == u"done" && m_words.at(m_words.size() - 2) == u"when") {
            m_words.resize(m_words.size() - 2);
            return true;
        }
        return false;
    }

private:
    QStringList m_words;
    qsizetype m_at = 0;
};

} // namespace

std::optional<RecurrenceRule> RecurrenceRule::parse(const QString &text)
{
    Words words(text);
    RecurrenceRule rule;
    rule.m_whenDone = words.takeWhenDone();
    if (!words.accept(QLatin1StringView("every")))
        return std::nullopt;
    bool counted = false;
    if (!words.peek().isEmpty() && words.peek().at(0).isDigit()) {
        bool ok = false;
        rule.m_interval = words.next().toInt(&ok);
        if (!ok || rule.m_interval < 1 || rule.m_interval > 1000)
            return std::nullopt;
        counted = true;
    }
    const auto weekdayList = [&](QList<int> *days) {
        do {
            const int day = weekdayOf(words.next());
            if (!day)
                return false;
            if (!days->contains(day))
                days->append(day);
        } while (words.accept(QLatin1StringView(",")));
        return true;
    };

    const QString unit = words.next();
    // rrule reads "day" and "days" alike, whatever the count.
    const QString singular = unit.endsWith(u's') ? unit.chopped(1) : unit;
    if (singular == u"day") {
        rule.m_frequency = Frequency::Daily;
    } else if (singular == u"weekday" && !counted) {
        rule.m_frequency = Frequency::Weekly;
        rule.m_weekdays = {1, 2, 3, 4, 5};
    } else if (singular == u"week") {
        rule.m_frequency = Frequency::Weekly;
        if (words.accept(QLatin1StringView("on")) && !weekdayList(&rule.m_weekdays))
            return std::nullopt;
    } else if (singular == u"month" || (!counted && monthOf(unit))) {
        if (singular == u"month") {
            rule.m_frequency = Frequency::Monthly;
        } else {
            rule.m_frequency = Frequency::Yearly;
            rule.m_months.append(monthOf(unit));
            while (words.accept(QLatin1StringView(","))) {
                const int month = monthOf(words.next());
                if (!month)
                    return std::nullopt;
                if (!rule.m_months.contains(month))
                    rule.m_months.append(month);
            }
            std::sort(rule.m_months.begin(), rule.m_months.end());
        }
        if (words.accept(QLatin1StringView("on"))) {
            if (!words.accept(QLatin1StringView("the")))
                return std::nullopt;
            do {
                words.accept(QLatin1StringView("the"));
                int nth = ordinalOf(words.peek());
                if (nth) {
                    words.next();
                    if (words.accept(QLatin1StringView("last")))
                        nth = -nth;
                } else if (words.accept(QLatin1StringView("last"))) {
                    nth = -1;
                } else {
                    return std::nullopt;
                }
                if (const int day = weekdayOf(words.peek())) {
                    words.next();
                    if (nth > 5 || nth < -5)
                        return std::nullopt;
                    rule.m_nthWeekdays.append({nth, day});
                } else {
                    rule.m_monthDays.append(nth);
                    words.accept(QLatin1StringView("day")); // "on the last day"
                }
            } while (words.accept(QLatin1StringView(",")));
            if (!rule.m_monthDays.isEmpty() && !rule.m_nthWeekdays.isEmpty())
                return std::nullopt; // rrule would take the days that are both: not read here
        }
    } else if (singular == u"year") {
        rule.m_frequency = Frequency::Yearly;
    } else if (!counted && weekdayOf(unit)) {
        rule.m_frequency = Frequency::Weekly;
        rule.m_weekdays.append(weekdayOf(unit));
        while (words.accept(QLatin1StringView(","))) {
            const int day = weekdayOf(words.next());
            if (!day)
                return std::nullopt;
            if (!rule.m_weekdays.contains(day))
                rule.m_weekdays.append(day);
        }
    } else {
        return std::nullopt;
    }
    if (!words.atEnd())
        return std::nullopt;
    return rule;
}

QList<QDate> RecurrenceRule::daysOfMonth(int year, int month) const
{
    QList<QDate> days;
    const QDate first(year, month, 1);
    const int length = first.daysInMonth();
    for (const int day : m_monthDays) {
        const int date = day > 0 ? day : length + day + 1;
        if (date >= 1 && date <= length)
            days.append(QDate(year, month, date));
    }
    for (const NthWeekday &nth : m_nthWeekdays) {
        if (nth.nth > 0) {
            const int firstOne = 1 + (nth.weekday - first.dayOfWeek() + 7) % 7;
            const int date = firstOne + 7 * (nth.nth - 1);
            if (date <= length)
                days.append(QDate(year, month, date));
        } else {
            const QDate last(year, month, length);
            const int lastOne = length - (last.dayOfWeek() - nth.weekday + 7) % 7;
            const int date = lastOne - 7 * (-nth.nth - 1);
            if (date >= 1)
                days.append(QDate(year, month, date));
        }
    }
    std::sort(days.begin(), days.end());
    return days;
}

QDate RecurrenceRule::nextInMonths(QDate from) const
{
    // Monthly: the months from's month + k * interval. Yearly with months: those months of
    // from's year + k. The day is the reference date's when the rule names none.
    RecurrenceRule withDay = *this;
    if (withDay.m_monthDays.isEmpty() && withDay.m_nthWeekdays.isEmpty())
        withDay.m_monthDays.append(from.day());
    for (int k = 0; k < maxPeriods; ++k) {
        QList<std::pair<int, int>> months; // year, month
        if (m_frequency == Frequency::Monthly) {
            const int index = from.year() * 12 + (from.month() - 1) + k * m_interval;
            months.append({index / 12, index % 12 + 1});
        } else {
            for (const int month : m_months)
                months.append({from.year() + k * m_interval, month});
        }
        for (const auto &[year, month] : months) {
            for (const QDate &day : withDay.daysOfMonth(year, month)) {
                if (day > from)
                    return day;
            }
        }
    }
    return {};
}

QDate RecurrenceRule::nextAfter(QDate from) const
{
    if (!from.isValid())
        return {};
    switch (m_frequency) {
    case Frequency::Daily: return from.addDays(m_interval);
    case Frequency::Weekly: {
        if (m_weekdays.isEmpty())
            return from.addDays(7 * qint64(m_interval));
        // Weeks start on Monday (rrule's default), counted from the week of `from`.
        const QDate week = mondayOf(from);
        for (QDate day = from.addDays(1); day <= from.addDays(7 * qint64(m_interval) + 7); day = day.addDays(1)) {
            const qint64 index = week.daysTo(mondayOf(day)) / 7;
            if (index % m_interval == 0 && m_weekdays.contains(day.dayOfWeek()))
                return day;
        }
        return {};
    }
    case Frequency::Monthly:
        if (m_monthDays.isEmpty() && m_nthWeekdays.isEmpty())
            return from.addMonths(m_interval); // Qt, like Tasks, moves a missing day to the month's last
        return nextInMonths(from);
    case Frequency::Yearly:
        if (m_months.isEmpty())
            return from.addYears(m_interval); // February 29 + 1 year = February 28, as in Tasks
        return nextInMonths(from);
    }
    return {};
}

std::optional<RecurrenceRule::Dates> RecurrenceRule::nextOccurrence(const Dates &current, QDate today) const
{
    const QDate reference = current.due.isValid() ? current.due
        : current.scheduled.isValid()             ? current.scheduled
                                                  : current.start;
    const QDate next = nextAfter(m_whenDone || !reference.isValid() ? today : reference);
    if (!next.isValid())
        return std::nullopt;
    if (!reference.isValid())
        return Dates{};
    const auto moved = [&](QDate date) { return date.isValid() ? next.addDays(reference.daysTo(date)) : QDate(); };
    return Dates{moved(current.start), moved(current.scheduled), moved(current.due)};
}

} // namespace debrief
