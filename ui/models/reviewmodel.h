#pragma once

#include "models/tasklistmodel.h"

namespace debrief {

// The review queue: every proposed action item in the vault, meetings newest first, items in
// file order.
class ReviewModel final : public TaskListModel
{
    Q_OBJECT

public:
    explicit ReviewModel(QObject *parent = nullptr);

protected:
    QList<Row> rowsOf(const Note &note) const override;
};

} // namespace debrief
