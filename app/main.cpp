#include "appsettings.h"
#include "cli/commandline.h"
#include "memorytuning.h"
#include "mainwindow.h"
#include "noteparser.h"
#include "samplevault.h"
#include "theme.h"

#include <QApplication>
#include <QCoreApplication>
#include <QFileInfo>
#include <QIcon>
#include <QTextStream>

#include <cstdio>

namespace {

void describeApplication()
{
    QCoreApplication::setApplicationName(QStringLiteral("Debrief"));
    QCoreApplication::setOrganizationName(QStringLiteral("Debrief"));
    QCoreApplication::setOrganizationDomain(QStringLiteral("debrief.io"));
    QCoreApplication::setApplicationVersion(QStringLiteral(DEBRIEF_VERSION));
}

// `debrief COMMAND ...`: no display needed.
int runCommandLine(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    describeApplication();
    QTextStream out(stdout);
    QTextStream err(stderr);
    const int code = debrief::CommandLine::run(app.arguments().mid(1), out, err);
    out.flush();
    err.flush();
    return code;
}

// `debrief [VAULT]`: the window. With no VAULT, the last one; on first run, a copy of the sample.
int runWindow(int argc, char *argv[])
{
    QApplication app(argc, argv);
    describeApplication();
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
    window.show();
    if (!vault.isEmpty())
        window.openVault(vault);
    return app.exec();
}

} // namespace

int main(int argc, char *argv[])
{
    debrief::tuneMemoryAllocator();
    // Before any worker thread parses a note.
    debrief::NoteParser::registerMarkdownExtensions();

    // A command, or something that is neither a command nor a folder (a typo, an unknown option):
    // the command line answers, without a display. No argument or a folder opens the window.
    if (argc > 1) {
        const QString first = QString::fromLocal8Bit(argv[1]);
        if (debrief::CommandLine::isCommand(first) || first.startsWith(u'-') || !QFileInfo(first).isDir())
            return runCommandLine(argc, argv);
    }
    if (qEnvironmentVariableIsEmpty("DISPLAY") && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY")
        && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {
        std::fputs("debrief: no display to open a window on (DISPLAY and WAYLAND_DISPLAY are unset).\n"
                   "Commands work without one: see debrief --help.\n", stderr);
        return 2;
    }
    return runWindow(argc, argv);
}
