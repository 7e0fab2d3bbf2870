#include "views/meetingdelegate.h"

#include "models/itemroles.h"
#include "session/appsettings.h"

#include <QApplication>
#include <QPainter>
#include <QPainterPath>

namespace debrief {

namespace {

constexpr int margin = 6;

QString secondLine(const QModelIndex &index)
{
    QString text = AppSettings::formatDate(index.data(DateRole).toDate());
    const QStringList participants = index.data(ParticipantsRole).toStringList();
    if (!participants.isEmpty())
        text += (text.isEmpty() ? QString() : QStringLiteral(" · ")) + participants.join(QStringLiteral(", "));
    return text;
}

} // namespace

void MeetingDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.text.clear();
    QStyle *style = opt.widget ? opt.widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, opt.widget);

    const bool selected = opt.state & QStyle::State_Selected;
    const QPalette::ColorGroup group = opt.state & QStyle::State_Active ? QPalette::Active : QPalette::Inactive;
    const QColor text = opt.palette.color(group, selected ? QPalette::HighlightedText : QPalette::Text);
    QColor quiet = text;
    quiet.setAlphaF(0.7);

    QRect rect = opt.rect.adjusted(margin, margin / 2, -margin, -margin / 2);
    painter->save();

    const int proposed = index.data(ProposedCountRole).toInt();
    if (proposed > 0) {
        QFont badgeFont = opt.font;
        badgeFont.setBold(true);
        const QFontMetrics metrics(badgeFont);
        const QString label = QString::number(proposed);
        const int height = metrics.height();
        const int width = std::max(height, metrics.horizontalAdvance(label) + height / 2);
        const QRect badge(rect.right() - width, rect.top() + (rect.height() - height) / 2, width, height);
        QPainterPath path;
        path.addRoundedRect(badge, height / 2.0, height / 2.0);
        painter->setRenderHint(QPainter::Antialiasing);
        painter->fillPath(path, opt.palette.color(group, selected ? QPalette::HighlightedText : QPalette::Highlight));
        painter->setPen(opt.palette.color(group, selected ? QPalette::Highlight : QPalette::HighlightedText));
        painter->setFont(badgeFont);
        painter->drawText(badge, Qt::AlignCenter, label);
        rect.setRight(badge.left() - margin);
    }

    QFont titleFont = opt.font;
    titleFont.setBold(true);
    const QFontMetrics titleMetrics(titleFont);
    painter->setFont(titleFont);
    painter->setPen(text);
    const QRect titleRect(rect.left(), rect.top(), rect.width(), titleMetrics.height());
    painter->drawText(titleRect, Qt::AlignLeft | Qt::AlignVCenter,
                      titleMetrics.elidedText(index.data(TitleRole).toString(), Qt::ElideRight, rect.width()));
    const QFontMetrics metrics(opt.font);
    painter->setFont(opt.font);
    painter->setPen(quiet);
    const QRect detailRect(rect.left(), titleRect.bottom() + 1, rect.width(), metrics.height());
    painter->drawText(detailRect, Qt::AlignLeft | Qt::AlignVCenter,
                      metrics.elidedText(secondLine(index), Qt::ElideRight, rect.width()));
    painter->restore();
}

QSize MeetingDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    Q_UNUSED(index);
    QFont titleFont = option.font;
    titleFont.setBold(true);
    const int height = QFontMetrics(titleFont).height() + QFontMetrics(option.font).height() + margin + 1;
    return QSize(200, height);
}

} // namespace debrief
