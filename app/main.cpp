// `debrief`: the command line, and the door to the window.
//
// Commands link Qt Core only, so a `debrief search` in a script does not pay for loading Qt
// Widgets and its graphics stack. The window is a second program, debrief-gui, beside this one; `debrief [VAULT]`
// replaces itself with it, so scripts, desktop files and process managers still see one `debrief` process.

#include "base/applicationidentity.h"
#include "base/memorytuning.h"
#include "cli/commandline.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QTextStream>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string>

#include <unistd.h>

namespace {

// `debrief COMMAND ...`: no display needed.
int runCommandLine(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    debrief::describeApplication();
    QTextStream out(stdout);
    QTextStream err(stderr);
    const int code = debrief::CommandLine::run(app.arguments().mid(1), out, err);
    out.flush();
    err.flush();
    return code;
}

// debrief-gui beside this program. Without /proc (a chroot, some sandboxes) argv[0] says where
// it is when it holds a '/'; a bare "debrief" came from PATH, and so must debrief-gui.
std::string windowProgram(const char *argv0)
{
    std::string self(4096, '\0');
    const ssize_t length = readlink("/proc/self/exe", self.data(), self.size() - 1);
    if (length > 0)
        self.resize(size_t(length));
    else
        self = argv0 ? argv0 : "";
    const size_t slash = self.rfind('/');
    return slash == std::string::npos ? std::string("debrief-gui") : self.substr(0, slash) + "/debrief-gui";
}

// `debrief [VAULT]`: the window, in debrief-gui. argv[0] is kept, so the window's class and the
// name in `ps` stay "debrief".
int runWindow(char *argv[])
{
    const std::string gui = windowProgram(argv[0]);
    if (gui.find('/') == std::string::npos)
        execvp(gui.c_str(), argv); // never "./debrief-gui": the current folder is not ours
    else
        execv(gui.c_str(), argv);
    std::fprintf(stderr, "debrief: cannot start the window program %s: %s\n", gui.c_str(), std::strerror(errno));
    return 2;
}

} // namespace

int main(int argc, char *argv[])
{
    // A command, or something that is neither a command nor a folder (a typo, an unknown option):
    // the command line answers, without a display. No argument or a folder opens the window.
    if (argc > 1) {
        const QString first = QString::fromLocal8Bit(argv[1]);
        if (debrief::CommandLine::isCommand(first) || first.startsWith(u'-') || !QFileInfo(first).isDir()) {
            debrief::tuneMemoryAllocator();
            return runCommandLine(argc, argv);
        }
    }
    return runWindow(argv);
}
