#pragma once

#include <QStyledItemDelegate>

namespace debrief {

// Paints an item's display text as rich text (search snippets with their matches marked),
// in the colours of the palette it is painted with.
class HtmlDelegate final : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

} // namespace debrief
