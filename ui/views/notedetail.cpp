#include "views/notedetail.h"

#include "dialogs/repairdialog.h"
#include "edit/notefile.h"
#include "models/actionitemsmodel.h"
#include "parse/notehtml.h"
#include "session/appsettings.h"
#include "session/session.h"
#include "views/itemactions.h"
#include "views/markdownview.h"
#include "views/messagebar.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollArea>
#include <QTabWidget>
#include <QTreeView>
#include <QUrl>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace debrief {

namespace {

const QLatin1StringView personScheme("debrief-person");

QLabel *heading(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    QFont font = label->font();
    font.setBold(true);
    font.setPointSizeF(font.pointSizeF() * 1.1);
    label->setFont(font);
    return label;
}

QLabel *body(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setWordWrap(true);
    label->setTextFormat(Qt::RichText);
    label->setTextInteractionFlags(Qt::TextBrowserInteraction);
    label->setOpenExternalLinks(false);
    return label;
}

QString personLink(const QString &name)
{
    return QStringLiteral("<a href=\"%1:%2\">%3</a>")
        .arg(personScheme, QString::fromLatin1(QUrl::toPercentEncoding(name)), name.toHtmlEscaped());
}

// Escaped text with its wikilinks as links.
QString withLinks(const QString &text)
{
    static const QRegularExpression wikilink(QStringLiteral("\\[\\[([^\\]|]+)(?:\\|([^\\]]+))?\\]\\]"));
    QString html;
    qsizetype at = 0;
    auto it = wikilink.globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch match = it.next();
        html += text.mid(at, match.capturedStart() - at).toHtmlEscaped();
        const QString target = match.captured(1).trimmed();
        const QString label = match.captured(2).isEmpty() ? target : match.captured(2).trimmed();
        html += QStringLiteral("<a href=\"%1:%2\">%3</a>")
                    .arg(MarkdownView::noteScheme, QString::fromLatin1(QUrl::toPercentEncoding(target)),
                         label.toHtmlEscaped());
        at = match.capturedEnd();
    }
    return html + text.mid(at).toHtmlEscaped();
}

QString bulletList(const QList<Bullet> &bullets)
{
    if (bullets.isEmpty())
        return NoteDetail::tr("<i>None</i>");
    QString html = QStringLiteral("<ul style=\"margin-left:-20px\">");
    for (const Bullet &bullet : bullets)
        html += QStringLiteral("<li>%1</li>").arg(withLinks(bullet.text));
    return html + QStringLiteral("</ul>");
}

// Lists in the overview are as tall as their rows (within reason): the page scrolls, not them.
void fitToRows(QAbstractItemView *view, int rows, int header)
{
    const int rowHeight = std::max(view->sizeHintForRow(0), view->fontMetrics().height() + 4);
    const int height = header + std::clamp(rows, 2, 12) * rowHeight + 2 * view->frameWidth() + 4;
    view->setMinimumHeight(height);
    view->setMaximumHeight(height);
}

// Runs on a worker: the note's body (no frontmatter), repaired for display, as HTML.
QString renderNote(const QString &path)
{
    const NoteFile::ReadResult read = NoteFile::read(path);
    return read.ok() ? NoteHtml::body(read.bytes, MarkdownView::noteScheme) : QString();
}

} // namespace

