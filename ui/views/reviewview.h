#pragma once

#include "models/tasklistmodel.h"
#include "views/pendingnotes.h"

#include <QWidget>

class QLabel;
class QSplitter;
class QTextBrowser;
class QTreeView;

namespace debrief {

class ItemActions;
class ReviewModel;
class Session;

// The review queue: every proposed action item, one keystroke each. A accepts, R rejects,
// E edits, D marks done, J/K and the arrows move; after a decision the next item is selected.
class ReviewView final : public QWidget
{
    Q_OBJECT

public:
    explicit ReviewView(Session *session, QWidget *parent = nullptr);

    QTreeView *queue() const { return m_queue; }
    ReviewModel *model() const { return m_model; }
    ItemActions *itemActions() const { return m_actions; }
    QSplitter *splitter() const { return m_splitter; }
    int remaining() const;

    void focusQueue(); // focus on the queue, with an item selected

Q_SIGNALS:
    void remainingChanged(int count);

protected:
    void showEvent(QShowEvent *event) override;

private:
    // A hidden view only notes which notes changed, and catches up when it is shown.
    void notesChanged(const QStringList &paths);
    void reload();
    void selectRow(int row);
    void showCurrent();
    void move(int delta);
    QList<TaskListModel::Row> selectedRows() const;

    Session *m_session;
    ReviewModel *m_model;
    QTreeView *m_queue;
    QLabel *m_left;
    QSplitter *m_splitter;
    QLabel *m_meetingTitle;
    QLabel *m_meetingDate;
    QTextBrowser *m_summary;
    QLabel *m_itemText;
    QLabel *m_itemFields;
    ItemActions *m_actions;
    int m_rowBeforeEdit = -1;
    QString m_pathBeforeEdit;
    int m_lineBeforeEdit = 0;
    PendingNotes m_pending;
};

} // namespace debrief
