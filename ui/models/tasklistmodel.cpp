#include "models/tasklistmodel.h"

#include "models/itemroles.h"
#include "models/meetingorder.h"
#include "session/appsettings.h"

#include <QApplication>
#include <QFont>
#include <QIcon>
#include <QStyle>

#include <algorithm>
#include <limits>

namespace debrief {

TaskListModel::TaskListModel(QObject *parent)
    : QAbstractTableModel(parent)
    , m_today(QDate::currentDate())
{
}

TaskListModel::Row TaskListModel::makeRow(const Note &note, const ActionItem &item)
{
    return Row{note.path, note.title, note.date, note.summary, note.participants, item};
}

void TaskListModel::setNotes(const QList<Note> &notes)
{
    QList<Row> rows;
    for (const Note *note : meetingsNewestFirst(notes))
        rows += rowsOf(*note);
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
}

void TaskListModel::updateNote(const QString &path, const Note *note)
{
    // A note's rows are next to each other.
    qsizetype first = 0;
    while (first < m_rows.size() && m_rows.at(first).path != path)
        ++first;
    qsizetype count = 0;
    while (first + count < m_rows.size() && m_rows.at(first + count).path == path)
        ++count;
    QList<Row> rows = note && note->parsed ? rowsOf(*note) : QList<Row>();

    const bool samePlace = count > 0 && !rows.isEmpty() && m_rows.at(first).meetingDate == note->date
        && m_rows.at(first).meetingTitle == note->title;
    if (samePlace) {
        // Rows stay where they are, so the selection does too: after an accept, the current row
        // shows the next item. Only the surplus goes or comes, at the note's end.
        const qsizetype common = std::min(count, rows.size());
        for (qsizetype i = 0; i < common; ++i)
            m_rows[first + i] = std::move(rows[i]);
        Q_EMIT dataChanged(index(int(first), 0), index(int(first + common - 1), ColumnCount - 1));
        if (count > common) {
            beginRemoveRows(QModelIndex(), int(first + common), int(first + count - 1));
            m_rows.remove(first + common, count - common);
            endRemoveRows();
        } else if (rows.size() > common) {
            const qsizetype at = first + common;
            beginInsertRows(QModelIndex(), int(at), int(at + rows.size() - common - 1));
            for (qsizetype i = common; i < rows.size(); ++i)
                m_rows.insert(at + i - common, std::move(rows[i]));
            endInsertRows();
        }
        return;
    }

    if (count > 0) {
        beginRemoveRows(QModelIndex(), int(first), int(first + count - 1));
        m_rows.remove(first, count);
        endRemoveRows();
    }
    if (rows.isEmpty())
        return;
    const auto after = std::partition_point(m_rows.cbegin(), m_rows.cend(), [note](const Row &row) {
        return isNewerMeetingKey(row.meetingDate, row.meetingTitle, row.path, note->date, note->title, note->path);
    });
    const qsizetype at = after - m_rows.cbegin();
    beginInsertRows(QModelIndex(), int(at), int(at + rows.size() - 1));
    for (qsizetype i = 0; i < rows.size(); ++i)
        m_rows.insert(at + i, std::move(rows[i]));
    endInsertRows();
}

void TaskListModel::setToday(const QDate &today)
{
    m_today = today;
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1));
}

const TaskListModel::Row *TaskListModel::rowAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_rows.at(row) : nullptr;
}

int TaskListModel::rowOf(const QString &path, int line) const
{
    for (qsizetype row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).item.line == line && m_rows.at(row).path == path)
            return int(row);
    }
    return -1;
}

int TaskListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int TaskListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString TaskListModel::statusLabel(TaskStatus status)
{
    switch (status) {
    case TaskStatus::Proposed: return tr("Proposed");
    case TaskStatus::Open: return tr("Open");
    case TaskStatus::InProgress: return tr("In progress");
    case TaskStatus::Done: return tr("Done");
    case TaskStatus::Cancelled: return tr("Rejected");
    case TaskStatus::Other: return tr("Other");
    }
    return QString();
}

QString TaskListModel::priorityLabel(Priority priority)
{
    switch (priority) {
    case Priority::None: return QString();
    case Priority::Lowest: return tr("Lowest");
    case Priority::Low: return tr("Low");
    case Priority::Medium: return tr("Medium");
    case Priority::High: return tr("High");
    case Priority::Highest: return tr("Highest");
    }
    return QString();
}

// A repeating task says so next to its date, as Obsidian Tasks does, so that ticking it off and
// seeing a new line appear is no surprise.
QString TaskListModel::dueText(const ActionItem &item)
{
    const QString date = AppSettings::formatDate(item.due);
    if (item.recurrence.isEmpty())
        return date;
    const QString repeats = QStringLiteral("\u21BB ") + item.recurrence;
    return date.isEmpty() ? repeats : date + QStringLiteral("  ") + repeats;
}

