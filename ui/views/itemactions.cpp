#include "views/itemactions.h"

#include "dialogs/edititemdialog.h"
#include "session/session.h"

#include <QAction>
#include <QMenu>
#include <QWidget>

namespace debrief {

namespace {

QList<ItemRef> refs(const QList<TaskListModel::Row> &rows)
{
    QList<ItemRef> result;
    for (const TaskListModel::Row &row : rows)
        result.append(ItemRef{row.path, row.item.line, row.item.raw, row.item.text});
    return result;
}

} // namespace

ItemActions::ItemActions(Session *session, QWidget *scope, Selection selection)
    : QObject(scope)
    , m_session(session)
    , m_scope(scope)
    , m_selection(std::move(selection))
{
    m_accept = makeAction(tr("&Accept"), QKeySequence(Qt::Key_A), tr("Accept the selected action items"));
    m_reject = makeAction(tr("&Reject"), QKeySequence(Qt::Key_R), tr("Reject the selected action items"));
    m_edit = makeAction(tr("&Edit…"), QKeySequence(Qt::Key_E), tr("Edit the selected action item"));
    m_done = makeAction(tr("Mark &Done"), QKeySequence(Qt::Key_D), tr("Mark the selected action items done"));
    m_reopen = makeAction(tr("Re&open"), QKeySequence(Qt::Key_O), tr("Reopen the selected action items"));
    m_delete = makeAction(tr("De&lete"), QKeySequence(QKeySequence::Delete), tr("Delete the selected action items"));

    connect(m_accept, &QAction::triggered, this,
            [this] { applyStatus(int(TaskEdit::StatusAction::Accept), tr("Accept"), m_selection()); });
    connect(m_reject, &QAction::triggered, this,
            [this] { applyStatus(int(TaskEdit::StatusAction::Reject), tr("Reject"), m_selection()); });
    connect(m_done, &QAction::triggered, this, [this] { setDone(m_selection(), true); });
    connect(m_reopen, &QAction::triggered, this,
            [this] { applyStatus(int(TaskEdit::StatusAction::Reopen), tr("Reopen"), m_selection()); });
    connect(m_edit, &QAction::triggered, this, &ItemActions::editSelected);
    connect(m_delete, &QAction::triggered, this, &ItemActions::deleteSelected);
    updateEnabled();
}

QAction *ItemActions::makeAction(const QString &text, const QKeySequence &key, const QString &accessibleName)
{
    auto *action = new QAction(text, m_scope);
    action->setShortcut(key);
    action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    action->setToolTip(QStringLiteral("%1 (%2)").arg(accessibleName, key.toString(QKeySequence::NativeText)));
    action->setStatusTip(accessibleName);
    action->setWhatsThis(accessibleName);
    m_scope->addAction(action);
    return action;
}

QList<QAction *> ItemActions::actions() const
{
    return {m_accept, m_reject, m_edit, m_done, m_reopen, m_delete};
}

void ItemActions::fillMenu(QMenu *menu) const
{
    menu->addAction(m_accept);
    menu->addAction(m_reject);
    menu->addAction(m_done);
    menu->addAction(m_reopen);
    menu->addSeparator();
    menu->addAction(m_edit);
    menu->addAction(m_delete);
}

void ItemActions::updateEnabled()
{
    const QList<TaskListModel::Row> rows = m_selection();
    bool anyProposed = false;
    bool anyNotDone = false;
    bool anyClosed = false;
    for (const TaskListModel::Row &row : rows) {
        anyProposed |= row.item.status == TaskStatus::Proposed;
        anyNotDone |= row.item.status != TaskStatus::Done;
        anyClosed |= row.item.status == TaskStatus::Done || row.item.status == TaskStatus::Cancelled;
    }
    m_accept->setEnabled(anyProposed);
    m_reject->setEnabled(!rows.isEmpty());
    m_done->setEnabled(anyNotDone);
    m_reopen->setEnabled(anyClosed);
    m_edit->setEnabled(!rows.isEmpty());
    m_delete->setEnabled(!rows.isEmpty());
}

void ItemActions::applyStatus(int action, const QString &verb, const QList<TaskListModel::Row> &rows)
{
    if (rows.isEmpty())
        return;
    Q_EMIT aboutToEdit();
    const auto status = TaskEdit::StatusAction(action);
    m_session->editItems(
        refs(rows), [status](const ItemRef &item) { return NoteEdit::setStatus(item.line, status, item.raw); }, verb);
    Q_EMIT edited();
}

void ItemActions::setDone(const QList<TaskListModel::Row> &rows, bool done)
{
    if (done)
        applyStatus(int(TaskEdit::StatusAction::Done), tr("Mark done"), rows);
    else
        applyStatus(int(TaskEdit::StatusAction::Reopen), tr("Reopen"), rows);
}

void ItemActions::editSelected()
{
    const QList<TaskListModel::Row> rows = m_selection();
    if (rows.isEmpty())
        return;
    QList<ActionItem> items;
    for (const TaskListModel::Row &row : rows)
        items.append(row.item);
    EditItemDialog dialog(items, m_scope);
    if (dialog.exec() != QDialog::Accepted || !dialog.hasChanges())
        return;
    // The fields changed in the dialog go to every selected item; the others (with several, the
    // text too) stay as each item has them.
    const NoteEdit changes = dialog.changes();
    Q_EMIT aboutToEdit();
    m_session->editItems(
        refs(rows),
        [changes](const ItemRef &item) {
            NoteEdit edit = changes;
            edit.line = item.line;
            edit.expected = item.raw;
            return edit;
        },
        tr("Edit"));
    Q_EMIT edited();
}

void ItemActions::deleteSelected()
{
    const QList<TaskListModel::Row> rows = m_selection();
    if (rows.isEmpty())
        return;
    Q_EMIT aboutToEdit();
    // Lines below a deleted one move up: delete from the bottom of each file.
    QList<ItemRef> items = refs(rows);
    std::sort(items.begin(), items.end(),
              [](const ItemRef &a, const ItemRef &b) { return a.path != b.path ? a.path < b.path : a.line > b.line; });
    m_session->editItems(
        items, [](const ItemRef &item) { return NoteEdit::remove(item.line, item.raw); }, tr("Delete"));
    Q_EMIT edited();
}

} // namespace debrief
