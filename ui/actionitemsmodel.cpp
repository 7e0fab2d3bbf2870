#include "actionitemsmodel.h"

namespace debrief {

ActionItemsModel::ActionItemsModel(QObject *parent)
    : TaskListModel(parent)
{
}

QList<TaskListModel::Row> ActionItemsModel::rowsFor(const QList<Note> &notes) const
{
    QList<Row> rows;
    for (const Note &note : notes) {
        for (const ActionItem &item : note.actionItems)
            rows.append(makeRow(note, item));
    }
    return rows;
}

} // namespace debrief
