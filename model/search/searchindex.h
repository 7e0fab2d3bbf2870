#pragma once

#include "search/noterecord.h"
#include "search/searchhit.h"
#include "search/searchquery.h"
#include "search/segment.h"
#include "search/segmentbuilder.h"
#include "vault/vaultscan.h"

#include <QHash>
#include <QList>
#include <QString>

#include <atomic>
#include <functional>
#include <map>
#include <memory>
#include <vector>

namespace debrief {

struct Note;

// The search index of one vault: every block of every note, with its line and kind,
// plus the facets queries filter on. Kept in the user's cache folder, one file per vault, and
// brought up to date on open by re-reading only the files whose size or modification time
// changed. Changes made afterwards (updateNote/removeNote) go to a small in-memory segment
// that is merged into the cache file by save().
//
// Threading: open(), refresh(), rebuild(), updateNote(), removeNote() and save() change the
// index: call them from one thread (a worker, they read files). search() is const and may run
// on any number of threads at once, but not while one of the above runs.
class SearchIndex final
{
public:
    using Progress = std::function<void(int done, int total)>;

    struct Options
    {
        QString cacheDirectory; // empty: QStandardPaths::CacheLocation + "/search"
        bool useCache = true;   // false: build in memory, never read or write a cache file
        // Set from any thread: a build from scratch stops at its next batch and returns false.
        const std::atomic<bool> *cancelled = nullptr;
    };

    struct OpenStats
    {
        bool fromCache = false; // a valid cache file was used
        int notes = 0;
        int reread = 0; // files parsed during open (all of them on a cold open)
        int removed = 0;
        QString cacheProblem; // why the cache was not used ("missing", "another vault", ...)
        // For the user: the cache cannot be used at all (something else is at its path, or it
        // cannot be written); the search works without it. Empty when all is well.
        QString cacheWarning;
        // Notes and folders left out because their names are not valid UTF-8, relative to the
        // root (VaultScan::stampNotes); the caller warns about each.
        QStringList unspellable;
    };

    explicit SearchIndex(const QString &vaultRoot);
    SearchIndex(const QString &vaultRoot, const Options &options);
    ~SearchIndex();
    SearchIndex(const SearchIndex &) = delete;
    SearchIndex &operator=(const SearchIndex &) = delete;

    // Loads the cache (or builds from scratch), then refresh(). False when the vault cannot be
    // read. `progress` is called on this thread.
    bool open(const Progress &progress = {});
    // As open(), for the app, which has parsed the vault already: a file whose size and
    // modification time match a note of `parsed` (absolute paths below the root, as a Vault
    // holds them) is taken from there instead of being read and parsed a second time.
    bool open(const QList<Note> &parsed, const Progress &progress = {});
    // Rescans the vault and re-reads added or changed files, drops removed ones; saves when
    // something changed. False when the vault cannot be read.
    bool refresh(const Progress &progress = {});
    // Throws the index away and reads every file again.
    bool rebuild(const Progress &progress = {});

    // For the app, after it re-read or wrote a file (`note.path` absolute, below the root).
    void updateNote(const Note &note);
    void removeNote(const QString &path);
    // Merges pending changes into the cache file.
    bool save();

    // `me` is what owner:me means. limit <= 0: every hit.
    SearchResult search(const QString &query, int limit = 50, const QString &me = QStringLiteral("Myself")) const;
    SearchResult search(const SearchQuery &query, int limit = 50) const;
    // search(), and when the index turns out damaged: rebuild() and search again.
    SearchResult searchOrRepair(const QString &query, int limit = 50, const QString &me = QStringLiteral("Myself"));

    QString root() const { return m_root; }
    QString cacheFile() const { return m_cacheFile; }
    int noteCount() const;
    const OpenStats &openStats() const { return m_stats; }

    static QString cacheFilePath(const QString &canonicalRoot, const QString &cacheDirectory = {});

private:
    bool buildFromScratch(const QList<VaultScan::File> &files, const Progress &progress);
    // Writes a new base segment (to the cache file when there is one) with what `fill` adds.
    bool writeBase(const std::function<bool(SegmentBuilder &)> &fill);
    void markRemoved(const QByteArray &relativePath);
    void rebuildDelta();
    QByteArray relativePath(const QString &path) const;
    QString identity() const; // stored in the cache file and checked on open
    QList<NoteRecord> readFiles(const QList<VaultScan::File> &files) const;
    NoteRecord readRecord(const VaultScan::File &file) const;

    QString m_root;
    QString m_lexicalRoot;                    // as given, cleaned but not canonical: how a Vault names its notes
    QHash<QByteArray, const Note *> m_parsed; // by relative path, during open(parsed) only
    Options m_options;
    QString m_cacheFile;
    std::unique_ptr<Segment> m_base;
    std::vector<bool> m_removed;              // base notes replaced or deleted since
    std::map<QByteArray, NoteRecord> m_delta; // notes added or changed since the base
    std::unique_ptr<Segment> m_deltaSegment;
    OpenStats m_stats;
};

} // namespace debrief
