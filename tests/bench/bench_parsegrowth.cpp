// Prints how the time to read one note grows with its size, for inputs made of one chunk
// repeated up to 512 KiB. Linear parsing shows a flat "us per KiB" column. Times are the
// thread's CPU time (median of --repeats), so other work on a shared machine matters less.
//   bench_parsegrowth [--max-kib 512] [--repeats 5] [--shape NAME]
// Under `valgrind --tool=callgrind` with one --shape, instruction counts for two --max-kib
// values tell linear work (x4.2 from 128 to 512 KiB, as the sizes add up) from quadratic (x16).
#include "base/memorytuning.h"
#include "parse/noteparser.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

#include <algorithm>
#include <ctime>

using namespace debrief;

namespace {

struct Shape
{
    const char *name;
    QByteArray chunk;
    QByteArray head; // written once before the repeated chunks
};

QList<Shape> shapes()
{
    const QByteArray frontmatter = "---\ntitle: Growth\ndate: 2026-01-05\n---\n";
    return {
        {"task lines", "- [?] Confirm the plan. @Ann Lee \xF0\x9F\x93\x85 2026-01-09 \xE2\x8F\xAB #task #proposed\n",
         frontmatter + "## Action Items\n"},
        {"mojibake task lines",
         "- [ ?] Send Ann\xE2\x80\x9A\xC3\x84\xC3\xB4s notes. @Ravi Patel \xEF\xA3\xBF\xC3\xBC\xC3\xAC\xC3\x96 "
         "2026-01-09 #task\n",
         frontmatter + "## Action Items\n"},
        {"loose bullets", "- One decision per bullet, with a [[Link]] in it.\n\n", frontmatter + "## Decisions\n"},
        {"paragraph words", "word ", frontmatter + "## Summary\n"},
        {"unclosed wikilinks", "[[a ", {}},
        {"nested brackets", "[", {}},
        {"backticks", "`a", {}},
        {"emphasis", "*a_", {}},
        {"nested list", "- a\n  - b\n    - [ ] c\n", {}},
        {"table rows", "| a | [[b]] | c |\n", "| h | i | j |\n|---|---|---|\n"},
        {"yaml nesting", "[", "---\nkey: "},
        {"mixed blocks",
         "## Decisions\n- a [[Link]] `code` #tag and **bold**\n\n"
         "- [?] Task @Ann Lee \xF0\x9F\x93\x85 2025-10-31 #task\n> quote [x] [[A|b]]\n\n"
         "| a | b |\n|---|---|\n| c | d |\n\n```\n- [ ] no\n```\n",
         {}},
        // Lines like a table's delimiter row in one paragraph: quadratic in cmark-gfm's table
        // extension unless the parser leaves tables out.
        {"delimiter rows", "a |\n| --- | --- |\n", {}},
    };
}

QByteArray build(const Shape &shape, qsizetype size)
{
    QByteArray bytes = shape.head;
    bytes.reserve(size + shape.chunk.size());
    while (bytes.size() < size)
        bytes += shape.chunk;
    bytes.truncate(size);
    return bytes;
}

double threadCpuMicroseconds()
{
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return double(now.tv_sec) * 1e6 + double(now.tv_nsec) / 1e3;
}

double medianMicroseconds(const QByteArray &bytes, int repeats)
{
    QList<double> times;
    for (int i = 0; i < repeats; ++i) {
        const double before = threadCpuMicroseconds();
        const Note note = NoteParser::parse(bytes, QStringLiteral("/bench/growth.md"));
        times.append(threadCpuMicroseconds() - before);
        if (note.lineCount < 0)
            return -1; // keeps the parse from being optimised away
    }
    std::sort(times.begin(), times.end());
    return times.at(times.size() / 2);
}

} // namespace

int main(int argc, char *argv[])
{
    debrief::tuneMemoryAllocator();
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({QStringLiteral("max-kib"), QStringLiteral("Largest input in KiB."), QStringLiteral("kib"),
                      QStringLiteral("512")});
    parser.addOption({QStringLiteral("repeats"), QStringLiteral("Runs per size (median)."), QStringLiteral("n"),
                      QStringLiteral("5")});
    parser.addOption(
        {QStringLiteral("shape"), QStringLiteral("Only shapes whose name contains this."), QStringLiteral("name")});
    parser.process(app);
    const QString only = parser.value(QStringLiteral("shape"));
    const int maxKib = std::max(16, parser.value(QStringLiteral("max-kib")).toInt());
    const int repeats = std::max(1, parser.value(QStringLiteral("repeats")).toInt());

    QTextStream out(stdout);
    out << QStringLiteral("%1 %2 %3 %4\n")
               .arg(QStringLiteral("shape"), -22)
               .arg(QStringLiteral("KiB"), 6)
               .arg(QStringLiteral("ms"), 10)
               .arg(QStringLiteral("us/KiB"), 8);
    for (const Shape &shape : shapes()) {
        if (!only.isEmpty() && !QString::fromLatin1(shape.name).contains(only))
            continue;
        double first = 0;
        double last = 0;
        for (int kib = 16; kib <= maxKib; kib *= 2) {
            const double us = medianMicroseconds(build(shape, qsizetype(kib) * 1024), repeats);
            if (kib == 16)
                first = us / kib;
            last = us / kib;
            out << QStringLiteral("%1 %2 %3 %4\n")
                       .arg(QString::fromLatin1(shape.name), -22)
                       .arg(kib, 6)
                       .arg(us / 1000.0, 10, 'f', 2)
                       .arg(us / kib, 8, 'f', 1);
        }
        // Linear growth keeps the per-KiB cost flat; a quadratic parse doubles it every row.
        out << QStringLiteral("%1 growth of us/KiB from 16 KiB to %2 KiB: x%3\n\n")
                   .arg(QString::fromLatin1(shape.name), -22)
                   .arg(maxKib)
                   .arg(last / first, 0, 'f', 2);
        out.flush();
    }
    return 0;
}
