#pragma once

#include <QDate>
#include <QString>
#include <QStringList>

namespace debrief {

// Notes that record one meeting (see MeetingGroups for the rule).
struct MeetingGroup
{
    QDate date;
    QStringList paths; // the notes' paths, sorted, at least two
    // Why they were put together, for a reader: "same source: NAME", "same participants: A, B"
    // (the most names two of the notes share), or both, joined by "; ".
    QString reason;

    friend bool operator==(const MeetingGroup &, const MeetingGroup &) = default;
};

} // namespace debrief