NoteDetail::NoteDetail(Session *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_repairBar(new MessageBar(this))
    , m_title(new QLabel(this))
    , m_meta(body(this))
    , m_tabs(new QTabWidget(this))
    , m_summary(body(this))
    , m_itemsModel(new ActionItemsModel(this))
    , m_items(new QTreeView(this))
    , m_decisions(new QListWidget(this))
    , m_keyInformation(body(this))
    , m_related(body(this))
    , m_rendered(new MarkdownView(this))
{
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_title->setWordWrap(true);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summary->setTextFormat(Qt::PlainText);

    m_items->setModel(m_itemsModel);
    m_items->setRootIsDecorated(false);
    m_items->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_items->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_items->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_items->setContextMenuPolicy(Qt::CustomContextMenu);
    m_items->setAccessibleName(tr("Action items"));
    m_items->setColumnHidden(TaskListModel::MeetingColumn, true);
    m_items->setColumnHidden(TaskListModel::MeetingDateColumn, true);
    m_items->header()->setStretchLastSection(false);
    m_items->header()->setSectionResizeMode(TaskListModel::TextColumn, QHeaderView::Stretch);
    m_actions = new ItemActions(session, m_items, [this] { return selectedRows(); });
    m_decisions->setAccessibleName(tr("Decisions"));
    m_decisions->setWordWrap(true);

    auto *itemButtons = new QHBoxLayout;
    for (QAction *action :
         {m_actions->acceptAction(), m_actions->rejectAction(), m_actions->editAction(), m_actions->deleteAction()}) {
        auto *button = new QPushButton(action->text(), this);
        button->setToolTip(action->toolTip());
        button->setAccessibleName(action->statusTip());
        connect(button, &QPushButton::clicked, action, &QAction::trigger);
        connect(action, &QAction::changed, button, [button, action] { button->setEnabled(action->isEnabled()); });
        button->setEnabled(action->isEnabled());
        itemButtons->addWidget(button);
    }
    itemButtons->addStretch();

    auto *decisionButtons = new QHBoxLayout;
    const QList<std::pair<QString, void (NoteDetail::*)()>> decisionActions{
        {tr("Add Decision…"), &NoteDetail::addDecision},
        {tr("Edit…"), &NoteDetail::editDecision},
        {tr("Delete"), &NoteDetail::deleteDecision},
    };
    for (const auto &[text, slot] : decisionActions) {
        auto *button = new QPushButton(text, this);
        button->setAccessibleName(QString(text).remove(QChar(0x2026)) + tr(" (decision)"));
        connect(button, &QPushButton::clicked, this, slot);
        decisionButtons->addWidget(button);
    }
    decisionButtons->addStretch();

    auto *overview = new QWidget;
    auto *overviewLayout = new QVBoxLayout(overview);
    overviewLayout->addWidget(heading(tr("Summary"), overview));
    overviewLayout->addWidget(m_summary);
    overviewLayout->addWidget(heading(tr("Action Items"), overview));
    overviewLayout->addWidget(m_items);
    overviewLayout->addLayout(itemButtons);
    overviewLayout->addWidget(heading(tr("Decisions"), overview));
    overviewLayout->addWidget(m_decisions);
    overviewLayout->addLayout(decisionButtons);
    overviewLayout->addWidget(heading(tr("Key Information"), overview));
    overviewLayout->addWidget(m_keyInformation);
    overviewLayout->addWidget(heading(tr("Related"), overview));
    overviewLayout->addWidget(m_related);
    overviewLayout->addStretch();
    auto *scroll = new QScrollArea(this);
    scroll->setWidget(overview);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    m_tabs->addTab(scroll, tr("Overview"));
    m_tabs->addTab(m_rendered, tr("Note"));
    m_tabs->setAccessibleName(tr("Meeting"));

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_repairBar);
    layout->addWidget(m_title);
    layout->addWidget(m_meta);
    layout->addWidget(m_tabs, 1);

    connect(m_items, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        QMenu menu(this);
        m_actions->fillMenu(&menu);
        menu.exec(m_items->viewport()->mapToGlobal(pos));
    });
    connect(m_items->selectionModel(), &QItemSelectionModel::selectionChanged, m_actions, &ItemActions::updateEnabled);
    connect(m_itemsModel, &TaskListModel::toggleRequested, this, [this](const QString &path, int line, bool done) {
        if (const TaskListModel::Row *row = m_itemsModel->rowAt(m_itemsModel->rowOf(path, line)))
            m_actions->setDone({*row}, done);
    });
    for (QLabel *label : {m_meta, m_related, m_keyInformation})
        connect(label, &QLabel::linkActivated, this, &NoteDetail::openLink);
    connect(m_rendered, &MarkdownView::noteLinkClicked, this, [this](const QString &target) {
        openLink(QStringLiteral("%1:%2").arg(MarkdownView::noteScheme,
                                             QString::fromLatin1(QUrl::toPercentEncoding(target))));
    });
    connect(&m_renderWatcher, &QFutureWatcherBase::finished, this,
            [this] { m_rendered->setHtml(m_renderWatcher.result()); });
    connect(m_repairBar, &MessageBar::actionTriggered, this, &NoteDetail::repair);
    connect(session, &Session::notesChanged, this, [this](const QStringList &paths) {
        if (paths.isEmpty() || paths.contains(m_path))
            refresh();
    });
    setEnabled(false);
}

void NoteDetail::showNote(const QString &path, int line)
{
    m_path = path;
    m_selectLine = line;
    refresh();
}

QList<TaskListModel::Row> NoteDetail::selectedRows() const
{
    QList<TaskListModel::Row> rows;
    QModelIndexList indexes = m_items->selectionModel()->selectedRows();
    std::sort(indexes.begin(), indexes.end());
    for (const QModelIndex &index : indexes) {
        if (const TaskListModel::Row *row = m_itemsModel->rowAt(index.row()))
            rows.append(*row);
    }
    return rows;
}

