#pragma once

#include <QStyledItemDelegate>

namespace debrief {

// A meeting in the list: its title, then date and participants in a quieter colour, and a
// badge with the number of proposed items still to review.
class MeetingDelegate final : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

} // namespace debrief
