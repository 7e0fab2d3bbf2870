#pragma once

#include "models/tasklistmodel.h"
#include "note/note.h"

#include <QFutureWatcher>
#include <QWidget>

class QLabel;
class QListWidget;
class QTabWidget;
class QTreeView;

namespace debrief {

class ActionItemsModel;
class ItemActions;
class MarkdownView;
class MessageBar;
class Session;

// One meeting: title, date, participants, Summary, Action items (checkable, with Accept, Reject,
// Edit, Delete), Decisions (add, edit, delete), Key Information, Related links, and the whole
// note rendered.
class NoteDetail final : public QWidget
{
    Q_OBJECT

public:
    explicit NoteDetail(Session *session, QWidget *parent = nullptr);

    void showNote(const QString &path, int line = 0);
    QString path() const { return m_path; }
    QTreeView *actionItems() const { return m_items; }
    ActionItemsModel *itemsModel() const { return m_itemsModel; }
    ItemActions *itemActions() const { return m_actions; }
    QListWidget *decisions() const { return m_decisions; }
    MarkdownView *rendered() const { return m_rendered; }
    MessageBar *repairBar() const { return m_repairBar; }

Q_SIGNALS:
    void personClicked(const QString &name);
    void noteLinkClicked(const QString &path);

private:
    void refresh();
    void openLink(const QString &link);
    void addDecision();
    void editDecision();
    void deleteDecision();
    void repair();
    QList<TaskListModel::Row> selectedRows() const;

    Session *m_session;
    QString m_path;
    Note m_note;
    int m_selectLine = 0;
    MessageBar *m_repairBar;
    QLabel *m_title;
    QLabel *m_meta;
    QTabWidget *m_tabs;
    QLabel *m_summary;
    ActionItemsModel *m_itemsModel;
    QTreeView *m_items;
    ItemActions *m_actions;
    QListWidget *m_decisions;
    QLabel *m_keyInformation;
    QLabel *m_related;
    MarkdownView *m_rendered;
    QFutureWatcher<QString> m_renderWatcher;
};

} // namespace debrief
