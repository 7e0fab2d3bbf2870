#include "search/searchindex.h"

#include "note/note.h"
#include "search/searchengine.h"
#include "vault/vault.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>
#include <QTemporaryFile>
#include <QtConcurrent/QtConcurrentMap>

#include <algorithm>
#include <cstdio>
#include <deque>

namespace debrief {

namespace {

constexpr qsizetype batchSize = 256;
constexpr size_t batchesInFlight = 2;

QString canonicalRoot(const QString &root)
{
    const QString canonical = QFileInfo(root).canonicalFilePath();
    return canonical.isEmpty() ? QDir::cleanPath(QDir(root).absolutePath()) : canonical;
}

} // namespace

SearchIndex::SearchIndex(const QString &vaultRoot)
    : SearchIndex(vaultRoot, Options())
{
}

SearchIndex::SearchIndex(const QString &vaultRoot, const Options &options)
    : m_root(canonicalRoot(vaultRoot))
    , m_lexicalRoot(QDir::cleanPath(QDir(vaultRoot).absolutePath()))
    , m_options(options)
{
    if (m_options.useCache)
        m_cacheFile = cacheFilePath(m_root, m_options.cacheDirectory);
}

SearchIndex::~SearchIndex() = default;

QString SearchIndex::cacheFilePath(const QString &canonicalRoot, const QString &cacheDirectory)
{
    QString directory = cacheDirectory;
    if (directory.isEmpty())
        directory = QStandardPaths::writableLocation(QStandardPaths::CacheLocation) + QStringLiteral("/search");
    const QByteArray key =
        QCryptographicHash::hash(canonicalRoot.toUtf8(), QCryptographicHash::Sha256).toHex().left(24);
    return directory + u'/' + QString::fromLatin1(key) + QStringLiteral(".idx");
}

QString SearchIndex::identity() const
{
    // The vault, and the program that parsed its notes: another version may parse differently.
    return m_root + QStringLiteral("\ndebrief " DEBRIEF_VERSION);
}

int SearchIndex::noteCount() const
{
    int count = m_base ? int(std::count(m_removed.begin(), m_removed.end(), false)) : 0;
    return count + int(m_delta.size());
}

bool SearchIndex::open(const Progress &progress)
{
    m_stats = OpenStats();
    m_base.reset();
    m_delta.clear();
    m_deltaSegment.reset();
    if (m_options.useCache) {
        m_base = Segment::fromFile(m_cacheFile, identity(), &m_stats.cacheProblem);
        m_stats.fromCache = m_base != nullptr;
    } else {
        m_stats.cacheProblem = QStringLiteral("not used");
    }
    if (m_base)
        m_removed.assign(m_base->noteCount(), false);
    return refresh(progress);
}

bool SearchIndex::open(const QList<Note> &parsed, const Progress &progress)
{
    m_parsed.clear();
    m_parsed.reserve(parsed.size());
    for (const Note &note : parsed) {
        for (const QString &root : {m_root, m_lexicalRoot}) {
            if (note.path.size() > root.size() + 1 && note.path.startsWith(root) && note.path.at(root.size()) == u'/') {
                m_parsed.insert(QStringView(note.path).sliced(root.size() + 1).toUtf8(), &note);
                break;
            }
        }
    }
    const bool ok = open(progress);
    m_parsed.clear(); // the caller's notes may go away after this
    return ok;
}

NoteRecord SearchIndex::readRecord(const VaultScan::File &file) const
{
    if (const auto found = m_parsed.constFind(file.relativePath); found != m_parsed.cend()) {
        const Note &note = **found;
        if (note.stamp.size == file.size && note.stamp.modifiedMsecs == file.modifiedMsecs)
            return NoteRecord::fromNote(note, file.relativePath, file.size, file.modifiedMsecs);
    }
    const Note note = Vault::readNote(m_root + u'/' + QString::fromUtf8(file.relativePath));
    NoteRecord record = NoteRecord::fromNote(note, file.relativePath, file.size, file.modifiedMsecs);
    // Changed between the scan and the read: keep what was read, but make the next open read it again.
    if (note.stamp.size != file.size || note.stamp.modifiedMsecs != file.modifiedMsecs)
        record.size = -1;
    return record;
}

bool SearchIndex::rebuild(const Progress &progress)
{
    bool ok = false;
    m_stats.unspellable.clear();
    const QList<VaultScan::File> files = VaultScan::stampNotes(m_root, &ok, &m_stats.unspellable);
    if (!ok)
        return false;
    return buildFromScratch(files, progress);
}

QList<NoteRecord> SearchIndex::readFiles(const QList<VaultScan::File> &files) const
{
    return QtConcurrent::blockingMapped(files, [this](const VaultScan::File &file) { return readRecord(file); });
}

bool SearchIndex::buildFromScratch(const QList<VaultScan::File> &files, const Progress &progress)
{
    m_stats.reread = int(files.size());
    m_stats.notes = int(files.size());
    m_delta.clear();
    m_deltaSegment.reset();
    return writeBase([&](SegmentBuilder &builder) {
        // Worker threads read, parse and tokenize the next batches while this thread adds the
        // oldest. Several batches in flight, so the workers never wait for this thread.
        // Shared pointers: a future copies its results out, and a prepared note is large.
        auto prepare = [this](const VaultScan::File &file) {
            return std::make_shared<const SegmentBuilder::Prepared>(SegmentBuilder::prepare(readRecord(file)));
        };
        using Batch = QFuture<std::shared_ptr<const SegmentBuilder::Prepared>>;
        std::deque<Batch> pending;
        qsizetype start = 0;
        while (start < files.size() || !pending.empty()) {
            if (m_options.cancelled && m_options.cancelled->load()) {
                // Quitting: skip the notes not started; no half-built cache file is kept.
                for (Batch &batch : pending)
                    batch.cancel();
                for (Batch &batch : pending)
                    batch.waitForFinished();
                return false;
            }
            while (start < files.size() && pending.size() < batchesInFlight) {
                pending.push_back(QtConcurrent::mapped(files.mid(start, batchSize), prepare));
                start += batchSize;
            }
            Batch oldest = std::move(pending.front());
            pending.pop_front();
            oldest.waitForFinished();
            for (int i = 0; i < oldest.resultCount(); ++i)
                builder.add(*oldest.resultAt(i));
            if (progress)
                progress(int(builder.noteCount()), int(files.size()));
        }
        return true;
    });
}

bool SearchIndex::writeBase(const std::function<bool(SegmentBuilder &)> &fill)
{
    std::unique_ptr<Segment> segment;
    // A temporary file renamed over the cache: readers never see half a file, and no fsync
    // (QSaveFile's) is paid for a file that is only a cache.
    const QFileInfo cacheInfo(m_cacheFile);
    if (m_options.useCache && cacheInfo.exists() && !cacheInfo.isFile()) {
        m_stats.cacheWarning = QStringLiteral("the search cache %1 is not a file; searching without it")
                                   .arg(QDir::toNativeSeparators(m_cacheFile));
    } else if (m_options.useCache && QDir().mkpath(cacheInfo.absolutePath())) {
        QTemporaryFile file(m_cacheFile + QStringLiteral(".XXXXXX"));
        if (file.open()) {
            SegmentBuilder builder(identity(), &file);
            bool ok = fill(builder) && builder.finish();
            file.close();
            if (ok) {
                ok = std::rename(QFile::encodeName(file.fileName()).constData(),
                                 QFile::encodeName(m_cacheFile).constData())
                    == 0;
                file.setAutoRemove(!ok);
            }
            if (ok)
                segment = Segment::fromFile(m_cacheFile, identity());
            if (!segment)
                return false; // what `fill` read is spent: the caller rebuilds
        }
    }
    if (!segment) { // no cache folder, or not writable: the index still works, in memory
        QByteArray bytes;
        QBuffer buffer(&bytes);
        buffer.open(QIODevice::WriteOnly);
        SegmentBuilder builder(identity(), &buffer);
        if (!fill(builder) || !builder.finish())
            return false;
        buffer.close();
        segment = Segment::fromBytes(std::move(bytes), identity());
    }
    m_base = std::move(segment);
    m_removed.assign(m_base ? m_base->noteCount() : 0, false);
    return m_base != nullptr;
}

bool SearchIndex::refresh(const Progress &progress)
{
    bool ok = false;
    m_stats.unspellable.clear();
    const QList<VaultScan::File> files = VaultScan::stampNotes(m_root, &ok, &m_stats.unspellable);
    if (!ok)
        return false;
    if (!m_base)
        return buildFromScratch(files, progress);

    // Both lists are sorted bytewise by path: one pass finds what changed.
    QList<VaultScan::File> changed;
    std::map<QByteArray, NoteRecord> delta;
    quint32 n = 0;
    const quint32 count = m_base->noteCount();
    for (const VaultScan::File &file : files) {
        while (n < count && m_base->notePath(n) < QByteArrayView(file.relativePath)) {
            if (!m_removed[n]) {
                m_removed[n] = true;
                ++m_stats.removed;
            }
            ++n;
        }
        const auto pending = m_delta.find(file.relativePath);
        if (pending != m_delta.end()) {
            if (pending->second.size == file.size && pending->second.modifiedMsecs == file.modifiedMsecs)
                delta.insert(*pending);
            else
                changed.append(file);
            if (n < count && m_base->notePath(n) == QByteArrayView(file.relativePath))
                ++n;
            continue;
        }
        if (n < count && m_base->notePath(n) == QByteArrayView(file.relativePath)) {
            const indexformat::NoteEntry entry = m_base->note(n);
            if (!m_removed[n] && (entry.size != file.size || entry.modifiedMsecs != file.modifiedMsecs)) {
                m_removed[n] = true;
                changed.append(file);
            }
            ++n;
        } else {
            changed.append(file);
        }
    }
    for (; n < count; ++n) {
        if (!m_removed[n]) {
            m_removed[n] = true;
            ++m_stats.removed;
        }
    }
    const bool deltaShrank = delta.size() != m_delta.size();
    m_delta = std::move(delta);

    m_stats.reread = int(changed.size());
    if (!changed.isEmpty()) {
        const QList<NoteRecord> records = readFiles(changed);
        for (const NoteRecord &record : records)
            m_delta[record.relativePath] = record;
        if (progress)
            progress(int(records.size()), int(records.size()));
    }
    m_stats.notes = noteCount();
    if (!changed.isEmpty() || m_stats.removed > 0 || deltaShrank) {
        rebuildDelta();
        return save();
    }
    return true;
}

void SearchIndex::markRemoved(const QByteArray &relativePath)
{
    if (!m_base)
        return;
    quint32 low = 0;
    quint32 high = m_base->noteCount();
    while (low < high) {
        const quint32 middle = low + (high - low) / 2;
        if (m_base->notePath(middle) < QByteArrayView(relativePath))
            low = middle + 1;
        else
            high = middle;
    }
    if (low < m_base->noteCount() && m_base->notePath(low) == QByteArrayView(relativePath))
        m_removed[low] = true;
}

QByteArray SearchIndex::relativePath(const QString &path) const
{
    QString absolute = QDir::cleanPath(QFileInfo(path).absoluteFilePath());
    const QString canonical = QFileInfo(absolute).canonicalFilePath();
    // The note may be gone already (removeNote): then its folder is canonicalised.
    if (!canonical.isEmpty())
        absolute = canonical;
    else {
        const QString folder = QFileInfo(QFileInfo(absolute).absolutePath()).canonicalFilePath();
        if (!folder.isEmpty())
            absolute = folder + u'/' + QFileInfo(absolute).fileName();
    }
    return QDir(m_root).relativeFilePath(absolute).toUtf8();
}

void SearchIndex::updateNote(const Note &note)
{
    const QByteArray relative = relativePath(note.path);
    if (relative.startsWith("../"))
        return; // not in this vault
    markRemoved(relative);
    m_delta[relative] = NoteRecord::fromNote(note, relative, note.stamp.size, note.stamp.modifiedMsecs);
    rebuildDelta();
}

void SearchIndex::removeNote(const QString &path)
{
    const QByteArray relative = relativePath(path);
    markRemoved(relative);
    m_delta.erase(relative);
    rebuildDelta();
}

void SearchIndex::rebuildDelta()
{
    m_deltaSegment.reset();
    if (m_delta.empty())
        return;
    std::vector<NoteRecord> records;
    for (const auto &entry : m_delta)
        records.push_back(entry.second);
    m_deltaSegment = Segment::fromBytes(SegmentBuilder::build(identity(), records), identity());
}

bool SearchIndex::save()
{
    if (!m_base)
        return false;
    const bool pending = !m_delta.empty() || std::find(m_removed.begin(), m_removed.end(), true) != m_removed.end();
    if (!pending)
        return true;
    // Merge: the base's live notes and the delta, in path order, into one new segment.
    bool damaged = false;
    const bool written = writeBase([&](SegmentBuilder &builder) {
        auto delta = m_delta.begin();
        for (quint32 n = 0; n < m_base->noteCount(); ++n) {
            if (m_removed[n])
                continue;
            NoteRecord record;
            if (!m_base->record(n, record)) {
                damaged = true;
                return false;
            }
            while (delta != m_delta.end() && delta->first < record.relativePath)
                builder.add((delta++)->second);
            builder.add(record);
        }
        for (; delta != m_delta.end(); ++delta)
            builder.add(delta->second);
        return true;
    });
    if (damaged || !written)
        return rebuild();
    m_delta.clear();
    m_deltaSegment.reset();
    return true;
}

SearchResult SearchIndex::search(const QString &query, int limit, const QString &me) const
{
    return search(SearchQuery::parse(query, me), limit);
}

SearchResult SearchIndex::search(const SearchQuery &query, int limit) const
{
    if (m_base && !m_base->intact()) {
        // Another program is changing the cache file: not a byte more is read from it.
        SearchResult damaged;
        damaged.damaged = true;
        return damaged;
    }
    QList<SearchEngine::Source> sources;
    if (m_base)
        sources.append(SearchEngine::Source{m_base.get(), &m_removed});
    if (m_deltaSegment)
        sources.append(SearchEngine::Source{m_deltaSegment.get(), nullptr});
    return SearchEngine::run(query, sources, limit);
}

SearchResult SearchIndex::searchOrRepair(const QString &query, int limit, const QString &me)
{
    SearchResult result = search(query, limit, me);
    if (result.damaged && rebuild())
        result = search(query, limit, me);
    return result;
}

} // namespace debrief
