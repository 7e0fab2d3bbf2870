#pragma once

#include <Qt>

namespace debrief {

// Roles shared by the item models, so views and proxies can ask any of them the same way.
enum ItemRole {
    PathRole = Qt::UserRole + 1, // QString: the note's absolute path
    LineRole,                    // int: 1-based line of the action item (0 for a meeting)
    StatusRole,                  // int: TaskStatus
    OwnerRole,                   // QString
    DueRole,                     // QDate
    PriorityRole,                // int: Priority
    DateRole,                    // QDate: the meeting's date
    ParticipantsRole,            // QStringList
    ProposedCountRole,           // int
    SortRole,                    // QVariant that sorts the column as users expect
    TitleRole,                   // QString: the meeting's title
    SummaryRole,                 // QString: the meeting's summary
    TextRole,                    // QString: the item's text
    OverdueRole,                 // bool
    PeopleRole,                  // QStringList: participants and owners (for the person filter)
};

} // namespace debrief
