#include "models/actionitemsmodel.h"

namespace debrief {

ActionItemsModel::ActionItemsModel(QObject *parent)
    : TaskListModel(parent)
{
}

} // namespace debrief
