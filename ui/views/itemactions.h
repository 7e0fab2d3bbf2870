#pragma once

#include "models/tasklistmodel.h"

#include <QList>
#include <QObject>

#include <functional>

class QAction;
class QMenu;
class QWidget;

namespace debrief {

class Session;

// Accept, Reject, Edit, Done, Reopen and Delete for the action items selected in one view, as
// actions with shortcuts (A, R, E, D, O, Del) that work while that view has focus. Each applies
// to every selected item in one undo step.
class ItemActions final : public QObject
{
    Q_OBJECT

public:
    using Selection = std::function<QList<TaskListModel::Row>()>;

    ItemActions(Session *session, QWidget *scope, Selection selection);

    QAction *acceptAction() const { return m_accept; }
    QAction *rejectAction() const { return m_reject; }
    QAction *editAction() const { return m_edit; }
    QAction *doneAction() const { return m_done; }
    QAction *reopenAction() const { return m_reopen; }
    QAction *deleteAction() const { return m_delete; }
    QList<QAction *> actions() const;

    void fillMenu(QMenu *menu) const;
    void updateEnabled(); // call when the selection changes

    void setDone(const QList<TaskListModel::Row> &rows, bool done);

Q_SIGNALS:
    // Before and after an edit, so the view can keep its place in a list that changes under it.
    void aboutToEdit();
    void edited();

private:
    QAction *makeAction(const QString &text, const QKeySequence &key, const QString &accessibleName);
    void applyStatus(int action, const QString &verb, const QList<TaskListModel::Row> &rows);
    void editSelected();
    void deleteSelected();

    Session *m_session;
    QWidget *m_scope;
    Selection m_selection;
    QAction *m_accept;
    QAction *m_reject;
    QAction *m_edit;
    QAction *m_done;
    QAction *m_reopen;
    QAction *m_delete;
};

} // namespace debrief
