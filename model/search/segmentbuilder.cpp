#include "search/segmentbuilder.h"

#include "search/indexformat.h"

#include "note/actionitem.h"
#include "search/textfold.h"

#include <QBuffer>
#include <QHash>

#include <algorithm>
#include <cstddef>
#include <cstring>

namespace debrief {

using namespace indexformat;

namespace {

void appendVarint(std::string &out, quint32 value)
{
    while (value >= 0x80) {
        out.push_back(char((value & 0x7F) | 0x80));
        value >>= 7;
    }
    out.push_back(char(value));
}

template<typename T>
void appendRaw(QByteArray &out, const T &value)
{
    out.append(reinterpret_cast<const char *>(&value), sizeof(T));
}

void pad8(QByteArray &out)
{
    while (out.size() % 8)
        out.append('\0');
}

qint32 julian(const QDate &date)
{
    return date.isValid() ? qint32(date.toJulianDay()) : 0;
}

// Names as folded words joined by spaces, names separated by '\x1f'.
QByteArray foldedList(const QStringList &values)
{
    QByteArray out;
    for (const QString &value : values) {
        if (!out.isEmpty())
            out.append('\x1f');
        bool first = true;
        TextFold::forEachWord(value, [&](qsizetype, qsizetype, QByteArrayView folded) {
            if (!first)
                out.append(' ');
            first = false;
            out.append(folded);
        });
    }
    return out;
}

QByteArray lowerList(const QStringList &values)
{
    QStringList lower;
    for (const QString &value : values)
        lower.append(value.toLower()); // tags keep '/' and '-': folded by case only
    return lower.join(u'\x1f').toUtf8();
}

// A note's terms numbered by their bytes, kept back to back in one buffer: open addressing over
// a power-of-two table. A note has a few hundred distinct words, each looked up once per
// occurrence; std::unordered_map's nodes and generic hash, and a QByteArray per term, were most
// of tokenizing.
class NoteTerms
{
public:
    NoteTerms()
        : m_slots(512, 0)
    {
    }

    quint32 number(QByteArrayView term)
    {
        const size_t mask = m_slots.size() - 1;
        for (size_t i = hashOf(term) & mask;; i = (i + 1) & mask) {
            const quint32 slot = m_slots[i];
            if (slot == 0) {
                m_spans.emplace_back(quint32(m_bytes.size()), quint32(term.size()));
                m_bytes.append(term.data(), size_t(term.size()));
                m_slots[i] = quint32(m_spans.size());
                if (m_spans.size() * 2 > m_slots.size())
                    grow();
                return quint32(m_spans.size() - 1);
            }
            if (text(slot - 1) == term)
                return slot - 1;
        }
    }

    QByteArrayView text(quint32 number) const
    {
        const auto [offset, length] = m_spans[number];
        return QByteArrayView(m_bytes.data() + offset, qsizetype(length));
    }
    std::pair<quint32, quint32> span(quint32 number) const { return m_spans[number]; }
    quint32 count() const { return quint32(m_spans.size()); }
    std::string takeBytes() { return std::move(m_bytes); }

private:
    static size_t hashOf(QByteArrayView term)
    {
        quint64 hash = 14695981039346656037ULL; // FNV-1a: words are short
        for (const char c : term) {
            hash ^= quint8(c);
            hash *= 1099511628211ULL;
        }
        return size_t(hash ^ (hash >> 29));
    }

    void grow()
    {
        m_slots.assign(m_slots.size() * 2, 0);
        const size_t mask = m_slots.size() - 1;
        for (size_t n = 0; n < m_spans.size(); ++n) {
            size_t i = hashOf(text(quint32(n))) & mask;
            while (m_slots[i] != 0)
                i = (i + 1) & mask;
            m_slots[i] = quint32(n + 1);
        }
    }

