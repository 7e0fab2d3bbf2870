#pragma once

#include "models/tasklistmodel.h"

namespace debrief {

// The action items of one meeting, in file order.
class ActionItemsModel final : public TaskListModel
{
    Q_OBJECT

public:
    explicit ActionItemsModel(QObject *parent = nullptr);

    void setNote(const Note &note) { setNotes({note}); }
    void clear() { setNotes({}); }
};

} // namespace debrief
