// Figures for issue 4: cold and warm open, query latency, peak memory, and the `debrief search`
// process against ripgrep on the same words. Prints one JSON object.
//
//   bench_search [--notes 10000] [--seed 1] [--vault DIR] [--debrief PATH] [--runs 30]
//                [--generate-only 1] [--cache DIR] [--queries-only 1] [--query Q]

#include "base/memorytuning.h"
#include "vaultgenerator.h"

#include "search/searchindex.h"
#include "vault/vault.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextStream>
#include <QtConcurrent/QtConcurrentMap>

#include <algorithm>
#include <cstdio>
#include <ctime>

using namespace debrief;

namespace {

double percentile(std::vector<double> values, double p)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    return values[std::min(values.size() - 1, size_t(p * double(values.size() - 1) + 0.5))];
}

qint64 peakRssKiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').constFirst().toLongLong();
    }
    return -1;
}

// Median wall time of a process, in ms.
double processMs(const QString &program, const QStringList &arguments, int runs,
                 const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment())
{
    std::vector<double> times;
    for (int i = 0; i < runs; ++i) {
        QProcess process;
        process.setProcessEnvironment(environment);
        process.setStandardOutputFile(QProcess::nullDevice());
        QElapsedTimer timer;
        timer.start();
        process.start(program, arguments);
        process.waitForFinished(120000);
        times.push_back(double(timer.nsecsElapsed()) / 1e6);
    }
    return percentile(times, 0.5);
}

// CPU time of this thread: a query's cost even when other processes share the cores.
double threadCpuMs()
{
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return double(now.tv_sec) * 1e3 + double(now.tv_nsec) / 1e6;
}

double ms(const QElapsedTimer &timer)
{
    return double(timer.nsecsElapsed()) / 1e6;
}

QByteArray loadAverage()
{
    QFile file(QStringLiteral("/proc/loadavg"));
    return file.open(QIODevice::ReadOnly) ? file.readAll().trimmed() : QByteArray();
}

qint64 vaultBytes(const QString &root)
{
    qint64 total = 0;
    for (const VaultScan::File &file : VaultScan::stampNotes(root))
        total += file.size;
    return total;
}

} // namespace

