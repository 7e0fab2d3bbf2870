#include "tasksmodel.h"

#include "meetingorder.h"

namespace debrief {

TasksModel::TasksModel(QObject *parent)
    : TaskListModel(parent)
{
}

QList<TaskListModel::Row> TasksModel::rowsFor(const QList<Note> &notes) const
{
    QList<Row> rows;
    for (const Note *note : meetingsNewestFirst(notes)) {
        for (const ActionItem &item : note->actionItems)
            rows.append(makeRow(*note, item));
    }
    return rows;
}

} // namespace debrief
