#include "models/reviewmodel.h"

namespace debrief {

ReviewModel::ReviewModel(QObject *parent)
    : TaskListModel(parent)
{
}

QList<TaskListModel::Row> ReviewModel::rowsOf(const Note &note) const
{
    QList<Row> rows;
    for (const ActionItem &item : note.actionItems) {
        if (item.status == TaskStatus::Proposed)
            rows.append(makeRow(note, item));
    }
    return rows;
}

} // namespace debrief
