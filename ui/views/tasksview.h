#pragma once

#include "models/tasklistmodel.h"
#include "views/pendingnotes.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QTreeView;

namespace debrief {

class ItemActions;
class Session;
class TaskFilterModel;

// Every action item in the vault, in a sortable table with filters for status, owner, my tasks,
// due dates and one person. Overdue items are bold with a warning sign.
class TasksView final : public QWidget
{
    Q_OBJECT

public:
    explicit TasksView(Session *session, QWidget *parent = nullptr);

    QTreeView *table() const { return m_table; }
    TaskListModel *model() const { return m_model; }
    TaskFilterModel *filter() const { return m_filter; }
    void setPerson(const QString &person);
    // The rows the table shows now, in its order: what File › Export Tasks… writes. Brings a view
    // that was hidden up to date first.
    QList<TaskListModel::Row> shownRows();

Q_SIGNALS:
    void openRequested(const QString &path, int line);

protected:
    void showEvent(QShowEvent *event) override;

private:
    // A hidden view only notes which notes changed, and catches up when it is shown.
    void notesChanged(const QStringList &paths);
    void reload();
    void applyFilters();
    void updateCount();
    QList<TaskListModel::Row> selectedRows() const;

    Session *m_session;
    TaskListModel *m_model;
    TaskFilterModel *m_filter;
    QTreeView *m_table;
    QLineEdit *m_text;
    QComboBox *m_status;
    QComboBox *m_owner;
    QCheckBox *m_mine;
    QComboBox *m_due;
    QDateEdit *m_dueFrom;
    QDateEdit *m_dueTo;
    QLabel *m_person;
    QLabel *m_count;
    ItemActions *m_actions;
    QString m_personName;
    PendingNotes m_pending;
};

} // namespace debrief
