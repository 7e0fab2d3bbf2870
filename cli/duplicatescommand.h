#pragma once

#include <QStringList>
#include <QTextStream>

namespace debrief {

// `debrief duplicates VAULT [--json]`: the notes that record one meeting (MeetingGroups) and,
// within each such meeting, the action items that restate each other (RestatedItems).
class DuplicatesCommand final
{
public:
    static int run(const QStringList &arguments, QTextStream &out, QTextStream &err);
};

} // namespace debrief
