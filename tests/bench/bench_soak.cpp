// An edit loop against another program writing the same note, in each style real programs use:
// appending in place, writing a temporary file and renaming it over the note, rewriting it in
// place, and appending to a second hard link. Prints, per style, the outside lines written and
// lost, and the edits done, refused and lost. Bounded: about two seconds a style.
//
//   bench_soak [--edits N] [--style append|rename|rewrite|hardlink] [--folder DIR]
#include "edit/noteeditor.h"
#include "edit/notefile.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>

#include <csignal>
#include <cstdio>
#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace debrief;

namespace {

constexpr int headerLines = 4; // "# Soak", "", "## Action Items", then the items from line 4

QByteArray noteWith(int items)
{
    QByteArray bytes = "# Soak\n\n## Action Items\n";
    for (int i = 0; i < items; ++i)
        bytes += "- [ ] Item " + QByteArray::number(i) + "\n";
    bytes += "\n## Outside\n";
    return bytes;
}

QByteArray readAll(const char *path)
{
    QByteArray bytes;
    const int fd = ::open(path, O_RDONLY);
    if (fd < 0)
        return bytes;
    char buffer[65536];
    for (ssize_t n; (n = ::read(fd, buffer, sizeof buffer)) > 0;)
        bytes.append(buffer, n);
    ::close(fd);
    return bytes;
}

bool writeAll(int fd, const QByteArray &bytes)
{
    for (qsizetype done = 0; done < bytes.size();) {
        const ssize_t n = ::write(fd, bytes.constData() + done, size_t(bytes.size() - done));
        if (n <= 0)
            return false;
        done += n;
    }
    return true;
}

volatile std::sig_atomic_t stopWriting = 0;

// The other program: one line every 1-5 ms until told to stop, then reports through the pipe how
// many it wrote.
[[noreturn]] void outsideWriter(const QByteArray &style, const QByteArray &path, int report)
{
    std::signal(SIGTERM, [](int) { stopWriting = 1; });
    QRandomGenerator random(42);
    const QByteArray temp = path + ".outside-tmp";
    int written = 0;
    while (!stopWriting) {
        const QByteArray line = "- outside line " + QByteArray::number(written) + "\n";
        bool ok = false;
        if (style == "append" || style == "hardlink") {
            const int fd = ::open(path.constData(), O_WRONLY | O_APPEND);
            ok = fd >= 0 && writeAll(fd, line);
            if (fd >= 0)
                ::close(fd);
        } else if (style == "rename") {
            const QByteArray bytes = readAll(path.constData()) + line;
            const int fd = ::open(temp.constData(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
            ok =
                fd >= 0 && writeAll(fd, bytes) && ::close(fd) == 0 && ::rename(temp.constData(), path.constData()) == 0;
        } else if (style == "rewrite") {
            const QByteArray bytes = readAll(path.constData()) + line;
            const int fd = ::open(path.constData(), O_WRONLY | O_TRUNC);
            ok = fd >= 0 && writeAll(fd, bytes);
            if (fd >= 0)
                ::close(fd);
        }
        if (ok)
            ++written;
        ::usleep(1000 + random.bounded(4000));
    }
    const ssize_t sent = ::write(report, &written, sizeof written);
    ::_exit(sent == sizeof written ? 0 : 1);
}

struct Figures
{
    int outsideWritten = 0;
    int outsideLost = 0;
    int editsDone = 0;
    int editsRefused = 0;
    int editsLost = 0;
};

Figures soak(const QString &folder, const QByteArray &style, int edits)
{
    const QString path = folder + QStringLiteral("/soak-%1.md").arg(QString::fromLatin1(style));
    QFile::remove(path);
    {
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(noteWith(edits)) < 0)
            qFatal("cannot create %s", qPrintable(path));
    }
    const QString link = path + QStringLiteral(".link");
    QFile::remove(link);
    QByteArray writerPath = QFile::encodeName(path);
    if (style == "hardlink") {
        if (::link(QFile::encodeName(path).constData(), QFile::encodeName(link).constData()) != 0)
            qFatal("cannot link");
        writerPath = QFile::encodeName(link);
    }

    int pipeFds[2];
    if (::pipe(pipeFds) != 0)
        qFatal("pipe");
    const pid_t child = ::fork();
    if (child == 0) {
        ::close(pipeFds[0]);
        outsideWriter(style, writerPath, pipeFds[1]);
    }
    ::close(pipeFds[1]);

    Figures figures;
    QList<bool> claimed(edits, false);
    QRandomGenerator random(7);
    const QDate today(2026, 12, 4);
    for (int i = 0; i < edits; ++i) {
        const int line = headerLines + i;
        const FileStamp seen = NoteFile::read(path).stamp;
        const NoteFile::PatchResult result = NoteEditor::apply(
            path, {NoteEdit::setStatus(line, TaskEdit::StatusAction::Done, "- [ ] Item " + QByteArray::number(i))},
            seen, today);
        claimed[i] = result.ok();
        if (result.ok())
            ++figures.editsDone;
        else if (++figures.editsRefused <= 3 && qEnvironmentVariableIsSet("SOAK_VERBOSE"))
            std::fprintf(stderr, "refused: %s\n", qPrintable(result.error.message));
        ::usleep(500 + random.bounded(2000));
    }
    ::kill(child, SIGTERM);
    if (::read(pipeFds[0], &figures.outsideWritten, sizeof figures.outsideWritten) != sizeof figures.outsideWritten)
        figures.outsideWritten = -1;
    ::close(pipeFds[0]);
    ::waitpid(child, nullptr, 0);

    const QByteArray final = readAll(QFile::encodeName(path).constData());
    for (int n = 0; n < figures.outsideWritten; ++n) {
        if (!final.contains("- outside line " + QByteArray::number(n) + "\n"))
            ++figures.outsideLost;
    }
    // An edit is lost when it said it was done and its item is not ticked at the end.
    for (int i = 0; i < edits; ++i) {
        if (claimed.at(i) && final.contains("- [ ] Item " + QByteArray::number(i) + "\n"))
            ++figures.editsLost;
    }
    QFile::remove(path);
    QFile::remove(link);
    return figures;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption editsOption(QStringLiteral("edits"), QStringLiteral("Edits per style."),
                                         QStringLiteral("N"), QStringLiteral("600"));
    const QCommandLineOption styleOption(QStringLiteral("style"), QStringLiteral("One style only."),
                                         QStringLiteral("STYLE"));
    const QCommandLineOption folderOption(QStringLiteral("folder"),
                                          QStringLiteral("Where the note goes (default: a temporary folder)."),
                                          QStringLiteral("DIR"));
    parser.addOptions({editsOption, styleOption, folderOption});
    parser.process(app);

    QTemporaryDir temporary;
    const QString folder = parser.isSet(folderOption) ? parser.value(folderOption) : temporary.path();
    const int edits = parser.value(editsOption).toInt();
    QList<QByteArray> styles{"append", "rename", "rewrite", "hardlink"};
    if (parser.isSet(styleOption))
        styles = {parser.value(styleOption).toLatin1()};

    std::printf("%-9s %8s %8s %8s %8s %8s %8s\n", "style", "outside", "lost", "edits", "done", "refused", "lost");
    for (const QByteArray &style : styles) {
        QElapsedTimer timer;
        timer.start();
        const Figures f = soak(folder, style, edits);
        std::printf("%-9s %8d %8d %8d %8d %8d %8d   (%.1f s)\n", style.constData(), f.outsideWritten, f.outsideLost,
                    edits, f.editsDone, f.editsRefused, f.editsLost, timer.elapsed() / 1000.0);
        std::fflush(stdout);
    }
    return 0;
}
