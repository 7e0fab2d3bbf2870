// The app as a user meets it: the real debrief-gui process started on a generated vault (default
// 10,000 notes), timed from the start of the process to the window painted and to ready (the
// vault loaded, every view filled, the search index answering), and its peak RSS as the kernel
// counts it. Once with an empty search cache (cold), then twice with the cache the first run left
// (warm). Prints JSON. Not a test: run it by hand, on a quiet machine:
//
//   bench_startup [--notes N] [--vault DIR]
//
// With no DISPLAY the app runs offscreen. The app's settings, cache and data go to a temporary
// folder, so the user's own are not touched.
#include "vaultgenerator.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTextStream>

#include <chrono>
#include <cstdio>
#include <cstdlib>

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace debrief;

namespace {

struct Run
{
    double windowMs = -1;
    double readyMs = -1;
    double exitMs = -1;
    double peakRssMiB = -1;
    int exitStatus = -1;
};

double msSince(std::chrono::steady_clock::time_point start)
{
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

Run startApp(const QByteArray &program, const QByteArray &vault, const QByteArray &home)
{
    int pipeFds[2];
    if (::pipe(pipeFds) != 0)
        qFatal("pipe");
    const auto start = std::chrono::steady_clock::now();
    const pid_t child = ::fork();
    if (child == 0) {
        ::close(pipeFds[0]);
        ::dup2(pipeFds[1], STDERR_FILENO);
        ::setenv("DEBRIEF_STARTUP_TRACE", "quit", 1);
        ::setenv("XDG_CACHE_HOME", (home + "/cache").constData(), 1);
        ::setenv("XDG_CONFIG_HOME", (home + "/config").constData(), 1);
        ::setenv("XDG_DATA_HOME", (home + "/data").constData(), 1);
        if (!::getenv("DISPLAY") && !::getenv("WAYLAND_DISPLAY"))
            ::setenv("QT_QPA_PLATFORM", "offscreen", 0);
        ::execl(program.constData(), program.constData(), vault.constData(), static_cast<char *>(nullptr));
        ::_exit(127);
    }
    ::close(pipeFds[1]);
    Run run;
    FILE *trace = ::fdopen(pipeFds[0], "r");
    char line[4096];
    while (trace && std::fgets(line, sizeof line, trace)) {
        const QByteArray text(line);
        if (text.contains("startup: window painted") && run.windowMs < 0)
            run.windowMs = msSince(start);
        else if (text.contains("startup: ready"))
            run.readyMs = msSince(start);
    }
    if (trace)
        std::fclose(trace);
    int status = 0;
    struct rusage usage = {};
    ::wait4(child, &status, 0, &usage);
    run.exitMs = msSince(start);
    run.peakRssMiB = double(usage.ru_maxrss) / 1024.0; // ru_maxrss is in KiB on Linux
    run.exitStatus = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    return run;
}

QJsonObject toJson(const Run &run)
{
    return QJsonObject{{QStringLiteral("window_ms"), qRound(run.windowMs)},
                       {QStringLiteral("ready_ms"), qRound(run.readyMs)},
                       {QStringLiteral("exit_ms"), qRound(run.exitMs)},
                       {QStringLiteral("peak_rss_mib"), qRound(run.peakRssMiB)},
                       {QStringLiteral("exit_status"), run.exitStatus}};
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList arguments = app.arguments();
    int count = 10000;
    if (const auto at = arguments.indexOf(QStringLiteral("--notes")); at > 0 && at + 1 < arguments.size())
        count = arguments.at(at + 1).toInt();
    QString vault;
    if (const auto at = arguments.indexOf(QStringLiteral("--vault")); at > 0 && at + 1 < arguments.size())
        vault = arguments.at(at + 1);

    QJsonObject figures;
    QTemporaryDir generatedDir;
    if (vault.isEmpty()) {
        vault = generatedDir.path();
        const bench::GeneratedVault generated = bench::VaultGenerator(42).generate(vault, count);
        figures.insert(QStringLiteral("notes"), generated.notes);
        figures.insert(QStringLiteral("bytes"), generated.bytes);
    }
    figures.insert(QStringLiteral("vault"), vault);

    QTemporaryDir home; // the app's cache, settings and data: cold at first, then warm
    const QByteArray program = DEBRIEF_GUI_PATH;
    const QByteArray vaultBytes = QFile::encodeName(vault);
    const QByteArray homeBytes = QFile::encodeName(home.path());
    const Run cold = startApp(program, vaultBytes, homeBytes);
    QJsonArray warm;
    for (int i = 0; i < 2; ++i)
        warm.append(toJson(startApp(program, vaultBytes, homeBytes)));
    figures.insert(QStringLiteral("cold"), toJson(cold));
    figures.insert(QStringLiteral("warm"), warm);
    QTextStream(stdout) << QJsonDocument(figures).toJson();
    return cold.exitStatus == 0 ? 0 : 1;
}
