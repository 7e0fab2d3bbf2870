#pragma once

#include "note/actionitem.h"

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

    struct Criteria
    {
        QList<TaskStatus> statuses; // empty: any
        QString owner;              // empty: anyone
        bool myTasks = false;       // the user's name or @Myself
        QDate dueFrom;              // invalid ends are open
        QDate dueTo;
        QString person; // owner or participant
        QString text;

        friend bool operator==(const Criteria &, const Criteria &) = default;
    };

    // All at once: the table is filtered again once, not once per field.
    void setCriteria(const Criteria &criteria);
    const Criteria &criteria() const { return m_criteria; }

    void setStatuses(const QList<TaskStatus> &statuses);  // empty: any
    void setOwner(const QString &owner);                  // empty: anyone
    void setMyTasks(bool mine);                           // the user's name or @Myself
    void setDueRange(const QDate &from, const QDate &to); // invalid ends are open
    void setPerson(const QString &person);
    void setText(const QString &text);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    Criteria m_criteria;
};

} // namespace debrief
