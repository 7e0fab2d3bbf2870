#include "actionitemsmodel.h"

namespace debrief {

ActionItemsModel::ActionItemsModel(QObject *parent)
    : TaskListModel(parent)
{
}

QList<TaskListModel::Row> ActionItemsModel::rowsOf(const Note &note) const
{
    QList<Row> rows;
    rows.reserve(note.actionItems.size());
    for (const ActionItem &item : note.actionItems)
        rows.append(makeRow(note, item));
    return rows;
}

} // namespace debrief
