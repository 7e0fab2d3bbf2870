#include "tasksmodel.h"

namespace debrief {

TasksModel::TasksModel(QObject *parent)
    : TaskListModel(parent)
{
}

} // namespace debrief
