#include "views/startuptrace.h"

#include "session/searchservice.h"
#include "session/session.h"
#include "views/mainwindow.h"

#include <QCoreApplication>
#include <QEvent>
#include <QTimer>

#include <cstdio>

namespace debrief {

StartupTrace *StartupTrace::attachIfAsked(MainWindow *window)
{
    if (!qEnvironmentVariableIsSet("DEBRIEF_STARTUP_TRACE"))
        return nullptr;
    return new StartupTrace(window, qgetenv("DEBRIEF_STARTUP_TRACE") == "quit");
}

StartupTrace::StartupTrace(MainWindow *window, bool quitWhenReady)
    : QObject(window)
    , m_window(window)
    , m_quitWhenReady(quitWhenReady)
{
    window->installEventFilter(this);
    connect(window->session(), &Session::loaded, this, [this] {
        m_loaded = true;
        // The views fill from the same signal; what they queued runs before this.
        QTimer::singleShot(0, this, &StartupTrace::checkReady);
    });
    if (auto *search = window->findChild<SearchService *>())
        connect(search, &SearchService::ready, this, &StartupTrace::checkReady);
}

bool StartupTrace::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_window && event->type() == QEvent::Paint && !m_painted) {
        m_painted = true;
        std::fputs("debrief-gui: startup: window painted\n", stderr);
        std::fflush(stderr);
    }
    return QObject::eventFilter(watched, event);
}

void StartupTrace::checkReady()
{
    const auto *search = m_window->findChild<SearchService *>();
    if (m_reported || !m_loaded || !search || !search->isReady())
        return;
    m_reported = true;
    std::fputs("debrief-gui: startup: ready\n", stderr);
    std::fflush(stderr);
    if (m_quitWhenReady)
        QCoreApplication::quit();
}

} // namespace debrief
