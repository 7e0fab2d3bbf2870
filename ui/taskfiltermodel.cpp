#include "taskfiltermodel.h"

#include "appsettings.h"
#include "itemroles.h"
#include "tasklistmodel.h"

namespace debrief {

TaskFilterModel::TaskFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(SortRole);
    setSortCaseSensitivity(Qt::CaseInsensitive);
}

void TaskFilterModel::setStatuses(const QList<TaskStatus> &statuses)
{
    m_statuses = statuses;
    invalidateFilter();
}

void TaskFilterModel::setOwner(const QString &owner)
{
    m_owner = owner;
    invalidateFilter();
}

void TaskFilterModel::setMyTasks(bool mine)
{
    m_myTasks = mine;
    invalidateFilter();
}

void TaskFilterModel::setDueRange(const QDate &from, const QDate &to)
{
    m_dueFrom = from;
    m_dueTo = to;
    invalidateFilter();
}

void TaskFilterModel::setPerson(const QString &person)
{
    m_person = person;
    invalidateFilter();
}

void TaskFilterModel::setText(const QString &text)
{
    m_text = text.trimmed();
    invalidateFilter();
}

bool TaskFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const auto *tasks = qobject_cast<const TaskListModel *>(sourceModel());
    const TaskListModel::Row *row = tasks ? tasks->rowAt(sourceRow) : nullptr;
    if (!row)
        return true;
    Q_UNUSED(sourceParent);
    const ActionItem &item = row->item;
    if (!m_statuses.isEmpty() && !m_statuses.contains(item.status))
        return false;
    if (!m_owner.isEmpty() && item.owner.compare(m_owner, Qt::CaseInsensitive) != 0)
        return false;
    if (m_myTasks && !AppSettings::isMe(item.owner))
        return false;
    if (m_dueFrom.isValid() || m_dueTo.isValid()) {
        if (!item.due.isValid())
            return false;
        if (m_dueFrom.isValid() && item.due < m_dueFrom)
            return false;
        if (m_dueTo.isValid() && item.due > m_dueTo)
            return false;
    }
    if (!m_person.isEmpty() && item.owner.compare(m_person, Qt::CaseInsensitive) != 0) {
        // A person also matches the tasks of the meetings they took part in.
        if (!row->participants.contains(m_person, Qt::CaseInsensitive))
            return false;
    }
    if (!m_text.isEmpty()) {
        const QString haystack = item.text + u'\n' + item.owner + u'\n' + row->meetingTitle;
        const QStringList words = m_text.split(u' ', Qt::SkipEmptyParts);
        for (const QString &word : words) {
            if (!haystack.contains(word, Qt::CaseInsensitive))
                return false;
        }
    }
    return true;
}

} // namespace debrief
