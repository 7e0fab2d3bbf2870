#pragma once

#include "search/indexformat.h"
#include "search/noterecord.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QFile>
#include <QString>

#include <atomic>
#include <cstring>
#include <memory>
#include <optional>
#include <vector>

namespace debrief {

// A read-only view of one index segment, in memory or mapped from the cache file. Every read
// is bounds-checked; regions and postings are verified against their hashes when read, so a
// damaged file gives `false` (and the caller rebuilds), never a wrong answer or a crash.
// Const methods are safe to call from several threads at once.
class Segment final
{
public:
    struct Posting
    {
        quint32 block;
        quint32 frequency;
        quint32 firstPosition; // into the positions vector given to postings(), when one was
    };
    struct RegionText
    {
        int line = 0;
        QString text;
        QString section;
    };

    // `expectedVault` is the canonical vault path the segment must have been built for.
    static std::unique_ptr<Segment> fromBytes(QByteArray bytes, const QString &expectedVault, QString *why = nullptr);
    // Maps the cache file. Another program truncating a mapped file would crash the next read
    // (SIGBUS), so the mapping holds a read lease: such a program's truncate or open for writing
    // waits until the lease is given up, and intact() turns false meanwhile. Where no lease is
    // granted, the file is read into memory instead. A non-file at `path` is refused unopened.
    static std::unique_ptr<Segment> fromFile(const QString &path, const QString &expectedVault, QString *why = nullptr);

    // False once another program wants to change the mapped file: read nothing more from it.
    bool intact() const;
    ~Segment();

    const indexformat::Header &header() const { return m_header; }
    quint32 noteCount() const { return m_header.noteCount; }
    quint32 blockCount() const { return m_header.blockCount; }
    quint32 itemCount() const { return m_header.itemCount; }
    quint32 termCount() const { return m_header.termCount; }

    indexformat::NoteEntry note(quint32 index) const;
    // Inline: queries read a block entry per posting.
    indexformat::BlockEntry block(quint32 index) const
    {
        indexformat::BlockEntry value{};
        if (index < m_header.blockCount)
            std::memcpy(&value, m_data + m_header.blocksOffset + quint64(index) * sizeof value, sizeof value);
        return value;
    }
    indexformat::ItemEntry item(quint32 index) const
    {
        indexformat::ItemEntry value{};
        if (index < m_header.itemCount)
            std::memcpy(&value, m_data + m_header.itemsOffset + quint64(index) * sizeof value, sizeof value);
        return value;
    }
    indexformat::TermEntry term(quint32 index) const;
    QByteArrayView pool(quint32 offset, quint32 length) const; // empty when out of range
    QByteArrayView termText(quint32 index) const;
    QByteArrayView notePath(quint32 index) const;

    // Index of the term, or -1.
    qint64 findTerm(QByteArrayView term) const;
    // [first, last) of the terms starting with `prefix`.
    std::pair<quint32, quint32> prefixRange(QByteArrayView prefix) const;
    // Decodes a term's postings; word positions go to `positions` when it is not null.
    bool postings(quint32 termIndex, std::vector<Posting> &out, std::vector<quint32> *positions = nullptr) const;

    // Walks one term's postings without materialising them: a phrase needs the positions of
    // its common words only in the few blocks its rarest word is in.
    class Cursor
    {
    public:
        // False when the list is damaged.
        bool open(const Segment &segment, quint32 termIndex);
        // Moves to the first posting at or after `block`; false at the end (or on damage).
        bool seek(quint32 block);
        bool next();
        quint32 block() const { return m_block; }
        quint32 frequency() const { return m_frequency; }
        bool positions(std::vector<quint32> &out) const;
        bool hasPosition(quint32 position) const; // in the current posting
        bool damaged() const { return m_damaged; }

    private:
        const char *m_p = nullptr;
        const char *m_end = nullptr;
        const char *m_positions = nullptr;
        quint32 m_block = 0;
        quint32 m_frequency = 0;
        quint32 m_blockCount = 0;
        bool m_started = false;
        bool m_damaged = false;
    };

    // The blocks of a note, verified; false when its region is damaged.
    bool region(quint32 noteIndex, std::vector<RegionText> &out) const;
    // One block of it, verified: cheaper when a query needs a few blocks of many notes.
    bool blockText(quint32 blockIndex, RegionText &out) const;
    // Rebuilds a note's record from the segment (for merging segments).
    bool record(quint32 noteIndex, NoteRecord &out) const;

private:
    Segment() = default;
    bool init(const QString &expectedVault, QString *why);
    std::optional<QByteArrayView> verifiedRegion(quint32 noteIndex, const indexformat::NoteEntry &note) const;
    template<typename T>
    T entry(quint64 tableOffset, quint32 index) const;

    // Which posting lists and regions passed their hash check already: a repeated query does
    // not hash the same megabytes again. Atomic, as const readers may run concurrently.
    bool checkOnce(std::atomic<quint8> *flags, quint32 index, QByteArrayView bytes, quint64 hash) const;
    std::unique_ptr<std::atomic<quint8>[]> m_termChecked;
    std::unique_ptr<std::atomic<quint8>[]> m_noteChecked;

    bool takeLease();
    void dropLease();

    QByteArray m_bytes;            // when in memory
    std::unique_ptr<QFile> m_file; // when mapped
    const char *m_data = nullptr;
    quint64 m_size = 0;
    bool m_leased = false;
    indexformat::Header m_header{};
};

} // namespace debrief
