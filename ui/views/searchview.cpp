#include "views/searchview.h"

#include "models/tasklistmodel.h"
#include "session/appsettings.h"
#include "session/searchservice.h"
#include "session/session.h"
#include "views/htmldelegate.h"

#include <QAction>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QToolButton>
#include <QToolTip>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QWhatsThis>

namespace debrief {

namespace {

enum { PathData = Qt::UserRole + 1, LineData };

} // namespace

SearchView::SearchView(Session *session, SearchService *service, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_service(service)
    , m_field(new QLineEdit(this))
    , m_help(new QToolButton(this))
    , m_summary(new QLabel(this))
    , m_results(new QTreeWidget(this))
{
    m_field->setPlaceholderText(tr("Search meetings — words, \"phrases\", owner:me, status:open, due:<2025-11-01 …"));
    m_field->setClearButtonEnabled(true);
    m_field->setAccessibleName(tr("Search"));
    m_help->setText(tr("?"));
    m_help->setToolTip(tr("Search syntax (F1)"));
    m_help->setAccessibleName(tr("Search syntax"));
    m_summary->setForegroundRole(QPalette::PlaceholderText);
    m_results->setHeaderHidden(true);
    m_results->setColumnCount(1);
    m_results->setItemDelegate(new HtmlDelegate(m_results));
    m_results->setAccessibleName(tr("Search results"));
    m_results->setUniformRowHeights(false);
    m_results->setWordWrap(true);

    auto *top = new QHBoxLayout;
    top->addWidget(m_field, 1);
    top->addWidget(m_help);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_summary);
    layout->addWidget(m_results, 1);

    m_debounce.setSingleShot(true);
    m_debounce.setInterval(debounceMsecs);
    connect(m_field, &QLineEdit::textChanged, this, [this] { m_debounce.start(); });
    connect(&m_debounce, &QTimer::timeout, this, &SearchView::startSearch);
    connect(m_service, &SearchService::ready, this, &SearchView::startSearch);
    connect(&m_watcher, &QFutureWatcherBase::finished, this, [this] {
        const SearchResult result = m_watcher.result();
        if (!m_pending.isNull()) {
            m_pending = QString();
            startSearch();
            return;
        }
        showResult(result);
    });
    connect(m_help, &QToolButton::clicked, this, &SearchView::showHelp);
    // Enter in the field opens the first hit; Down moves into the results.
    connect(m_field, &QLineEdit::returnPressed, this, [this] {
        QTreeWidgetItem *first = m_results->topLevelItemCount() ? m_results->topLevelItem(0) : nullptr;
        if (first && first->childCount())
            openItem(first->child(0));
    });
    connect(m_results, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) { openItem(item); });
    connect(m_results, &QTreeWidget::itemClicked, this, [this](QTreeWidgetItem *item) { openItem(item); });

    auto *down = new QAction(this);
    down->setShortcut(QKeySequence(Qt::Key_Down));
    down->setShortcutContext(Qt::WidgetShortcut);
    m_field->addAction(down);
    connect(down, &QAction::triggered, this, [this] {
        m_results->setFocus();
        if (m_results->topLevelItemCount() && m_results->topLevelItem(0)->childCount())
            m_results->setCurrentItem(m_results->topLevelItem(0)->child(0));
    });
    connect(m_session, &Session::notesChanged, this, [this] {
        if (!m_field->text().trimmed().isEmpty())
            m_debounce.start();
    });
}

void SearchView::focusField()
{
    m_field->setFocus(Qt::ShortcutFocusReason);
    m_field->selectAll();
}

QString SearchView::helpText()
{
    return tr(
        "<h3>Search syntax</h3><table cellspacing=4>"
        "<tr><td><code>budget plan</code></td><td>notes with both words (whole words, any case, café = cafe)</td></tr>"
        "<tr><td><code>\"exact phrase\"</code></td><td>the words in this order</td></tr>"
        "<tr><td><code>-word</code>, <code>-\"phrase\"</code></td><td>leave out notes with it</td></tr>"
        "<tr><td><code>budget OR costs</code></td><td>either</td></tr>"
        "<tr><td><code>plan*</code></td><td>words starting with plan</td></tr>"
        "<tr><td><code>owner:\"Ann Lee\"</code>, <code>owner:me</code></td><td>action items of a person (me: your name "
        "in Settings, or @Myself)</td></tr>"
        "<tr><td><code>status:open</code></td><td>proposed, open, in_progress, done, cancelled</td></tr>"
        "<tr><td><code>due:&lt;2025-11-01</code>, <code>due:2025-10</code></td><td>due before a day, in a month or "
        "year (&lt; &lt;= &gt; &gt;=)</td></tr>"
        "<tr><td><code>date:&gt;=2025-10-01</code></td><td>the meeting's date</td></tr>"
        "<tr><td><code>with:Ann</code></td><td>meetings with a participant</td></tr>"
        "<tr><td><code>tag:project</code></td><td>notes or items with a tag</td></tr>"
        "<tr><td><code>section:decisions</code></td><td>summary, decisions, actions, key, related</td></tr>"
        "<tr><td><code>title:</code>, <code>path:</code></td><td>words in the title or the file's path</td></tr>"
        "</table><p>Once owner:, status: or due: is used, the results are action items.</p>");
}

