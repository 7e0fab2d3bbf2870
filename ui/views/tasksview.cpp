#include "views/tasksview.h"

#include "models/itemroles.h"
#include "models/taskfiltermodel.h"
#include "models/tasklistmodel.h"
#include "session/appsettings.h"
#include "session/session.h"
#include "views/itemactions.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QSet>
#include <QTreeView>
#include <QVBoxLayout>

namespace debrief {

namespace {

enum DuePreset { AnyDue, Overdue, DueToday, DueThisWeek, DueNext30, DueBetween };

} // namespace

TasksView::TasksView(Session *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_model(new TaskListModel(this))
    , m_filter(new TaskFilterModel(this))
    , m_table(new QTreeView(this))
    , m_text(new QLineEdit(this))
    , m_status(new QComboBox(this))
    , m_owner(new QComboBox(this))
    , m_mine(new QCheckBox(tr("&My tasks"), this))
    , m_due(new QComboBox(this))
    , m_dueFrom(new QDateEdit(QDate::currentDate(), this))
    , m_dueTo(new QDateEdit(QDate::currentDate().addDays(7), this))
    , m_person(new QLabel(this))
    , m_count(new QLabel(this))
{
    m_filter->setSourceModel(m_model);
    m_table->setModel(m_filter);
    m_table->setRootIsDecorated(false);
    m_table->setUniformRowHeights(true);
    m_table->setAlternatingRowColors(true);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(TaskListModel::DueColumn, Qt::AscendingOrder);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setContextMenuPolicy(Qt::CustomContextMenu);
    m_table->setAccessibleName(tr("Tasks"));
    m_table->header()->setSectionResizeMode(TaskListModel::TextColumn, QHeaderView::Stretch);
    m_table->header()->setStretchLastSection(false);

    m_text->setPlaceholderText(tr("Filter tasks"));
    m_text->setClearButtonEnabled(true);
    m_text->setAccessibleName(tr("Filter tasks"));
    m_status->addItem(tr("Active"), QStringLiteral("active"));
    m_status->addItem(tr("Any status"), QString());
    for (TaskStatus status :
         {TaskStatus::Proposed, TaskStatus::Open, TaskStatus::InProgress, TaskStatus::Done, TaskStatus::Cancelled})
        m_status->addItem(TaskListModel::statusLabel(status), statusName(status));
    m_status->setAccessibleName(tr("Status"));
    m_owner->setAccessibleName(tr("Owner"));
    m_owner->setMinimumContentsLength(12);
    m_mine->setAccessibleName(tr("Only my tasks"));
    m_mine->setToolTip(tr("Tasks owned by your name (Settings) or @Myself"));
    m_due->addItem(tr("Any due date"), AnyDue);
    m_due->addItem(tr("Overdue"), Overdue);
    m_due->addItem(tr("Due today"), DueToday);
    m_due->addItem(tr("Due in 7 days"), DueThisWeek);
    m_due->addItem(tr("Due in 30 days"), DueNext30);
    m_due->addItem(tr("Due between…"), DueBetween);
    m_due->setAccessibleName(tr("Due"));
    for (QDateEdit *edit : {m_dueFrom, m_dueTo}) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
        edit->setVisible(false);
    }
    m_dueFrom->setAccessibleName(tr("Due from"));
    m_dueTo->setAccessibleName(tr("Due until"));
    m_count->setForegroundRole(QPalette::PlaceholderText);

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_text, 2);
    bar->addWidget(m_status);
    bar->addWidget(m_owner, 1);
    bar->addWidget(m_mine);
    bar->addWidget(m_due);
    bar->addWidget(m_dueFrom);
    bar->addWidget(m_dueTo);
    bar->addWidget(m_person);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_count);

    m_actions = new ItemActions(session, m_table, [this] { return selectedRows(); });
    connect(m_table, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        QMenu menu(this);
        m_actions->fillMenu(&menu);
        menu.addSeparator();
        QAction *open = menu.addAction(tr("Open Meeting"));
        connect(open, &QAction::triggered, this, [this] {
            const QModelIndex index = m_table->currentIndex();
            Q_EMIT openRequested(index.data(PathRole).toString(), index.data(LineRole).toInt());
        });
        menu.exec(m_table->viewport()->mapToGlobal(pos));
    });
    connect(m_table, &QTreeView::activated, this, [this](const QModelIndex &index) {
        Q_EMIT openRequested(index.data(PathRole).toString(), index.data(LineRole).toInt());
    });
    connect(m_model, &TaskListModel::toggleRequested, this, [this](const QString &path, int line, bool done) {
        const int row = m_model->rowOf(path, line);
        if (const TaskListModel::Row *found = m_model->rowAt(row))
            m_actions->setDone({*found}, done);
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, m_actions, &ItemActions::updateEnabled);

    connect(m_text, &QLineEdit::textChanged, this, &TasksView::applyFilters);
    connect(m_status, &QComboBox::currentIndexChanged, this, &TasksView::applyFilters);
    connect(m_owner, &QComboBox::currentIndexChanged, this, &TasksView::applyFilters);
    connect(m_mine, &QCheckBox::toggled, this, &TasksView::applyFilters);
    connect(m_due, &QComboBox::currentIndexChanged, this, &TasksView::applyFilters);
    connect(m_dueFrom, &QDateEdit::dateChanged, this, &TasksView::applyFilters);
    connect(m_dueTo, &QDateEdit::dateChanged, this, &TasksView::applyFilters);
    connect(session, &Session::notesChanged, this, &TasksView::notesChanged);
    m_pending.setAll();
    reload();
    applyFilters();
}

