#include "reviewmodel.h"

#include "meetingorder.h"

namespace debrief {

ReviewModel::ReviewModel(QObject *parent)
    : TaskListModel(parent)
{
}

QList<TaskListModel::Row> ReviewModel::rowsFor(const QList<Note> &notes) const
{
    QList<Row> rows;
    for (const Note *note : meetingsNewestFirst(notes)) {
        for (const ActionItem &item : note->actionItems) {
            if (item.status == TaskStatus::Proposed)
                rows.append(makeRow(*note, item));
        }
    }
    return rows;
}

} // namespace debrief
