#include "views/meetingsview.h"

#include "dialogs/followupdialog.h"
#include "models/itemroles.h"
#include "models/meetingfiltermodel.h"
#include "models/meetingsmodel.h"
#include "models/peoplemodel.h"
#include "session/session.h"
#include "views/meetingdelegate.h"
#include "views/notedetail.h"

#include <QAction>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QSplitter>
#include <QVBoxLayout>

namespace debrief {

MeetingsView::MeetingsView(Session *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_model(new MeetingsModel(this))
    , m_filter(new MeetingFilterModel(this))
    , m_people(new PeopleModel(this))
    , m_filterEdit(new QLineEdit(this))
    , m_list(new QListView(this))
    , m_peopleList(new QListView(this))
    , m_detail(new NoteDetail(session, this))
    , m_splitter(new QSplitter(Qt::Horizontal, this))
    , m_sideSplitter(new QSplitter(Qt::Vertical, this))
{
    m_filter->setSourceModel(m_model);
    m_list->setModel(m_filter);
    m_list->setItemDelegate(new MeetingDelegate(m_list));
    m_list->setUniformItemSizes(true);
    m_list->setAccessibleName(tr("Meetings"));
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_peopleList->setModel(m_people);
    m_peopleList->setAccessibleName(tr("People"));
    m_peopleList->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_peopleList->setContextMenuPolicy(Qt::CustomContextMenu);
    m_filterEdit->setPlaceholderText(tr("Filter meetings"));
    m_filterEdit->setClearButtonEnabled(true);
    m_filterEdit->setAccessibleName(tr("Filter meetings"));

    auto *meetingsPane = new QWidget(this);
    auto *meetingsLayout = new QVBoxLayout(meetingsPane);
    meetingsLayout->setContentsMargins(0, 0, 0, 0);
    meetingsLayout->addWidget(m_filterEdit);
    meetingsLayout->addWidget(m_list, 1);
    auto *peoplePane = new QWidget(this);
    auto *peopleLayout = new QVBoxLayout(peoplePane);
    peopleLayout->setContentsMargins(0, 0, 0, 0);
    auto *peopleLabel = new QLabel(tr("&People"), this);
    peopleLabel->setBuddy(m_peopleList);
    peopleLayout->addWidget(peopleLabel);
    peopleLayout->addWidget(m_peopleList, 1);
    m_sideSplitter->addWidget(meetingsPane);
    m_sideSplitter->addWidget(peoplePane);
    m_sideSplitter->setStretchFactor(0, 3);
    m_sideSplitter->setStretchFactor(1, 1);
    m_sideSplitter->setObjectName(QStringLiteral("meetingsSideSplitter"));
    m_splitter->addWidget(m_sideSplitter);
    m_splitter->addWidget(m_detail);
    m_splitter->setStretchFactor(0, 1);
    m_splitter->setStretchFactor(1, 2);
    m_splitter->setSizes({380, 820});
    m_splitter->setObjectName(QStringLiteral("meetingsSplitter"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_splitter);
    setFocusProxy(m_list);

    connect(m_filterEdit, &QLineEdit::textChanged, m_filter, &MeetingFilterModel::setText);
    connect(m_list->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &MeetingsView::showCurrent);
    connect(m_peopleList->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &index) {
                const QString person = m_people->nameAt(index.row());
                if (person == m_filter->person())
                    return;
                m_filter->setPerson(person);
                Q_EMIT personChanged(person);
            });
    // Right-click, or the menu key / Shift+F10 on the current person.
    connect(m_peopleList, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        QModelIndex index = m_peopleList->indexAt(pos);
        if (!index.isValid())
            index = m_peopleList->currentIndex();
        if (!index.isValid())
            return;
        const QString person = m_people->nameAt(index.row());
        QMenu menu(this);
        QAction *followUp = menu.addAction(person.isEmpty() ? tr("Copy &Follow-up for Everyone…")
                                                            : tr("Copy &Follow-up for %1…").arg(person));
        connect(followUp, &QAction::triggered, this, [this, person] { showFollowUp(person); });
        menu.exec(m_peopleList->viewport()->mapToGlobal(pos));
    });
    connect(m_detail, &NoteDetail::personClicked, this, &MeetingsView::setPerson);
    connect(m_detail, &NoteDetail::noteLinkClicked, this, [this](const QString &path) { openNote(path); });
    connect(session, &Session::notesChanged, this, &MeetingsView::notesChanged);
}

void MeetingsView::notesChanged(const QStringList &paths)
{
    m_pending.add(paths);
    if (isVisible())
        reload();
}

void MeetingsView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (!m_pending.isEmpty())
        reload();
}

void MeetingsView::reload()
{
    const QString current = m_list->currentIndex().data(PathRole).toString();
    const QString person = m_filter->person();
    m_pending.applyTo(m_model, *m_session);
    m_people->setNotes(m_session->notes());
    const int personRow = m_people->rowOf(person);
    {
        const QSignalBlocker blocker(m_peopleList->selectionModel());
        m_peopleList->setCurrentIndex(m_people->index(std::max(personRow, 0)));
    }
    const int row = m_model->rowOf(current);
    if (row >= 0)
        m_list->setCurrentIndex(m_filter->mapFromSource(m_model->index(row)));
    else if (m_filter->rowCount() > 0)
        m_list->setCurrentIndex(m_filter->index(0, 0));
    else
        m_detail->showNote(current);
}

void MeetingsView::showCurrent()
{
    const QString path = m_list->currentIndex().data(PathRole).toString();
    if (path != m_detail->path())
        m_detail->showNote(path);
}

void MeetingsView::openNote(const QString &path, int line)
{
    int row = m_model->rowOf(path);
    QModelIndex index = row >= 0 ? m_filter->mapFromSource(m_model->index(row)) : QModelIndex();
    if (row >= 0 && !index.isValid()) {
        // Hidden by the filters: show everything so the meeting can be selected.
        m_filterEdit->clear();
        setPerson(QString());
        index = m_filter->mapFromSource(m_model->index(row));
    }
    {
        const QSignalBlocker blocker(m_list->selectionModel());
        m_list->setCurrentIndex(index);
    }
    m_list->scrollTo(index);
    m_detail->showNote(path, line);
}

FollowUpDialog *MeetingsView::showFollowUp(const QString &person)
{
    auto *dialog = new FollowUpDialog(m_session->notes(), person, m_session->today(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
    return dialog;
}

void MeetingsView::setPerson(const QString &person)
{
    m_peopleList->setCurrentIndex(m_people->index(std::max(m_people->rowOf(person), 0)));
}

} // namespace debrief
