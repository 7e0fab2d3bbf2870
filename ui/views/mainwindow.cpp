#include "views/mainwindow.h"

#include "dialogs/exportdialog.h"
#include "dialogs/settingsdialog.h"
#include "session/appsettings.h"
#include "session/searchservice.h"
#include "session/session.h"
#include "views/itemactions.h"
#include "views/meetingsview.h"
#include "views/messagebar.h"
#include "views/reviewview.h"
#include "views/searchview.h"
#include "views/tasksview.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressBar>
#include <QScreen>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QUndoStack>
#include <QVBoxLayout>

#include <algorithm>

namespace debrief {

namespace {

// A platform's standard binding may already be one of the keys added for the other platforms
// (QKeySequence::Quit is Ctrl+Q on Linux): the same key twice on one action makes Qt refuse it
// as ambiguous, so each key is kept once.
QList<QKeySequence> uniqueKeys(const QList<QKeySequence> &keys)
{
    QList<QKeySequence> result;
    for (const QKeySequence &key : keys) {
        if (!key.isEmpty() && !result.contains(key))
            result.append(key);
    }
    return result;
}

QList<QKeySequence> keysFor(QKeySequence::StandardKey standard, const QList<QKeySequence> &extra = {})
{
    return uniqueKeys(QKeySequence::keyBindings(standard) + extra);
}

QAction *menuAction(QMenu *menu, const QString &text, const QList<QKeySequence> &keys, const QString &accessibleName)
{
    QAction *action = menu->addAction(text);
    action->setShortcuts(uniqueKeys(keys));
    action->setStatusTip(accessibleName);
    action->setWhatsThis(accessibleName);
    return action;
}

} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_session(new Session(this))
    , m_searchService(new SearchService(this))
    , m_tabs(new QTabWidget(this))
    , m_bar(new MessageBar(this))
    , m_progress(new QProgressBar(this))
    , m_status(new QLabel(this))
{
    setWindowTitle(tr("Debrief"));
    m_meetings = new MeetingsView(m_session, this);
    m_review = new ReviewView(m_session, this);
    m_tasks = new TasksView(m_session, this);
    m_search = new SearchView(m_session, m_searchService, this);
    m_tabs->addTab(m_meetings, tr("&Meetings"));
    m_tabs->addTab(m_review, tr("&Review"));
    m_tabs->addTab(m_tasks, tr("&Tasks"));
    m_tabs->addTab(m_search, tr("&Search"));
    m_tabs->setDocumentMode(true);
    m_tabs->setAccessibleName(tr("Views"));
    m_tabs->setFocusPolicy(Qt::NoFocus);

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_bar);
    layout->addWidget(m_tabs);
    setCentralWidget(central);

    m_progress->setMaximumWidth(240);
    m_progress->setTextVisible(true);
    m_progress->setAccessibleName(tr("Loading progress"));
    m_progress->hide();
    statusBar()->addWidget(m_status, 1);
    statusBar()->addPermanentWidget(m_progress);

    createMenus();

    connect(m_session, &Session::loadStarted, this, [this](const QString &root) {
        m_progress->setRange(0, 0);
        m_progress->show();
        m_status->setText(tr("Opening %1…").arg(QDir::toNativeSeparators(root)));
        updateTitle();
    });
    connect(m_session, &Session::loadProgress, this, [this](int done, int total) {
        if (total <= 0)
            return;
        m_progress->setRange(0, total);
        m_progress->setValue(done);
        m_progress->setFormat(tr("Reading notes %v/%m"));
    });
    connect(m_session, &Session::loaded, this, &MainWindow::loaded);
    connect(m_session, &Session::failed, this,
            [this](const QString &message, const QString &) { m_bar->showMessage(MessageBar::Kind::Error, message); });
    connect(m_session, &Session::noticed, this, [this](const QString &message, const QString &) {
        m_bar->showMessage(MessageBar::Kind::Warning, message);
    });
    connect(m_session, &Session::notesChanged, this,
            [this](const QStringList &paths) { m_searchService->updateNotes(m_session->vault(), paths); });
    connect(m_searchService, &SearchService::progress, this, [this](int done, int total) {
        if (m_session->isLoading() || total <= 0)
            return;
        m_progress->show();
        m_progress->setRange(0, total);
        m_progress->setValue(done);
        m_progress->setFormat(tr("Indexing %v/%m"));
    });
    connect(m_searchService, &SearchService::ready, this, [this] {
        if (!m_session->isLoading())
            m_progress->hide();
    });
    connect(m_review, &ReviewView::remainingChanged, this, &MainWindow::updateReviewTab);
    connect(m_meetings, &MeetingsView::failed, this,
            [this](const QString &message) { m_bar->showMessage(MessageBar::Kind::Error, message); });
    connect(m_meetings, &MeetingsView::personChanged, m_tasks, &TasksView::setPerson);
    connect(m_search, &SearchView::openRequested, this, &MainWindow::openMeeting);
    connect(m_tasks, &TasksView::openRequested, this, &MainWindow::openMeeting);
    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int index) {
        if (index == ReviewPage)
            m_review->focusQueue();
        else if (index == SearchPage)
            m_search->focusField();
    });

    // A first window that fits the screen, whatever its scale.
    QSize size(1280, 820);
    if (const QScreen *screen = QGuiApplication::primaryScreen())
        size = size.boundedTo(screen->availableSize() * 0.9);
    resize(size);
    restoreLayout();
}

