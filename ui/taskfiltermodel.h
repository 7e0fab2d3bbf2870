#pragma once

#include "actionitem.h"

#include <QDate>
#include <QList>
#include <QSortFilterProxyModel>

namespace debrief {

// Sorts the tasks table by the column's SortRole and filters it by status, owner, "my tasks",
// a due range, one person (owner or participant) and free text.
class TaskFilterModel final : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit TaskFilterModel(QObject *parent = nullptr);

    void setStatuses(const QList<TaskStatus> &statuses); // empty: any
    void setOwner(const QString &owner);                  // empty: anyone
    void setMyTasks(bool mine);                           // the user's name or @Myself
    void setDueRange(const QDate &from, const QDate &to); // invalid ends are open
    void setPerson(const QString &person);
    void setText(const QString &text);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QList<TaskStatus> m_statuses;
    QString m_owner;
    bool m_myTasks = false;
    QDate m_dueFrom;
    QDate m_dueTo;
    QString m_person;
    QString m_text;
};

} // namespace debrief
