#include "views/reviewview.h"

#include "models/reviewmodel.h"
#include "session/appsettings.h"
#include "session/session.h"
#include "views/itemactions.h"

#include <QAction>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QSplitter>
#include <QTextBrowser>
#include <QTreeView>
#include <QVBoxLayout>

namespace debrief {

ReviewView::ReviewView(Session *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_model(new ReviewModel(this))
    , m_queue(new QTreeView(this))
    , m_left(new QLabel(this))
    , m_splitter(new QSplitter(Qt::Horizontal, this))
    , m_meetingTitle(new QLabel(this))
    , m_meetingDate(new QLabel(this))
    , m_summary(new QTextBrowser(this))
    , m_itemText(new QLabel(this))
    , m_itemFields(new QLabel(this))
{
    m_queue->setModel(m_model);
    m_queue->setRootIsDecorated(false);
    m_queue->setUniformRowHeights(true);
    m_queue->setAlternatingRowColors(true);
    m_queue->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_queue->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_queue->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_queue->setAccessibleName(tr("Review queue"));
    m_queue->setContextMenuPolicy(Qt::CustomContextMenu);
    m_queue->header()->setStretchLastSection(false);
    // The detail pane beside the queue shows the rest.
    for (int column :
         {int(TaskListModel::StatusColumn), int(TaskListModel::PriorityColumn), int(TaskListModel::MeetingDateColumn)})
        m_queue->setColumnHidden(column, true);
    m_queue->header()->setSectionResizeMode(TaskListModel::TextColumn, QHeaderView::Stretch);

    m_left->setAccessibleName(tr("Items left to review"));
    QFont leftFont = m_left->font();
    leftFont.setBold(true);
    m_left->setFont(leftFont);

    auto *hint = new QLabel(tr("A accept · R reject · E edit · D done · J/K move"), this);
    hint->setForegroundRole(QPalette::PlaceholderText);

    auto *queuePane = new QWidget(this);
    auto *queueLayout = new QVBoxLayout(queuePane);
    queueLayout->setContentsMargins(0, 0, 0, 0);
    auto *top = new QHBoxLayout;
    top->addWidget(m_left);
    top->addStretch();
    top->addWidget(hint);
    queueLayout->addLayout(top);
    queueLayout->addWidget(m_queue);

    QFont titleFont = m_meetingTitle->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.3);
    titleFont.setBold(true);
    m_meetingTitle->setFont(titleFont);
    m_meetingTitle->setWordWrap(true);
    m_meetingTitle->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_meetingDate->setForegroundRole(QPalette::PlaceholderText);
    m_summary->setFocusPolicy(Qt::NoFocus);
    m_summary->setOpenLinks(false);
    m_summary->setAccessibleName(tr("Meeting summary"));
    QFont itemFont = m_itemText->font();
    itemFont.setPointSizeF(itemFont.pointSizeF() * 1.15);
    m_itemText->setFont(itemFont);
    m_itemText->setWordWrap(true);
    m_itemText->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_itemText->setAccessibleName(tr("Action item"));
    m_itemFields->setWordWrap(true);

    m_actions = new ItemActions(session, this, [this] { return selectedRows(); });
    auto *buttons = new QHBoxLayout;
    for (QAction *action :
         {m_actions->acceptAction(), m_actions->rejectAction(), m_actions->editAction(), m_actions->doneAction()}) {
        auto *button = new QPushButton(action->text(), this);
        button->setToolTip(action->toolTip());
        button->setAccessibleName(action->statusTip());
        button->setFocusPolicy(Qt::NoFocus); // keys stay with the queue
        connect(button, &QPushButton::clicked, action, &QAction::trigger);
        connect(action, &QAction::changed, button, [button, action] { button->setEnabled(action->isEnabled()); });
        button->setEnabled(action->isEnabled());
        buttons->addWidget(button);
    }
    buttons->addStretch();

    auto *detail = new QWidget(this);
    auto *detailLayout = new QVBoxLayout(detail);
    auto *itemHeading = new QLabel(tr("<b>Proposed action item</b>"), this);
    detailLayout->addWidget(itemHeading);
    detailLayout->addWidget(m_itemText);
    detailLayout->addWidget(m_itemFields);
    detailLayout->addLayout(buttons);
    detailLayout->addSpacing(12);
    detailLayout->addWidget(m_meetingTitle);
    detailLayout->addWidget(m_meetingDate);
    detailLayout->addWidget(m_summary, 1);

    m_splitter->addWidget(queuePane);
    m_splitter->addWidget(detail);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);
    m_splitter->setSizes({780, 520});
    m_splitter->setObjectName(QStringLiteral("reviewSplitter"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_splitter);

    // J/K as in mail readers; the arrows work through the tree itself.
    auto *next = new QAction(tr("Next Item"), this);
    next->setShortcut(QKeySequence(Qt::Key_J));
    next->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    next->setStatusTip(tr("Select the next item in the queue"));
    connect(next, &QAction::triggered, this, [this] { move(1); });
    auto *previous = new QAction(tr("Previous Item"), this);
    previous->setShortcut(QKeySequence(Qt::Key_K));
    previous->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    previous->setStatusTip(tr("Select the previous item in the queue"));
    connect(previous, &QAction::triggered, this, [this] { move(-1); });
    addAction(next);
    addAction(previous);

    connect(m_queue, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        QMenu menu(this);
        m_actions->fillMenu(&menu);
        menu.exec(m_queue->viewport()->mapToGlobal(pos));
    });
    connect(m_model, &TaskListModel::toggleRequested, this,
            [this](const QString &, int, bool done) { m_actions->setDone(selectedRows(), done); });
    connect(m_actions, &ItemActions::aboutToEdit, this, [this] {
        const QModelIndexList rows = m_queue->selectionModel()->selectedRows();
        m_rowBeforeEdit = m_queue->currentIndex().row();
        for (const QModelIndex &index : rows)
            m_rowBeforeEdit = std::min(m_rowBeforeEdit, index.row());
        const TaskListModel::Row *row = m_model->rowAt(m_rowBeforeEdit);
        m_pathBeforeEdit = row ? row->path : QString();
        m_lineBeforeEdit = row ? row->item.line : 0;
    });
    connect(m_queue->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &ReviewView::showCurrent);
    connect(m_queue->selectionModel(), &QItemSelectionModel::selectionChanged, m_actions, &ItemActions::updateEnabled);
    connect(session, &Session::notesChanged, this, &ReviewView::notesChanged);
    // Undoing an accept or a reject brings the item back: select it where it is.
    connect(session, &Session::stepReplayed, this, [this](const QString &path, int line) {
        const int row = m_model->rowOf(path, line);
        if (row >= 0 && isVisible())
            selectRow(row);
    });
    m_pending.setAll();
    reload();
}