QList<TaskListModel::Row> TasksView::selectedRows() const
{
    QList<TaskListModel::Row> rows;
    const QModelIndexList indexes = m_table->selectionModel()->selectedRows();
    for (const QModelIndex &index : indexes) {
        if (const TaskListModel::Row *row = m_model->rowAt(m_filter->mapToSource(index).row()))
            rows.append(*row);
    }
    return rows;
}

QList<TaskListModel::Row> TasksView::shownRows()
{
    if (!m_pending.isEmpty())
        reload();
    QList<TaskListModel::Row> rows;
    rows.reserve(m_filter->rowCount());
    for (int i = 0; i < m_filter->rowCount(); ++i) {
        if (const TaskListModel::Row *row = m_model->rowAt(m_filter->mapToSource(m_filter->index(i, 0)).row()))
            rows.append(*row);
    }
    return rows;
}

void TasksView::setPerson(const QString &person)
{
    m_personName = person;
    m_person->setText(person.isEmpty() ? QString() : tr("With %1").arg(person));
    applyFilters();
}

void TasksView::notesChanged(const QStringList &paths)
{
    m_pending.add(paths);
    if (isVisible())
        reload();
}

void TasksView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (!m_pending.isEmpty())
        reload();
}

void TasksView::reload()
{
    const QModelIndex current = m_table->currentIndex();
    const QString path = current.data(PathRole).toString();
    const int line = current.data(LineRole).toInt();
    const bool everything = m_pending.all();
    m_pending.applyTo(m_model, *m_session);

    // The owner list follows the vault.
    const QString owner = m_owner->currentData().toString();
    QSet<QString> seen;
    QStringList owners;
    for (const Note &note : m_session->notes()) {
        for (const ActionItem &item : note.actionItems) {
            if (!item.owner.isEmpty() && !seen.contains(item.owner.toCaseFolded())) {
                seen.insert(item.owner.toCaseFolded());
                owners.append(item.owner);
            }
        }
    }
    owners.sort(Qt::CaseInsensitive);
    QStringList shown;
    for (int i = 1; i < m_owner->count(); ++i)
        shown.append(m_owner->itemData(i).toString());
    if (owners != shown) {
        const QSignalBlocker blocker(m_owner);
        m_owner->clear();
        m_owner->addItem(tr("Any owner"), QString());
        for (const QString &name : owners)
            m_owner->addItem(name, name);
        m_owner->setCurrentIndex(std::max(0, m_owner->findData(owner)));
    }
    updateCount();
    // Measuring columns reads a thousand rows each: for a new vault, not for each edit.
    if (everything) {
        for (int column : {TaskListModel::StatusColumn, TaskListModel::OwnerColumn, TaskListModel::DueColumn,
                           TaskListModel::PriorityColumn, TaskListModel::MeetingDateColumn})
            m_table->resizeColumnToContents(column);
        m_table->resizeColumnToContents(TaskListModel::MeetingColumn);
        m_table->setColumnWidth(TaskListModel::MeetingColumn,
                                std::min(m_table->columnWidth(TaskListModel::MeetingColumn), 320));
    }
    const int row = m_model->rowOf(path, line);
    if (row >= 0)
        m_table->setCurrentIndex(m_filter->mapFromSource(m_model->index(row, TaskListModel::TextColumn)));
}

void TasksView::applyFilters()
{
    TaskFilterModel::Criteria criteria;
    const QString status = m_status->currentData().toString();
    if (status == u"active")
        criteria.statuses = {TaskStatus::Proposed, TaskStatus::Open, TaskStatus::InProgress};
    else if (const auto one = statusFromName(status); one && !status.isEmpty())
        criteria.statuses = {*one};
    criteria.owner = m_owner->currentData().toString();
    criteria.myTasks = m_mine->isChecked();
    const QDate today = m_model->today();
    const int due = m_due->currentData().toInt();
    m_dueFrom->setVisible(due == DueBetween);
    m_dueTo->setVisible(due == DueBetween);
    switch (due) {
    case Overdue: criteria.dueTo = today.addDays(-1); break;
    case DueToday:
        criteria.dueFrom = today;
        criteria.dueTo = today;
        break;
    case DueThisWeek:
        criteria.dueFrom = today;
        criteria.dueTo = today.addDays(7);
        break;
    case DueNext30:
        criteria.dueFrom = today;
        criteria.dueTo = today.addDays(30);
        break;
    case DueBetween:
        criteria.dueFrom = m_dueFrom->date();
        criteria.dueTo = m_dueTo->date();
        break;
    default: break;
    }
    criteria.person = m_personName;
    criteria.text = m_text->text();
    m_filter->setCriteria(criteria);
    updateCount();
}

void TasksView::updateCount()
{
    const int total = m_model->rowCount();
    const int shown = m_filter->rowCount();
    m_count->setText(total == 1 ? tr("%1 of 1 action item").arg(shown)
                                : tr("%1 of %2 action items").arg(shown).arg(total));
}

} // namespace debrief
