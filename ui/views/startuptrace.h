#pragma once

#include <QObject>

namespace debrief {

class MainWindow;

// For benchmarks that start the real app as a user does (tests/bench/bench_startup): with
// DEBRIEF_STARTUP_TRACE set, prints one line to stderr when the window first paints and one
// when the vault is loaded, every view filled and the search index answers; with the value
// `quit`, the app then quits, so the caller can read its peak RSS when it exits.
class StartupTrace final : public QObject
{
    Q_OBJECT

public:
    // Null when the variable is not set: nothing is watched.
    static StartupTrace *attachIfAsked(MainWindow *window);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    StartupTrace(MainWindow *window, bool quitWhenReady);
    void checkReady();

    MainWindow *m_window;
    bool m_quitWhenReady;
    bool m_painted = false;
    bool m_loaded = false;
    bool m_reported = false;
};

} // namespace debrief