void NoteDetail::refresh()
{
    const Note *note = m_session->note(m_path);
    setEnabled(note != nullptr);
    m_session->watchOpenNotes(this, note ? QStringList{m_path} : QStringList());
    if (!note) {
        m_note = Note();
        m_title->setText(m_path.isEmpty() ? tr("No meeting selected") : tr("This note is gone"));
        m_meta->clear();
        m_itemsModel->clear();
        m_decisions->clear();
        m_rendered->clear();
        m_repairBar->hide();
        return;
    }
    const int currentRow = m_items->currentIndex().row();
    m_note = *note;
    m_title->setText(note->title);
    QStringList meta;
    if (note->date.isValid())
        meta << AppSettings::formatDate(note->date).toHtmlEscaped();
    QStringList people;
    for (const QString &participant : note->participants)
        people << personLink(participant);
    if (!people.isEmpty())
        meta << tr("With %1").arg(people.join(QStringLiteral(", ")));
    m_meta->setText(meta.join(QStringLiteral(" &nbsp;·&nbsp; ")));
    m_summary->setText(note->summary.isEmpty() ? tr("(No summary)") : note->summary);

    m_itemsModel->setNote(*note);
    for (int column : {TaskListModel::StatusColumn, TaskListModel::OwnerColumn, TaskListModel::DueColumn,
                       TaskListModel::PriorityColumn})
        m_items->resizeColumnToContents(column);
    const int wanted = m_selectLine > 0 ? m_itemsModel->rowOf(m_path, m_selectLine)
                                        : std::min(std::max(currentRow, 0), m_itemsModel->rowCount() - 1);
    if (wanted >= 0)
        m_items->setCurrentIndex(m_itemsModel->index(wanted, TaskListModel::TextColumn));
    m_actions->updateEnabled();

    m_decisions->clear();
    for (const Bullet &decision : note->decisions) {
        auto *item = new QListWidgetItem(decision.text, m_decisions);
        item->setData(Qt::UserRole, decision.line);
        if (decision.line == m_selectLine)
            m_decisions->setCurrentItem(item);
    }
    m_keyInformation->setText(bulletList(note->keyInformation));
    fitToRows(m_items, m_itemsModel->rowCount(), m_items->header()->height());
    fitToRows(m_decisions, m_decisions->count(), 0);

    QStringList related;
    for (const Link &link : note->links) {
        // The alias, else the title of the note it leads to, else the target as written.
        const Note *linked = link.resolvedPath.isEmpty() ? nullptr : m_session->note(link.resolvedPath);
        const QString label = (!link.alias.isEmpty() ? link.alias
                                   : linked          ? linked->title
                                                     : link.target)
                                  .toHtmlEscaped();
        related << QStringLiteral("<a href=\"%1:%2\">%3</a>")
                       .arg(MarkdownView::noteScheme, QString::fromLatin1(QUrl::toPercentEncoding(link.target)), label);
    }
    related.removeDuplicates();
    m_related->setText(related.isEmpty() ? tr("<i>None</i>") : related.join(QStringLiteral(" &nbsp;·&nbsp; ")));

    if (note->hasMojibake)
        m_repairBar->showMessage(MessageBar::Kind::Warning,
                                 tr("Some text in this note was saved in the wrong encoding."),
                                 tr("Repair text encoding…"));
    else
        m_repairBar->hide();
    m_renderWatcher.setFuture(QtConcurrent::run(renderNote, note->path));
    m_selectLine = 0;
}

void NoteDetail::openLink(const QString &link)
{
    const QUrl url(link);
    const QString target = QUrl::fromPercentEncoding(url.path().toUtf8());
    if (url.scheme() == personScheme) {
        Q_EMIT personClicked(target);
        return;
    }
    if (url.scheme() != MarkdownView::noteScheme)
        return;
    // A link to someone in the meeting filters by that person; any other link opens its note.
    const QString name = target.section(u'/', -1).section(u'#', 0, 0);
    for (const QString &participant : m_note.participants) {
        if (participant.compare(name, Qt::CaseInsensitive) == 0) {
            Q_EMIT personClicked(participant);
            return;
        }
    }
    const QString resolved = m_session->vault().resolveLink(target);
    if (!resolved.isEmpty())
        Q_EMIT noteLinkClicked(resolved);
}

void NoteDetail::addDecision()
{
    const QString path = m_path; // the note shown may be reloaded while the dialog is open
    bool ok = false;
    const QString text =
        QInputDialog::getText(this, tr("Add Decision"), tr("Decision:"), QLineEdit::Normal, QString(), &ok);
    if (ok && !text.trimmed().isEmpty())
        m_session->edit(path, {NoteEdit::addDecision(text.trimmed())},
                        Session::stepName(tr("Add decision"), {ItemRef{path, 0, {}, text}}));
}

void NoteDetail::editDecision()
{
    const QListWidgetItem *item = m_decisions->currentItem();
    if (!item)
        return;
    // Copied before the dialog: while it is open the note may be reloaded (another program saved
    // it), which rebuilds the list and deletes `item`. The edit then checks the line on disk.
    const QString path = m_path;
    const int line = item->data(Qt::UserRole).toInt();
    const QString before = item->text();
    bool ok = false;
    const QString text =
        QInputDialog::getText(this, tr("Edit Decision"), tr("Decision:"), QLineEdit::Normal, before, &ok);
    if (ok && !text.trimmed().isEmpty() && text.trimmed() != before)
        m_session->editBullet(path, line, before, text);
}

void NoteDetail::deleteDecision()
{
    QListWidgetItem *item = m_decisions->currentItem();
    if (!item)
        return;
    m_session->deleteBullet(m_path, item->data(Qt::UserRole).toInt(), item->text());
}

void NoteDetail::repair()
{
    RepairDialog dialog(m_path, this);
    if (dialog.exec() == QDialog::Accepted && dialog.changedLines() > 0)
        m_session->edit(m_path, {NoteEdit::repair(dialog.previewed())}, tr("Repair text encoding"));
}

} // namespace debrief