MainWindow::~MainWindow() = default;

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *open = menuAction(file, tr("&Open Folder…"), keysFor(QKeySequence::Open), tr("Open a folder of notes"));
    connect(open, &QAction::triggered, this, &MainWindow::chooseFolder);
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    updateRecentMenu();
    QAction *reload = menuAction(file, tr("Re&load"), keysFor(QKeySequence::Refresh), tr("Read changed notes again"));
    connect(reload, &QAction::triggered, m_session, &Session::rescan);
    file->addSeparator();
    QAction *exportTasks = menuAction(file, tr("&Export Tasks…"), {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E)},
                                      tr("Export the action items the Tasks tab shows to a calendar or spreadsheet"));
    connect(exportTasks, &QAction::triggered, this, &MainWindow::exportTasks);
    file->addSeparator();
    QAction *settings =
        menuAction(file, tr("&Settings…"), keysFor(QKeySequence::Preferences, {QKeySequence(Qt::CTRL | Qt::Key_Comma)}),
                   tr("Your name and the date format"));
    settings->setMenuRole(QAction::PreferencesRole);
    connect(settings, &QAction::triggered, this, &MainWindow::showSettings);
    file->addSeparator();
    QAction *quit = menuAction(file, tr("&Quit"), keysFor(QKeySequence::Quit, {QKeySequence(Qt::CTRL | Qt::Key_Q)}),
                               tr("Quit Debrief"));
    quit->setMenuRole(QAction::QuitRole);
    connect(quit, &QAction::triggered, this, &QWidget::close);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    QAction *undo = m_session->undoStack()->createUndoAction(this, tr("Undo"));
    undo->setShortcuts(QKeySequence::Undo);
    undo->setStatusTip(tr("Undo the last edit"));
    QAction *redo = m_session->undoStack()->createRedoAction(this, tr("Redo"));
    redo->setShortcuts(QKeySequence::Redo);
    redo->setStatusTip(tr("Redo the edit undone last"));
    edit->addAction(undo);
    edit->addAction(redo);
    edit->addSeparator();
    QMenu *items = edit->addMenu(tr("&Action Item"));
    m_review->itemActions()->fillMenu(items);
    items->setToolTip(tr("These act on the review queue; the other views offer them in their context menus"));

    QMenu *view = menuBar()->addMenu(tr("&View"));
    const QList<std::pair<QString, QKeySequence>> pages{
        {tr("&Meetings"), QKeySequence(Qt::CTRL | Qt::Key_1)},
        {tr("&Review"), QKeySequence(Qt::CTRL | Qt::Key_2)},
        {tr("&Tasks"), QKeySequence(Qt::CTRL | Qt::Key_3)},
    };
    for (int page = 0; page < pages.size(); ++page) {
        QAction *action = menuAction(view, pages.at(page).first, {pages.at(page).second},
                                     tr("Show the %1 view").arg(QString(pages.at(page).first).remove(u'&')));
        connect(action, &QAction::triggered, this, [this, page] { showView(View(page)); });
    }
    QAction *search = menuAction(view, tr("&Search"), keysFor(QKeySequence::Find, {QKeySequence(Qt::CTRL | Qt::Key_K)}),
                                 tr("Search all meetings"));
    connect(search, &QAction::triggered, this, [this] { showView(SearchPage); });

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *queryHelp =
        menuAction(help, tr("Search &Syntax"), keysFor(QKeySequence::HelpContents), tr("How to write search queries"));
    connect(queryHelp, &QAction::triggered, this, [this] {
        showView(SearchPage);
        m_search->showHelp();
    });
    QAction *about = menuAction(help, tr("&About Debrief"), {}, tr("About Debrief"));
    about->setMenuRole(QAction::AboutRole);
    connect(about, &QAction::triggered, this, &MainWindow::showAbout);
}

void MainWindow::updateRecentMenu()
{
    m_recentMenu->clear();
    const QStringList recent = AppSettings::recentVaults();
    for (int i = 0; i < recent.size(); ++i) {
        const QString path = recent.at(i);
        QAction *action =
            m_recentMenu->addAction(QStringLiteral("&%1 %2").arg(i + 1).arg(QDir::toNativeSeparators(path)));
        action->setStatusTip(tr("Open %1").arg(path));
        if (i < 9)
            action->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key(Qt::Key_1 + i)));
        // Queued: opening rebuilds this menu, which must not delete the action inside its own signal.
        connect(
            action, &QAction::triggered, this, [this, path] { openVault(path); }, Qt::QueuedConnection);
    }
    m_recentMenu->setEnabled(!recent.isEmpty());
}