void SearchView::showHelp()
{
    QWhatsThis::showText(m_field->mapToGlobal(QPoint(0, m_field->height())), helpText(), m_field);
}

void SearchView::startSearch()
{
    const QString query = m_field->text().trimmed();
    if (query.isEmpty()) {
        m_results->clear();
        m_summary->clear();
        return;
    }
    if (m_watcher.isRunning()) {
        m_pending = query; // asked again when the running one is done
        return;
    }
    m_running = query;
    const QString me = AppSettings::userName().isEmpty() ? QStringLiteral("Myself") : AppSettings::userName();
    m_watcher.setFuture(m_service->search(query, 200, me));
}

QString SearchView::highlighted(const SearchHit &hit) const
{
    QString html;
    int at = 0;
    const QColor background = palette().color(QPalette::Highlight);
    const QColor foreground = palette().color(QPalette::HighlightedText);
    for (const SearchHit::Match &match : hit.matches) {
        if (match.start < at || match.start + match.length > hit.snippet.size())
            continue;
        html += hit.snippet.mid(at, match.start - at).toHtmlEscaped();
        html +=
            QStringLiteral("<span style=\"background-color:%1; color:%2\">%3</span>")
                .arg(background.name(), foreground.name(), hit.snippet.mid(match.start, match.length).toHtmlEscaped());
        at = match.start + match.length;
    }
    html += hit.snippet.mid(at).toHtmlEscaped();
    return html;
}

void SearchView::showResult(const SearchResult &result)
{
    m_results->clear();
    if (!result.errors.isEmpty()) {
        m_summary->setText(result.errors.join(QStringLiteral("; ")));
        return;
    }
    m_summary->setText(result.total == 0 ? tr("No results")
                                         : (result.total == 1 ? tr("1 result") : tr("%1 results").arg(result.total)));
    QHash<QString, QTreeWidgetItem *> meetings;
    for (const SearchHit &hit : result.hits) {
        QTreeWidgetItem *meeting = meetings.value(hit.path);
        if (!meeting) {
            meeting = new QTreeWidgetItem(m_results);
            QString title = QStringLiteral("<b>%1</b>").arg(hit.noteTitle.toHtmlEscaped());
            if (hit.noteDate.isValid())
                title += QStringLiteral(" &nbsp;·&nbsp; ") + AppSettings::formatDate(hit.noteDate);
            meeting->setText(0, title);
            meeting->setData(0, Qt::AccessibleTextRole, hit.noteTitle);
            meeting->setData(0, PathData, hit.path);
            meeting->setData(0, LineData, 0);
            meeting->setExpanded(true);
            meetings.insert(hit.path, meeting);
        }
        auto *item = new QTreeWidgetItem(meeting);
        QString prefix;
        if (hit.isActionItem) {
            prefix = QStringLiteral("[%1] ").arg(TaskListModel::statusLabel(hit.status));
            if (!hit.owner.isEmpty())
                prefix += QStringLiteral("@%1 ").arg(hit.owner.toHtmlEscaped());
        } else if (hit.kind != TextBlock::Kind::Text) {
            prefix = QStringLiteral("<i>%1</i> ").arg(blockKindName(hit.kind).replace(u'_', u' '));
        }
        item->setText(0, prefix + highlighted(hit));
        item->setData(0, Qt::AccessibleTextRole, hit.snippet);
        item->setData(0, PathData, hit.path);
        item->setData(0, LineData, hit.line);
        meeting->setExpanded(true);
    }
    Q_EMIT resultsShown(int(result.hits.size()));
}

void SearchView::openItem(QTreeWidgetItem *item)
{
    if (!item)
        return;
    Q_EMIT openRequested(item->data(0, PathData).toString(), item->data(0, LineData).toInt());
}

} // namespace debrief