int main(int argc, char *argv[])
{
    debrief::tuneMemoryAllocator();
    QCoreApplication app(argc, argv);
    int notes = 10000;
    quint64 seed = 1;
    int runs = 30;
    QString vault;
    QString debrief = QCoreApplication::applicationDirPath() + QStringLiteral("/../../app/debrief");
    const QStringList args = app.arguments();
    for (qsizetype i = 1; i + 1 < args.size(); i += 2) {
        if (args[i] == u"--notes")
            notes = args[i + 1].toInt();
        else if (args[i] == u"--seed")
            seed = args[i + 1].toULongLong();
        else if (args[i] == u"--vault")
            vault = args[i + 1];
        else if (args[i] == u"--debrief")
            debrief = args[i + 1];
        else if (args[i] == u"--runs")
            runs = args[i + 1].toInt();
    }

    QTemporaryDir work;
    bench::VaultGenerator generator(seed);
    // No --vault: a generated one, thrown away after. --vault to a folder not there yet: kept.
    if (vault.isEmpty())
        vault = work.filePath(QStringLiteral("vault"));
    if (!QFileInfo::exists(vault))
        generator.generate(vault, notes);
    if (args.contains(QStringLiteral("--generate-only")))
        return 0;
    const QList<VaultScan::File> files = VaultScan::stampNotes(vault);
    const qint64 bytes = vaultBytes(vault);

    // What parsing alone costs (Vault::readNote on every file, in parallel): the floor of a cold open.
    QElapsedTimer parseTimer;
    parseTimer.start();
    QStringList paths;
    for (const VaultScan::File &file : files)
        paths.append(vault + u'/' + QString::fromUtf8(file.relativePath));
    if (!args.contains(QStringLiteral("--queries-only")))
        QtConcurrent::blockingMap(paths, [](const QString &path) { Vault::readNote(path); });
    const double parseMs = ms(parseTimer);

    SearchIndex::Options options;
    options.cacheDirectory = work.filePath(QStringLiteral("cache"));
    // --cache DIR keeps the cache between runs (then "cold" is warm unless DIR is new).
    if (const qsizetype at = args.indexOf(QStringLiteral("--cache")); at > 0 && at + 1 < args.size())
        options.cacheDirectory = args[at + 1];
    QElapsedTimer timer;
    double coldMs = 0;
    {
        timer.start();
        SearchIndex cold(vault, options);
        cold.open();
        coldMs = ms(timer);
    }
    const qint64 cacheBytes =
        QFileInfo(SearchIndex::cacheFilePath(SearchIndex(vault, options).root(), options.cacheDirectory)).size();
    timer.start();
    SearchIndex warm(vault, options);
    warm.open();
    const double warmMs = ms(timer);

    // The fixed mix. Words come from the generator's ranks: 0-9 are very common, 15000+ rare.
    const QString rare = generator.wordAt(15000);
    const QString common = generator.wordAt(11); // "team"
    const QString prefixWord = generator.wordAt(200);
    const QString prefix = prefixWord.left(4);
    QStringList mix{
        rare,
        common,
        QStringLiteral("\"review moves to next week\""),
        prefix + u'*',
        QStringLiteral("owner:\"Ann Lee\" status:open"),
        QStringLiteral("due:>=2024-06-01 due:<2024-07-01"),
    };
    // --query Q measures one query of your own instead of the mix.
    if (const qsizetype at = args.indexOf(QStringLiteral("--query")); at > 0 && at + 1 < args.size())
        mix = QStringList{args[at + 1]};
    QJsonObject perQuery;
    std::vector<double> all;
    std::vector<double> allCpu;
    for (const QString &query : mix) {
        std::vector<double> times;
        std::vector<double> cpu;
        qsizetype hits = 0;
        for (int i = 0; i < runs; ++i) {
            const double cpuStart = threadCpuMs();
            timer.start();
            const SearchResult result = warm.search(query, 50);
            times.push_back(ms(timer));
            cpu.push_back(threadCpuMs() - cpuStart);
            hits = result.total;
        }
        all.insert(all.end(), times.begin(), times.end());
        allCpu.insert(allCpu.end(), cpu.begin(), cpu.end());
        perQuery.insert(query,
                        QJsonObject{{QStringLiteral("p50_ms"), percentile(times, 0.5)},
                                    {QStringLiteral("p95_ms"), percentile(times, 0.95)},
                                    {QStringLiteral("cpu_p95_ms"), percentile(cpu, 0.95)},
                                    {QStringLiteral("hits"), double(hits)}});
    }
    const qint64 rss = peakRssKiB();

    // The same words through ripgrep and through a `debrief search` process with a warm cache.
    if (args.contains(QStringLiteral("--queries-only"))) {
        std::fputs(QJsonDocument(perQuery).toJson(QJsonDocument::Indented).constData(), stdout);
        return 0;
    }
    // The app's cold open: it has parsed the vault already (Vault::load) and hands the notes
    // over, so the index only tokenizes and writes. Measured after the peak memory above, which
    // the loaded vault would distort.
    double vaultLoadMs = 0;
    double fromParsedMs = 0;
    {
        timer.start();
        const Vault loaded = Vault::load(vault);
        vaultLoadMs = ms(timer);
        SearchIndex::Options fresh = options;
        fresh.cacheDirectory = work.filePath(QStringLiteral("cache-from-parsed"));
        timer.start();
        SearchIndex fromParsed(vault, fresh);
        fromParsed.open(loaded.notes());
        fromParsedMs = ms(timer);
    }

    QJsonObject processes;
    const QString rg = QStandardPaths::findExecutable(QStringLiteral("rg"));
    const bool haveDebrief = QFileInfo(debrief).isExecutable();
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("XDG_CACHE_HOME"), work.filePath(QStringLiteral("xdg-cache")));
    const int processRuns = 7;
    double rgTotal = 0;
    double debriefTotal = 0;
    const QList<std::pair<QString, QStringList>> rgQueries{
        {rare, {QStringLiteral("-i"), QStringLiteral("-w"), rare}},
        {common, {QStringLiteral("-i"), QStringLiteral("-w"), common}},
        {QStringLiteral("\"review moves to next week\""),
         {QStringLiteral("-i"), QStringLiteral("-F"), QStringLiteral("review moves to next week")}},
        {prefix + u'*', {QStringLiteral("-i"), QStringLiteral("\\b") + prefix}},
    };
    if (haveDebrief) // build the CLI's own cache once
        processMs(debrief, {QStringLiteral("search"), vault, rare}, 1, environment);
    for (const auto &[query, rgArguments] : rgQueries) {
        QJsonObject entry;
        if (!rg.isEmpty()) {
            const double t =
                processMs(rg, QStringList{QStringLiteral("-l")} + rgArguments + QStringList{vault}, processRuns);
            entry.insert(QStringLiteral("rg_ms"), t);
            rgTotal += t;
        }
        if (haveDebrief) {
            const double t = processMs(debrief, {QStringLiteral("search"), vault, query}, processRuns, environment);
            entry.insert(QStringLiteral("debrief_ms"), t);
            debriefTotal += t;
        }
        processes.insert(query, entry);
    }

    QJsonObject report{
        {QStringLiteral("notes"), double(files.size())},
        {QStringLiteral("bytes"), double(bytes)},
        {QStringLiteral("cache_bytes"), double(cacheBytes)},
        {QStringLiteral("parse_only_ms"), parseMs},
        {QStringLiteral("cold_open_ms"), coldMs},
        {QStringLiteral("warm_open_ms"), warmMs},
        {QStringLiteral("vault_load_ms"), vaultLoadMs},
        {QStringLiteral("cold_open_from_parsed_ms"), fromParsedMs},
        {QStringLiteral("query_p50_ms"), percentile(all, 0.5)},
        {QStringLiteral("query_p95_ms"), percentile(all, 0.95)},
        {QStringLiteral("query_cpu_p95_ms"), percentile(allCpu, 0.95)},
        {QStringLiteral("load_average"), QString::fromLatin1(loadAverage())},
        {QStringLiteral("queries"), perQuery},
        {QStringLiteral("peak_rss_bytes"), double(rss * 1024)},
        {QStringLiteral("rss_over_vault"), bytes ? double(rss * 1024) / double(bytes) : 0.0},
        {QStringLiteral("processes"), processes},
        {QStringLiteral("rg_total_ms"), rgTotal},
        {QStringLiteral("debrief_search_total_ms"), debriefTotal},
        {QStringLiteral("debrief_over_rg"), rgTotal > 0 ? debriefTotal / rgTotal : 0.0},
    };
    std::fputs(QJsonDocument(report).toJson(QJsonDocument::Indented).constData(), stdout);
    return 0;
}
