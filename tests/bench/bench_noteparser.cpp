// Parses 10,000 notes the way the vault does (QtConcurrent, two threads) and prints the time.
// The budget is 1.5 s for 10,000 notes like the seeds on two cores. How parse time grows with
// a note's size is bench_parsegrowth's job.
//
//   bench_noteparser [FILE...]   (default: the seeds, else the fixtures)

#include "base/memorytuning.h"
#include "parse/noteparser.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QThreadPool>
#include <QtConcurrent>

#include <cstdio>

using namespace debrief;

namespace {

QList<QByteArray> readNotes(const QStringList &paths)
{
    QList<QByteArray> notes;
    for (const QString &path : paths) {
        QFile file(path);
        if (file.open(QIODevice::ReadOnly))
            notes.append(file.readAll());
    }
    return notes;
}

QStringList filesIn(const QString &folder)
{
    QStringList paths;
    const QDir dir(folder);
    for (const QString &name : dir.entryList(QDir::Files))
        paths.append(dir.filePath(name));
    return paths;
}

} // namespace

int main(int argc, char *argv[])
{
    debrief::tuneMemoryAllocator();
    QCoreApplication app(argc, argv);

    QStringList paths = app.arguments().mid(1);
    if (paths.isEmpty())
        paths = filesIn(qEnvironmentVariable("DEBRIEF_SEEDS", QStringLiteral(DEBRIEF_SEEDS_DIR)));
    if (paths.isEmpty())
        paths = filesIn(QStringLiteral(DEBRIEF_FIXTURES_DIR "/notes"));
    const QList<QByteArray> sources = readNotes(paths);
    if (sources.isEmpty()) {
        std::fprintf(stderr, "no notes to parse\n");
        return 1;
    }

    constexpr int total = 10000;
    QList<QByteArray> notes;
    notes.reserve(total);
    for (int i = 0; i < total; ++i)
        notes.append(sources.at(i % sources.size()));

    QThreadPool::globalInstance()->setMaxThreadCount(2);
    QElapsedTimer timer;
    timer.start();
    const QList<int> tasks = QtConcurrent::blockingMapped(notes, [](const QByteArray &bytes) {
        return int(NoteParser::parse(bytes, QStringLiteral("/vault/note.md")).actionItems.size());
    });
    const qint64 parallel = timer.elapsed();

    timer.restart();
    for (int i = 0; i < 1000; ++i)
        NoteParser::parse(notes.at(i), QStringLiteral("/vault/note.md"));
    const double single = timer.nsecsElapsed() / 1000.0 / 1000;

    qsizetype count = 0;
    for (const int n : tasks)
        count += n;
    std::printf("%d notes on 2 threads: %lld ms (budget 1500 ms); one thread: %.1f us per note; %lld tasks\n", total,
                static_cast<long long>(parallel), single, static_cast<long long>(count));

    const bool fast = parallel <= 1500;
    return fast ? 0 : 2;
}