void MainWindow::openVault(const QString &path)
{
    const QString root = QDir::cleanPath(QFileInfo(path).absoluteFilePath());
    if (!QFileInfo(root).isDir()) {
        m_bar->showMessage(MessageBar::Kind::Error, tr("%1 is not a folder.").arg(QDir::toNativeSeparators(root)));
        return;
    }
    m_bar->hide();
    AppSettings::noteVaultOpened(root);
    updateRecentMenu();
    m_session->open(root);
}

void MainWindow::chooseFolder()
{
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Open Folder of Notes"), m_session->root());
    if (!folder.isEmpty())
        openVault(folder);
}

void MainWindow::exportTasks()
{
    QList<ExportItem> items;
    const QString root = m_session->root();
    for (const TaskListModel::Row &row : m_tasks->shownRows()) {
        ExportItem item;
        item.item = row.item;
        item.path = row.path;
        item.relativePath = QDir(root).relativeFilePath(row.path);
        item.noteTitle = row.meetingTitle;
        item.noteDate = row.meetingDate;
        items.append(item);
    }
    auto *dialog = new ExportDialog(items, root, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ExportDialog::exported, this, [this](const QString &path, int count) {
        m_bar->showMessage(MessageBar::Kind::Information,
                           tr("%n action item(s) exported to %1.", nullptr, count).arg(QDir::toNativeSeparators(path)));
    });
    dialog->open();
}

void MainWindow::showSettings()
{
    SettingsDialog dialog(this);
    if (dialog.exec() == QDialog::Accepted)
        Q_EMIT m_session->notesChanged({}); // dates and "my tasks" are shown anew
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About Debrief"),
                       tr("<h3>Debrief %1</h3><p>Review meeting notes after the meeting: accept, reject and "
                          "tick action items, written straight back into your Markdown files.</p>")
                           .arg(QCoreApplication::applicationVersion()));
}

void MainWindow::loaded()
{
    // Indexing starts once the notes are on screen, from the notes already parsed: on two cores
    // the notes the user is waiting for come first. A warm index opens in a fraction of a second.
    m_searchService->open(m_session->root(), m_session->notes());
    m_progress->hide();
    const int notes = int(m_session->notes().size());
    m_status->setText((notes == 1 ? tr("1 note in %1") : tr("%1 notes in %2").arg(notes))
                          .arg(QDir::toNativeSeparators(m_session->root())));
    // The vault's own problems (a folder or a note name that cannot be read): an error first,
    // else the first warning and how many more, so that a note left out is never silent.
    const QList<Diagnostic> &problems = m_session->vault().diagnostics();
    const auto error = std::find_if(problems.cbegin(), problems.cend(), [](const Diagnostic &problem) {
        return problem.severity == Diagnostic::Severity::Error;
    });
    if (error != problems.cend()) {
        m_bar->showMessage(MessageBar::Kind::Warning, error->message);
    } else if (!problems.isEmpty()) {
        const int more = int(problems.size()) - 1;
        m_bar->showMessage(
            MessageBar::Kind::Warning,
            more == 0
                ? problems.constFirst().message
                : tr("%1 (and %n more problems with the vault)", nullptr, more).arg(problems.constFirst().message));
    }
    updateTitle();
    if (m_tabs->currentIndex() == ReviewPage)
        m_review->focusQueue();
}

void MainWindow::updateTitle()
{
    const QString name = QFileInfo(m_session->root()).fileName();
    setWindowTitle(name.isEmpty() ? tr("Debrief") : tr("%1 — Debrief").arg(name));
}

void MainWindow::updateReviewTab(int remaining)
{
    m_tabs->setTabText(ReviewPage, remaining > 0 ? tr("&Review (%1)").arg(remaining) : tr("&Review"));
}

void MainWindow::showView(View view)
{
    m_tabs->setCurrentIndex(view);
    if (view == ReviewPage)
        m_review->focusQueue();
    else if (view == SearchPage)
        m_search->focusField();
    else if (view == MeetingsPage)
        m_meetings->setFocus();
    else
        m_tasks->setFocus();
}

void MainWindow::openMeeting(const QString &path, int line)
{
    showView(MeetingsPage);
    m_meetings->openNote(path, line);
}

void MainWindow::changeEvent(QEvent *event)
{
    QMainWindow::changeEvent(event);
    // Someone may have edited notes elsewhere while we were in the background.
    if (event->type() == QEvent::ActivationChange && isActiveWindow())
        m_session->rescan();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveLayout();
    event->accept();
}

void MainWindow::restoreLayout()
{
    QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    const QList<QSplitter *> splitters = findChildren<QSplitter *>();
    for (QSplitter *splitter : splitters) {
        if (!splitter->objectName().isEmpty())
            splitter->restoreState(settings.value(QStringLiteral("splitters/") + splitter->objectName()).toByteArray());
    }
}

void MainWindow::saveLayout() const
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    const QList<QSplitter *> splitters = findChildren<QSplitter *>();
    for (QSplitter *splitter : splitters) {
        if (!splitter->objectName().isEmpty())
            settings.setValue(QStringLiteral("splitters/") + splitter->objectName(), splitter->saveState());
    }
}

} // namespace debrief
