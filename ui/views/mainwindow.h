#pragma once

#include <QMainWindow>

class QLabel;
class QMenu;
class QProgressBar;
class QTabWidget;

namespace debrief {

class MeetingsView;
class MessageBar;
class ReviewView;
class SearchService;
class SearchView;
class Session;
class TasksView;

// Debrief's window: Meetings (Ctrl+1), Review (Ctrl+2), Tasks (Ctrl+3), Search (Ctrl+F, Ctrl+K).
// It appears at once; the vault loads in the background with progress in the status bar.
class MainWindow final : public QMainWindow
{
    Q_OBJECT

public:
    enum View { MeetingsPage, ReviewPage, TasksPage, SearchPage };

    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    void openVault(const QString &path);
    void showView(View view);

    Session *session() const { return m_session; }
    MeetingsView *meetingsView() const { return m_meetings; }
    ReviewView *reviewView() const { return m_review; }
    TasksView *tasksView() const { return m_tasks; }
    SearchView *searchView() const { return m_search; }
    MessageBar *messageBar() const { return m_bar; }

protected:
    void closeEvent(QCloseEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void createMenus();
    void updateRecentMenu();
    void chooseFolder();
    void showSettings();
    void exportTasks(); // File › Export Tasks…: the Tasks tab's rows
    void showAbout();
    void loaded();
    void updateTitle();
    void updateReviewTab(int remaining);
    void openMeeting(const QString &path, int line);
    void restoreLayout();
    void saveLayout() const;

    Session *m_session;
    SearchService *m_searchService;
    QTabWidget *m_tabs;
    MeetingsView *m_meetings;
    ReviewView *m_review;
    TasksView *m_tasks;
    SearchView *m_search;
    MessageBar *m_bar;
    QProgressBar *m_progress;
    QLabel *m_status;
    QMenu *m_recentMenu = nullptr;
};

} // namespace debrief
