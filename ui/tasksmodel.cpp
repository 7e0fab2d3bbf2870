#include "tasksmodel.h"

namespace debrief {

TasksModel::TasksModel(QObject *parent)
    : TaskListModel(parent)
{
}

QList<TaskListModel::Row> TasksModel::rowsOf(const Note &note) const
{
    QList<Row> rows;
    rows.reserve(note.actionItems.size());
    for (const ActionItem &item : note.actionItems)
        rows.append(makeRow(note, item));
    return rows;
}

} // namespace debrief
