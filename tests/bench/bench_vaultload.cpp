// Generates a vault of N notes shaped like real meeting notes (or takes --vault) and prints
// what loading it costs, as JSON: finding the files, the whole Vault::load (read, parse on every
// core, resolve links), and the process's peak memory.
//   bench_vaultload [--notes 10000] [--vault DIR | --generate-into DIR] [--runs 3]
#include "base/memorytuning.h"
#include "vault/vault.h"
#include "vaultgenerator.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QThreadPool>

#include <algorithm>
#include <cstdio>

using namespace debrief;

namespace {

// Peak resident set size in KiB, from the kernel's own account.
qint64 peakRssKib()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

} // namespace

int main(int argc, char *argv[])
{
    debrief::tuneMemoryAllocator();
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Vault load benchmark"));
    parser.addHelpOption();
    parser.addOption(
        {QStringLiteral("notes"), QStringLiteral("Notes to generate."), QStringLiteral("n"), QStringLiteral("10000")});
    parser.addOption({QStringLiteral("vault"), QStringLiteral("Load this folder instead of generating one."),
                      QStringLiteral("dir")});
    parser.addOption({QStringLiteral("generate-into"), QStringLiteral("Generate into this (empty) folder and keep it."),
                      QStringLiteral("dir")});
    parser.addOption({QStringLiteral("runs"), QStringLiteral("Loads to time (the best is reported too)."),
                      QStringLiteral("n"), QStringLiteral("3")});
    parser.process(app);

    QTemporaryDir scratch;
    QString root = parser.value(QStringLiteral("vault"));
    qint64 bytes = 0;
    if (root.isEmpty()) {
        if (!scratch.isValid()) {
            std::fprintf(stderr, "cannot create a temporary folder\n");
            return 1;
        }
        root = parser.isSet(QStringLiteral("generate-into")) ? parser.value(QStringLiteral("generate-into"))
                                                             : scratch.path();
        QElapsedTimer timer;
        timer.start();
        const bench::GeneratedVault generated =
            bench::generateVault(root, std::max(1, parser.value(QStringLiteral("notes")).toInt()), 42);
        bytes = generated.bytes;
        std::fprintf(stderr, "generated %d notes (%lld bytes) in %lld ms\n", generated.notes,
                     static_cast<long long>(generated.bytes), static_cast<long long>(timer.elapsed()));
    }

    QElapsedTimer timer;
    timer.start();
    const QStringList files = Vault::findNotes(root);
    const qint64 findMs = timer.elapsed();

    QJsonArray loads;
    qint64 best = -1;
    qsizetype notes = 0;
    qsizetype items = 0;
    const int runs = std::max(1, parser.value(QStringLiteral("runs")).toInt());
    for (int run = 0; run < runs; ++run) {
        timer.restart();
        const Vault vault = Vault::load(root);
        const qint64 ms = timer.elapsed();
        loads.append(ms);
        best = best < 0 ? ms : std::min(best, ms);
        notes = vault.notes().size();
        items = 0;
        for (const Note &note : vault.notes())
            items += note.actionItems.size();
        if (bytes == 0) {
            for (const Note &note : vault.notes())
                bytes += std::max<qint64>(0, note.stamp.size);
        }
    }

    const QJsonObject result{
        {QStringLiteral("notes"), qint64(notes)},
        {QStringLiteral("bytes"), bytes},
        {QStringLiteral("action_items"), qint64(items)},
        {QStringLiteral("threads"), QThreadPool::globalInstance()->maxThreadCount()},
        {QStringLiteral("find_ms"), findMs},
        {QStringLiteral("files_found"), qint64(files.size())},
        {QStringLiteral("load_ms"), loads},
        {QStringLiteral("load_best_ms"), best},
        {QStringLiteral("peak_rss_mib"), double(peakRssKib()) / 1024.0},
    };
    std::printf("%s", QJsonDocument(result).toJson(QJsonDocument::Indented).constData());
    return 0;
}