bool TaskListModel::isOverdue(const ActionItem &item) const
{
    const bool active =
        item.status == TaskStatus::Open || item.status == TaskStatus::InProgress || item.status == TaskStatus::Proposed;
    return active && item.due.isValid() && item.due < m_today;
}

QVariant TaskListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return QVariant();
    const Row &row = m_rows.at(index.row());
    const ActionItem &item = row.item;
    const int column = index.column();

    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case StatusColumn: return statusLabel(item.status);
        case TextColumn: return item.text;
        case OwnerColumn: return item.owner;
        case DueColumn: return dueText(item);
        case PriorityColumn: return priorityLabel(item.priority);
        case MeetingColumn: return row.meetingTitle;
        case MeetingDateColumn: return AppSettings::formatDate(row.meetingDate);
        }
        return QVariant();
    case Qt::CheckStateRole:
        if (column == StatusColumn)
            return item.status == TaskStatus::Done ? Qt::Checked : Qt::Unchecked;
        return QVariant();
    case Qt::ToolTipRole:
        if (column == DueColumn && isOverdue(item))
            return tr("Overdue since %1").arg(AppSettings::formatDate(item.due));
        if (column == DueColumn && !item.recurrence.isEmpty())
            return tr("Repeats %1: marking it done adds the next occurrence").arg(item.recurrence);
        if (column == TextColumn || column == MeetingColumn)
            return QStringLiteral("%1:%2").arg(row.path).arg(item.line);
        return QVariant();
    case Qt::AccessibleTextRole: {
        QString text = statusLabel(item.status) + QStringLiteral(": ") + item.text;
        if (!item.owner.isEmpty())
            text += tr(", owner %1").arg(item.owner);
        if (item.due.isValid())
            text += tr(", due %1").arg(AppSettings::formatDate(item.due));
        if (isOverdue(item))
            text += tr(", overdue");
        if (!item.recurrence.isEmpty())
            text += tr(", repeats %1").arg(item.recurrence);
        return text;
    }
    case Qt::FontRole:
        if (isOverdue(item) && (column == DueColumn || column == TextColumn)) {
            QFont font;
            font.setBold(true);
            return font;
        }
        if (item.status == TaskStatus::Cancelled && column == TextColumn) {
            QFont font;
            font.setStrikeOut(true);
            return font;
        }
        return QVariant();
    case Qt::DecorationRole:
        if (column == DueColumn && isOverdue(item) && qobject_cast<QApplication *>(QCoreApplication::instance()))
            return QApplication::style()->standardIcon(QStyle::SP_MessageBoxWarning);
        return QVariant();
    case SortRole:
        switch (column) {
        case StatusColumn: return int(item.status);
        case TextColumn: return item.text.toCaseFolded();
        case OwnerColumn: return item.owner.toCaseFolded();
        case DueColumn: return item.due.isValid() ? item.due.toJulianDay() : std::numeric_limits<qint64>::max();
        case PriorityColumn: return -int(item.priority);
        case MeetingColumn: return row.meetingTitle.toCaseFolded();
        case MeetingDateColumn: return row.meetingDate.isValid() ? row.meetingDate.toJulianDay() : 0;
        }
        return QVariant();
    case PathRole: return row.path;
    case LineRole: return item.line;
    case StatusRole: return int(item.status);
    case OwnerRole: return item.owner;
    case DueRole: return item.due;
    case PriorityRole: return int(item.priority);
    case DateRole: return row.meetingDate;
    case TitleRole: return row.meetingTitle;
    case SummaryRole: return row.summary;
    case TextRole: return item.text;
    case OverdueRole: return isOverdue(item);
    default: return QVariant();
    }
}

bool TaskListModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::CheckStateRole || index.column() != StatusColumn
        || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    const Row &row = m_rows.at(index.row());
    const bool done = value.value<Qt::CheckState>() == Qt::Checked;
    if (done == (row.item.status == TaskStatus::Done))
        return false;
    Q_EMIT toggleRequested(row.path, row.item.line, done);
    return true;
}

Qt::ItemFlags TaskListModel::flags(const QModelIndex &index) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return Qt::NoItemFlags;
    Qt::ItemFlags flags = Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
    if (index.column() == StatusColumn)
        flags |= Qt::ItemIsUserCheckable;
    return flags;
}

QVariant TaskListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case StatusColumn: return tr("Status");
    case TextColumn: return tr("Action item");
    case OwnerColumn: return tr("Owner");
    case DueColumn: return tr("Due");
    case PriorityColumn: return tr("Priority");
    case MeetingColumn: return tr("Meeting");
    case MeetingDateColumn: return tr("Meeting date");
    }
    return QVariant();
}

QList<TaskListModel::Row> TaskListModel::rowsOf(const Note &note) const
{
    QList<Row> rows;
    rows.reserve(note.actionItems.size());
    for (const ActionItem &item : note.actionItems)
        rows.append(makeRow(note, item));
    return rows;
}

} // namespace debrief
