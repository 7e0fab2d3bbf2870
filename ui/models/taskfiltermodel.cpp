#include "models/taskfiltermodel.h"

#include "models/itemroles.h"
#include "models/tasklistmodel.h"
#include "session/appsettings.h"

namespace debrief {

TaskFilterModel::TaskFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(SortRole);
    setSortCaseSensitivity(Qt::CaseInsensitive);
}

void TaskFilterModel::setCriteria(const Criteria &criteria)
{
    if (criteria == m_criteria)
        return;
    m_criteria = criteria;
    m_criteria.text = criteria.text.trimmed();
    invalidateFilter();
}

void TaskFilterModel::setStatuses(const QList<TaskStatus> &statuses)
{
    Criteria criteria = m_criteria;
    criteria.statuses = statuses;
    setCriteria(criteria);
}

void TaskFilterModel::setOwner(const QString &owner)
{
    Criteria criteria = m_criteria;
    criteria.owner = owner;
    setCriteria(criteria);
}

void TaskFilterModel::setMyTasks(bool mine)
{
    Criteria criteria = m_criteria;
    criteria.myTasks = mine;
    setCriteria(criteria);
}

void TaskFilterModel::setDueRange(const QDate &from, const QDate &to)
{
    Criteria criteria = m_criteria;
    criteria.dueFrom = from;
    criteria.dueTo = to;
    setCriteria(criteria);
}

void TaskFilterModel::setPerson(const QString &person)
{
    Criteria criteria = m_criteria;
    criteria.person = person;
    setCriteria(criteria);
}

void TaskFilterModel::setText(const QString &text)
{
    Criteria criteria = m_criteria;
    criteria.text = text;
    setCriteria(criteria);
}

bool TaskFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const auto *tasks = qobject_cast<const TaskListModel *>(sourceModel());
    const TaskListModel::Row *row = tasks ? tasks->rowAt(sourceRow) : nullptr;
    if (!row)
        return true;
    Q_UNUSED(sourceParent);
    const ActionItem &item = row->item;
    if (!m_criteria.statuses.isEmpty() && !m_criteria.statuses.contains(item.status))
        return false;
    if (!m_criteria.owner.isEmpty() && item.owner.compare(m_criteria.owner, Qt::CaseInsensitive) != 0)
        return false;
    if (m_criteria.myTasks && !AppSettings::isMe(item.owner))
        return false;
    if (m_criteria.dueFrom.isValid() || m_criteria.dueTo.isValid()) {
        if (!item.due.isValid())
            return false;
        if (m_criteria.dueFrom.isValid() && item.due < m_criteria.dueFrom)
            return false;
        if (m_criteria.dueTo.isValid() && item.due > m_criteria.dueTo)
            return false;
    }
    if (!m_criteria.person.isEmpty() && item.owner.compare(m_criteria.person, Qt::CaseInsensitive) != 0) {
        // A person also matches the tasks of the meetings they took part in.
        if (!row->participants.contains(m_criteria.person, Qt::CaseInsensitive))
            return false;
    }
    if (!m_criteria.text.isEmpty()) {
        const QString haystack = item.text + u'\n' + item.owner + u'\n' + row->meetingTitle;
        const QStringList words = m_criteria.text.split(u' ', Qt::SkipEmptyParts);
        for (const QString &word : words) {
            if (!haystack.contains(word, Qt::CaseInsensitive))
                return false;
        }
    }
    return true;
}

} // namespace debrief