    std::string m_bytes;
    std::vector<std::pair<quint32, quint32>> m_spans; // offset, length in m_bytes
    std::vector<quint32> m_slots;                     // term number + 1; 0 is free
};

// One word (or item field) of a note: sorted, they give each term's postings in order.
struct Occurrence
{
    quint32 term, block, position;
};

} // namespace

QByteArray SegmentBuilder::itemFieldTerm(char field, QByteArrayView value)
{
    QByteArray term;
    term.reserve(value.size() + 2);
    term.append('\x01').append(field).append(value);
    return term;
}

SegmentBuilder::Prepared SegmentBuilder::prepare(const NoteRecord &record)
{
    Prepared note;
    note.path = record.relativePath;
    note.size = record.size;
    note.modifiedMsecs = record.modifiedMsecs;
    note.title = record.title.toUtf8();
    note.participants = foldedList(record.participants);
    note.tags = lowerList(record.tags);
    note.date = julian(record.date);

    // The region: a table of blocks, then their texts; a section name is stored once.
    const qsizetype tableSize = record.blocks.size() * qsizetype(sizeof(RegionBlock));
    QByteArray strings;
    struct SectionName
    {
        quint32 offset, length;
        SectionCode code; // folding the name for its code is worth doing once per section
    };
    QHash<QString, SectionName> sections;
    NoteTerms termNumbers;
    std::vector<Occurrence> occurrences;
    occurrences.reserve(1024);
    for (qsizetype i = 0; i < record.blocks.size(); ++i) {
        const NoteRecord::Block &block = record.blocks[i];
        RegionBlock entry{};
        entry.line = block.line;
        entry.textOffset = quint32(tableSize + strings.size());
        strings.append(block.text.toUtf8());
        entry.textLength = quint32(tableSize + strings.size()) - entry.textOffset;
        auto section = sections.find(block.section);
        if (section == sections.end()) {
            const auto offset = quint32(tableSize + strings.size());
            strings.append(block.section.toUtf8());
            section = sections.insert(
                block.section,
                {offset, quint32(tableSize + strings.size()) - offset, sectionCode(TextFold::foldAll(block.section))});
        }
        entry.sectionOffset = section->offset;
        entry.sectionLength = section->length;
        const SectionCode code = section->code;
        appendRaw(note.region, entry);

        quint32 tokens = 0;
        TextFold::forEachWord(block.text, [&](qsizetype, qsizetype, QByteArrayView folded) {
            occurrences.push_back(Occurrence{termNumbers.number(folded), quint32(i), tokens++});
        });
        // Action items also get field terms ("\x01s" + status, "\x01o" + owner word) so that
        // owner: and status: start from a posting list instead of scanning every item. No word
        // folds to a term starting with \x01, and they do not count towards the block's length.
        for (const NoteRecord::Item &item : record.items) {
            if (item.block != i)
                continue;
            QList<QByteArray> fields{itemFieldTerm('s', statusName(item.status).toUtf8())};
            TextFold::forEachWord(item.owner, [&](qsizetype, qsizetype, QByteArrayView folded) {
                fields.append(itemFieldTerm('o', folded));
            });
            std::sort(fields.begin(), fields.end());
            fields.erase(std::unique(fields.begin(), fields.end()), fields.end());
            for (const QByteArray &field : std::as_const(fields))
                occurrences.push_back(Occurrence{termNumbers.number(field), quint32(i), 0}); // tf 1, at 0
        }
        note.tokens += tokens;
        BlockEntry blockEntry{};
        blockEntry.kind = quint8(block.kind);
        blockEntry.section = code;
        blockEntry.tokens = quint16(std::min<quint32>(tokens, 0xFFFF));
        note.blocks.push_back(blockEntry);
    }
    // By term, then block, then position: a stable counting sort by term, since occurrences
    // were made in block and position order (a comparison sort was a tenth of tokenizing).
    std::vector<quint32> starts(termNumbers.count() + 1, 0);
    for (const Occurrence &occurrence : occurrences)
        ++starts[occurrence.term + 1];
    for (size_t t = 1; t < starts.size(); ++t)
        starts[t] += starts[t - 1];
    std::vector<Occurrence> byTerm(occurrences.size());
    {
        std::vector<quint32> next(starts.begin(), starts.end() - 1);
        for (const Occurrence &occurrence : occurrences)
            byTerm[next[occurrence.term]++] = occurrence;
    }
    for (quint32 term = 0; term < termNumbers.count(); ++term) {
        const auto [offset, length] = termNumbers.span(term);
        Prepared::Term entry{offset, length, quint32(note.postings.size()), 0, byTerm[starts[term]].block, 0, 0};
        quint32 previousBlock = 0;
        for (size_t o = starts[term]; o < starts[term + 1];) {
            const quint32 block = byTerm[o].block;
            size_t end = o + 1;
            while (end < starts[term + 1] && byTerm[end].block == block)
                ++end;
            appendVarint(note.postings, block - previousBlock);
            appendVarint(note.postings, quint32(end - o));
            previousBlock = block;
            ++entry.blocks;
            quint32 previous = 0;
            for (; o < end; ++o) {
                appendVarint(note.postings, byTerm[o].position - previous);
                previous = byTerm[o].position;
            }
        }
        entry.lastBlock = previousBlock;
        entry.postingsLength = quint32(note.postings.size()) - entry.postingsOffset;
        note.terms.push_back(entry);
    }
    note.termBytes = termNumbers.takeBytes();
    note.region.append(strings);
    pad8(note.region);
    note.regionHash = hashBytes(note.region);

    for (const NoteRecord::Item &item : record.items) {
        Prepared::Item prepared;
        prepared.block = quint32(item.block);
        prepared.status = quint8(item.status);
        prepared.due = julian(item.due);
        prepared.owner = item.owner.toUtf8();
        prepared.ownerFolded = foldedList({item.owner});
        prepared.tags = lowerList(item.tags);
        note.items.push_back(prepared);
    }
    return note;
}

SegmentBuilder::SegmentBuilder(const QString &vaultPath, QIODevice *device)
    : m_device(device)
    , m_vaultPath(vaultPath.toUtf8())
{
    addString(QByteArrayView(m_vaultPath));
    // The header is written last, when the offsets are known; regions follow it.
    const QByteArray placeholder(sizeof(Header), '\0');
    m_ok = m_device->write(placeholder) == placeholder.size();
    m_regionsEnd = sizeof(Header);
}

quint32 SegmentBuilder::addString(QByteArrayView bytes)
{
    const auto offset = quint32(m_pool.size());
    m_pool.append(bytes);
    return offset;
}

bool SegmentBuilder::add(const Prepared &prepared)
{
    if (!m_notes.empty() && prepared.path <= m_lastPath)
        return false;
    m_lastPath = prepared.path;

    NoteEntry note{};
    note.size = prepared.size;
    note.modifiedMsecs = prepared.modifiedMsecs;
    note.pathOffset = addString(prepared.path);
    note.pathLength = quint32(prepared.path.size());
    note.titleOffset = addString(prepared.title);
    note.titleLength = quint32(prepared.title.size());
    note.participantsOffset = addString(prepared.participants);
    note.participantsLength = quint32(prepared.participants.size());
    note.tagsOffset = addString(prepared.tags);
    note.tagsLength = quint32(prepared.tags.size());
    note.date = prepared.date;
    note.firstBlock = quint32(m_blocks.size());
    note.blockCount = quint32(prepared.blocks.size());
    note.firstItem = quint32(m_items.size());
    note.itemCount = quint32(prepared.items.size());
    note.regionOffset = m_regionsEnd - sizeof(Header);
    note.regionLength = quint32(prepared.region.size());
    note.regionHash = prepared.regionHash;
    m_ok = m_ok && m_device->write(prepared.region) == prepared.region.size();
    m_regionsEnd += quint64(prepared.region.size());

    const auto noteIndex = quint32(m_notes.size());
    for (BlockEntry block : prepared.blocks) {
        block.note = noteIndex;
        m_blocks.push_back(block);
    }
    for (const Prepared::Item &item : prepared.items) {
        ItemEntry entry{};
        entry.block = note.firstBlock + item.block;
        entry.status = item.status;
        entry.due = item.due;
        entry.ownerOffset = addString(item.owner);
        entry.ownerLength = quint32(item.owner.size());
        entry.ownerFoldedOffset = addString(item.ownerFolded);
        entry.ownerFoldedLength = quint32(item.ownerFolded.size());
        entry.tagsOffset = addString(item.tags);
        entry.tagsLength = quint32(item.tags.size());
        m_items.push_back(entry);
    }
    // Re-base the note's postings: only the first block delta changes (it now counts from the
    // term's last block in the segment); the rest is copied as it is.
    for (const Prepared::Term &term : prepared.terms) {
        const std::string_view key(prepared.termBytes.data() + term.offset, term.length);
        auto found = m_postings.find(key);
        if (found == m_postings.end())
            found = m_postings.emplace(std::string(key), Postings()).first;
        Postings &postings = found->second;
        const char *p = prepared.postings.data() + term.postingsOffset;
        const char *end = p + term.postingsLength;
        quint32 firstDelta = 0;
        readVarint(p, end, firstDelta);
        const quint32 global = note.firstBlock + term.firstBlock;
        appendVarint(postings.bytes, global - postings.lastBlock);
        postings.bytes.append(p, size_t(end - p));
        postings.lastBlock = note.firstBlock + term.lastBlock;
        postings.documentFrequency += term.blocks;
    }
    m_totalTokens += prepared.tokens;
    m_notes.push_back(note);
    return true;
}

bool SegmentBuilder::finish()
{
    std::vector<std::pair<std::string_view, const Postings *>> terms; // bytewise, as readers search
    terms.reserve(m_postings.size());
    for (const auto &[term, postings] : m_postings)
        terms.emplace_back(term, &postings);
    std::sort(terms.begin(), terms.end(), [](const auto &a, const auto &b) { return a.first < b.first; });

    std::vector<TermEntry> termEntries;
    termEntries.reserve(terms.size());
    quint64 postingsSize = 0;
    for (const auto &[term, found] : terms) {
        const Postings &postings = *found;
        TermEntry entry{};
        entry.termOffset = addString(QByteArrayView(term.data(), qsizetype(term.size())));
        entry.termLength = quint32(term.size());
        entry.postingsOffset = postingsSize;
        entry.postingsLength = quint32(postings.bytes.size());
        entry.documentFrequency = postings.documentFrequency;
        entry.hash = hashBytes(QByteArrayView(postings.bytes.data(), qsizetype(postings.bytes.size())));
        postingsSize += postings.bytes.size();
        termEntries.push_back(entry);
    }
    pad8(m_pool);

    Header header{};
    std::memcpy(header.magic, magic, sizeof magic);
    header.version = version;
    header.endian = endianMark;
    header.noteCount = quint32(m_notes.size());
    header.blockCount = quint32(m_blocks.size());
    header.itemCount = quint32(m_items.size());
    header.termCount = quint32(termEntries.size());
    header.totalTokens = m_totalTokens;
    header.regionsOffset = sizeof(Header);
    header.regionsEnd = m_regionsEnd;
    const quint64 padding = (8 - m_regionsEnd % 8) % 8;
    quint64 offset = m_regionsEnd + padding;
    header.notesOffset = offset;
    offset += m_notes.size() * sizeof(NoteEntry);
    header.blocksOffset = offset;
    offset += m_blocks.size() * sizeof(BlockEntry);
    header.itemsOffset = offset;
    offset += m_items.size() * sizeof(ItemEntry);
    header.termsOffset = offset;
    offset += termEntries.size() * sizeof(TermEntry);
    header.poolOffset = offset;
    offset += quint64(m_pool.size());
    header.metaEnd = offset;
    header.postingsOffset = offset;
    header.postingsEnd = offset + postingsSize;
    header.vaultOffset = 0;
    header.vaultLength = quint32(m_vaultPath.size());

    // The tables go out as they are, hashed on the way: no copy of them all in one buffer,
    // which was the largest allocation of a cold build.
    ByteHasher metaHasher(header.metaEnd - header.notesOffset);
    bool ok = m_ok && m_device->write(QByteArray(qsizetype(padding), '\0')) == qint64(padding);
    const auto writeTable = [&](const void *data, size_t size) {
        const QByteArrayView bytes(static_cast<const char *>(data), qsizetype(size));
        metaHasher.add(bytes);
        ok = ok && m_device->write(bytes.data(), bytes.size()) == bytes.size();
    };
    writeTable(m_notes.data(), m_notes.size() * sizeof(NoteEntry));
    writeTable(m_blocks.data(), m_blocks.size() * sizeof(BlockEntry));
    writeTable(m_items.data(), m_items.size() * sizeof(ItemEntry));
    writeTable(termEntries.data(), termEntries.size() * sizeof(TermEntry));
    writeTable(m_pool.constData(), size_t(m_pool.size()));
    header.metaHash = metaHasher.result();
    header.headerHash =
        hashBytes(QByteArrayView(reinterpret_cast<const char *>(&header), offsetof(Header, headerHash)));

    for (const auto &[term, postings] : terms) {
        if (!ok)
            break;
        const std::string &bytes = postings->bytes;
        ok = m_device->write(bytes.data(), qint64(bytes.size())) == qint64(bytes.size());
    }
    m_postings.clear();
    ok = ok && m_device->seek(0)
        && m_device->write(reinterpret_cast<const char *>(&header), sizeof header) == qint64(sizeof header);
    return ok;
}

QByteArray SegmentBuilder::build(const QString &vaultPath, const std::vector<NoteRecord> &records)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    SegmentBuilder builder(vaultPath, &buffer);
    for (const NoteRecord &record : records)
        builder.add(record);
    if (!builder.finish())
        return {};
    buffer.close();
    return bytes;
}

} // namespace debrief
