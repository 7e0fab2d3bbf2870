// Parses 10,000 notes the way the vault does (QtConcurrent, two threads) and prints the time.
// The budget is 1.5 s for 10,000 notes like the seeds on two cores. Then checks that a chunk
// repeated to 512 KiB takes about four times as long as the same chunk to 128 KiB.
//
//   bench_noteparser [FILE...]   (default: the seeds, else the fixtures)

#include "noteparser.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QThreadPool>
#include <QtConcurrent>

#include <cstdio>
#include <limits>

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

// Best of five, in ms: the machine may be shared.
double parseTime(const QByteArray &input)
{
    qint64 best = std::numeric_limits<qint64>::max();
    for (int i = 0; i < 5; ++i) {
        QElapsedTimer timer;
        timer.start();
        NoteParser::parse(input, QStringLiteral("/vault/big.md"));
        best = qMin(best, timer.nsecsElapsed());
    }
    return best / 1e6;
}

QByteArray repeated(const QByteArray &chunk, qsizetype size)
{
    QByteArray result;
    result.reserve(size + chunk.size());
    while (result.size() + chunk.size() <= size)
        result.append(chunk);
    return result;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    NoteParser::registerMarkdownExtensions();

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
    std::printf("%d notes on 2 threads: %lld ms (budget 1500 ms); one thread: %.1f us per note; %lld tasks\n",
                total, static_cast<long long>(parallel), single, static_cast<long long>(count));

    const QByteArray chunk = "## Decisions\n- a [[Link]] `code` #tag and **bold**\n\n"
                             "- [?] Task @Ann Lee \xF0\x9F\x93\x85 2025-10-31 #task\n> quote [x] [[A|b]]\n\n"
                             "| a | b |\n|---|---|\n| c | d |\n\n```\n- [ ] no\n```\n";
    const double small = parseTime(repeated(chunk, 128 * 1024));
    const double large = parseTime(repeated(chunk, 512 * 1024));
    std::printf("repeated chunk: 128 KiB %.1f ms, 512 KiB %.1f ms (x%.1f for x4 input)\n", small, large,
                large / small);
    // Lines like a table's delimiter row, in one paragraph: quadratic in cmark-gfm's table
    // extension unless the parser leaves tables out.
    const QByteArray delimiters = "a |\n| --- | --- |\n";
    const double smallDelimiters = parseTime(repeated(delimiters, 128 * 1024));
    const double largeDelimiters = parseTime(repeated(delimiters, 512 * 1024));
    std::printf("delimiter rows: 128 KiB %.1f ms, 512 KiB %.1f ms (x%.1f for x4 input)\n", smallDelimiters,
                largeDelimiters, largeDelimiters / smallDelimiters);

    const bool fast = parallel <= 1500;
    const bool linear = large < small * 8 && largeDelimiters < smallDelimiters * 8;
    return fast && linear ? 0 : 2;
}
