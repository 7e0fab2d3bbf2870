// `debrief-gui [VAULT]`: the window. `debrief` starts it (see main.cpp); it can be run directly.
// With no VAULT, the last one; on first run, a copy of the sample.

#include "base/applicationidentity.h"
#include "base/memorytuning.h"
#include "session/appsettings.h"
#include "session/samplevault.h"
#include "views/mainwindow.h"
#include "views/startuptrace.h"
#include "views/theme.h"

#include <QApplication>
#include <QFileInfo>
#include <QIcon>

#include <cstdio>

int main(int argc, char *argv[])
{
    // Qt would abort with a message about xcb; say what is wrong and what still works.
    if (qEnvironmentVariableIsEmpty("DISPLAY") && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY")
        && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {
        std::fputs("debrief: no display to open a window on (DISPLAY and WAYLAND_DISPLAY are unset).\n"
                   "Commands work without one: see debrief --help.\n",
                   stderr);
        return 2;
    }
    debrief::tuneMemoryAllocator();

    QApplication app(argc, argv);
    debrief::describeApplication();
    QGuiApplication::setApplicationDisplayName(QStringLiteral("Debrief"));
    QGuiApplication::setDesktopFileName(QStringLiteral("io.debrief.Debrief"));
    QApplication::setWindowIcon(QIcon::fromTheme(QStringLiteral("io.debrief.Debrief")));
    debrief::Theme::applyFromEnvironment();

    const QStringList arguments = app.arguments().mid(1);
    QString vault = arguments.value(0);
    if (vault.isEmpty())
        vault = debrief::AppSettings::lastVault();
    if (vault.isEmpty() || !QFileInfo(vault).isDir())
        vault = debrief::SampleVault::writableCopy();

    debrief::MainWindow window;
    debrief::StartupTrace::attachIfAsked(&window);
    window.show();
    if (!vault.isEmpty())
        window.openVault(vault);
    return app.exec();
}
