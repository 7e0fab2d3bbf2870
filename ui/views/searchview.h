#pragma once

#include "search/searchhit.h"

#include <QFutureWatcher>
#include <QTimer>
#include <QWidget>

class QLabel;
class QLineEdit;
class QToolButton;
class QTreeWidget;
class QTreeWidgetItem;

namespace debrief {

class SearchService;
class Session;

// Search across meetings: results as you type, grouped by meeting, matches highlighted.
// Enter or a click opens the meeting with the hit selected.
class SearchView final : public QWidget
{
    Q_OBJECT

public:
    SearchView(Session *session, SearchService *service, QWidget *parent = nullptr);

    static constexpr int debounceMsecs = 120;

    void focusField();
    void showHelp();
    QLineEdit *field() const { return m_field; }
    QTreeWidget *results() const { return m_results; }

    static QString helpText();

Q_SIGNALS:
    void openRequested(const QString &path, int line);
    void resultsShown(int hits);

private:
    void startSearch();
    void showResult(const SearchResult &result);
    void openItem(QTreeWidgetItem *item);
    QString highlighted(const SearchHit &hit) const;

    Session *m_session;
    SearchService *m_service;
    QLineEdit *m_field;
    QToolButton *m_help;
    QLabel *m_summary;
    QTreeWidget *m_results;
    QTimer m_debounce;
    QFutureWatcher<SearchResult> m_watcher;
    QString m_pending; // a query typed while another ran
    QString m_running;
};

} // namespace debrief