int ReviewView::remaining() const
{
    return m_model->rowCount();
}

QList<TaskListModel::Row> ReviewView::selectedRows() const
{
    QList<TaskListModel::Row> rows;
    QModelIndexList indexes = m_queue->selectionModel()->selectedRows();
    std::sort(indexes.begin(), indexes.end());
    for (const QModelIndex &index : indexes) {
        if (const TaskListModel::Row *row = m_model->rowAt(index.row()))
            rows.append(*row);
    }
    return rows;
}

void ReviewView::notesChanged(const QStringList &paths)
{
    m_pending.add(paths);
    if (isVisible()) {
        reload();
        return;
    }
    // The count stays right even while the queue itself waits.
    int proposed = 0;
    for (const Note &note : m_session->notes()) {
        for (const ActionItem &item : note.actionItems)
            proposed += item.status == TaskStatus::Proposed ? 1 : 0;
    }
    Q_EMIT remainingChanged(proposed);
}

void ReviewView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (!m_pending.isEmpty())
        reload();
}

void ReviewView::reload()
{
    // Keep the place: the same item if it is still proposed, else the one that took its row.
    const TaskListModel::Row *current = m_model->rowAt(m_queue->currentIndex().row());
    QString path = current ? current->path : QString();
    int line = current ? current->item.line : 0;
    int row = m_queue->currentIndex().row();
    if (m_rowBeforeEdit >= 0) {
        path = m_pathBeforeEdit;
        line = m_lineBeforeEdit;
        row = m_rowBeforeEdit;
        m_rowBeforeEdit = -1;
    }
    const bool everything = m_pending.all();
    m_pending.applyTo(m_model, *m_session);
    const int same = path.isEmpty() ? -1 : m_model->rowOf(path, line);
    selectRow(same >= 0 ? same : std::max(row, 0));
    m_left->setText(tr("%n left", nullptr, m_model->rowCount()));
    // Measuring columns reads a thousand rows: worth it for a new vault, not for each keystroke.
    if (everything) {
        m_queue->resizeColumnToContents(TaskListModel::OwnerColumn);
        m_queue->resizeColumnToContents(TaskListModel::DueColumn);
        m_queue->setColumnWidth(TaskListModel::MeetingColumn, 200);
    }
    Q_EMIT remainingChanged(m_model->rowCount());
}

void ReviewView::selectRow(int row)
{
    if (m_model->rowCount() == 0) {
        showCurrent();
        return;
    }
    row = std::clamp(row, 0, m_model->rowCount() - 1);
    const QModelIndex index = m_model->index(row, TaskListModel::TextColumn);
    m_queue->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_queue->scrollTo(index);
    showCurrent();
}

void ReviewView::move(int delta)
{
    selectRow(m_queue->currentIndex().row() + delta);
}

void ReviewView::focusQueue()
{
    m_queue->setFocus(Qt::OtherFocusReason);
    if (!m_queue->currentIndex().isValid())
        selectRow(0);
}

void ReviewView::showCurrent()
{
    if (!m_queue->selectionModel()->hasSelection() && m_model->rowCount() > 0)
        m_queue->selectionModel()->select(m_queue->currentIndex(),
                                          QItemSelectionModel::Select | QItemSelectionModel::Rows);
    m_actions->updateEnabled();
    const TaskListModel::Row *row = m_model->rowAt(m_queue->currentIndex().row());
    if (!row) {
        m_itemText->setText(m_model->rowCount() == 0 ? tr("Nothing left to review.") : QString());
        m_itemFields->clear();
        m_meetingTitle->clear();
        m_meetingDate->clear();
        m_summary->clear();
        return;
    }
    m_session->watchOpenNotes(this, {row->path});
    const ActionItem &item = row->item;
    m_itemText->setText(item.text);
    QStringList fields;
    if (!item.owner.isEmpty())
        fields << tr("Owner: %1").arg(item.owner.toHtmlEscaped());
    if (item.due.isValid())
        fields << tr("Due: %1").arg(AppSettings::formatDate(item.due));
    if (item.priority != Priority::None)
        fields << tr("Priority: %1").arg(TaskListModel::priorityLabel(item.priority));
    m_itemFields->setText(fields.join(QStringLiteral(" · ")));
    m_meetingTitle->setText(row->meetingTitle);
    QString when = AppSettings::formatDate(row->meetingDate);
    if (!row->participants.isEmpty())
        when += (when.isEmpty() ? QString() : QStringLiteral(" · ")) + row->participants.join(QStringLiteral(", "));
    m_meetingDate->setText(when);
    m_summary->setPlainText(row->summary.isEmpty() ? tr("(No summary)") : row->summary);
}

} // namespace debrief
