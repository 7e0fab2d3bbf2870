#pragma once

#include "search/indexformat.h"
#include "search/noterecord.h"

#include <QByteArray>
#include <QIODevice>
#include <QString>

#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace debrief {

// Writes one index segment (see indexformat.h) to a seekable device as notes come in: each
// note's region goes out at once, so a cold build holds only the postings and small tables.
// Records must come in ascending byte order of their relative paths, which lets a reopen
// compare them with the vault's sorted file list in one pass.
class SegmentBuilder final
{
public:
    // What can be computed for one note without the others: tokens, region, folded strings.
    // prepare() is thread-safe, so the vault's notes are prepared on worker threads.
    struct Prepared
    {
        struct Item
        {
            quint32 block = 0; // in the note
            quint8 status = 0;
            qint32 due = 0;
            QByteArray owner, ownerFolded, tags;
        };
        QByteArray path, title, participants, tags;
        qint64 size = -1;
        qint64 modifiedMsecs = 0;
        qint32 date = 0;
        QByteArray region;
        quint64 regionHash = 0;
        std::vector<indexformat::BlockEntry> blocks; // `note` left 0
        std::vector<Item> items;
        quint64 tokens = 0;
        // The note's terms and their postings, each in one buffer rather than two allocations
        // per term. A term's postings are already in the file's form, [varint block delta,
        // varint tf, tf varint position deltas]..., the first delta counted from block 0 of the
        // note: add() rewrites that one varint and copies the rest.
        struct Term
        {
            quint32 offset, length;                 // in termBytes
            quint32 postingsOffset, postingsLength; // in postings
            quint32 firstBlock, lastBlock;          // in the note
            quint32 blocks;                         // how many of the note's blocks hold it
        };
        std::string termBytes;
        std::string postings;
        std::vector<Term> terms;
    };

    static Prepared prepare(const NoteRecord &record);

    // The index term of an action item's field: 's' + status name, 'o' + folded owner word.
    static QByteArray itemFieldTerm(char field, QByteArrayView value);

    // `device` is open for writing, seekable and empty.
    SegmentBuilder(const QString &vaultPath, QIODevice *device);

    // Returns false (and skips the note) when it is out of order or a duplicate.
    bool add(const Prepared &note);
    bool add(const NoteRecord &record) { return add(prepare(record)); }
    qsizetype noteCount() const { return qsizetype(m_notes.size()); }

    // Writes the tables and postings, then the header. The builder is spent afterwards.
    bool finish();

    static QByteArray build(const QString &vaultPath, const std::vector<NoteRecord> &records);

private:
    quint32 addString(QByteArrayView bytes);

    QIODevice *m_device;
    bool m_ok = true;
    quint64 m_regionsEnd = 0;
    QByteArray m_vaultPath;
    QByteArray m_pool;
    std::vector<indexformat::NoteEntry> m_notes;
    std::vector<indexformat::BlockEntry> m_blocks;
    std::vector<indexformat::ItemEntry> m_items;
    struct Postings
    {
        std::string bytes;
        quint32 lastBlock = 0;
        quint32 documentFrequency = 0;
    };
    // Looked up once per term of every note on the thread that adds them: a transparent
    // std::hash lookup by view costs a fraction of QHash<QByteArray>'s key copy and hash.
    struct TermHash
    {
        using is_transparent = void;
        size_t operator()(std::string_view term) const { return std::hash<std::string_view>()(term); }
    };
    std::unordered_map<std::string, Postings, TermHash, std::equal_to<>> m_postings;
    QByteArray m_lastPath;
    quint64 m_totalTokens = 0;
};

} // namespace debrief
