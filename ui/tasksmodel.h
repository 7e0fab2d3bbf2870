#pragma once

#include "tasklistmodel.h"

namespace debrief {

// Every action item in the vault: meetings newest first, items in file order. The Tasks view
// sorts and filters it through TaskFilterModel.
class TasksModel final : public TaskListModel
{
    Q_OBJECT

public:
    explicit TasksModel(QObject *parent = nullptr);
};

} // namespace debrief
