#include "segmentbuilder.h"

#include "textfold.h"

#include <QBuffer>

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

} // namespace

SegmentBuilder::SegmentBuilder(const QString &vaultPath)
    : m_vaultPath(vaultPath.toUtf8())
{
    addString(QByteArrayView(m_vaultPath));
}

quint32 SegmentBuilder::addString(QByteArrayView bytes)
{
    const auto offset = quint32(m_pool.size());
    m_pool.append(bytes);
    return offset;
}

quint32 SegmentBuilder::addFoldedList(const QStringList &values)
{
    const auto offset = quint32(m_pool.size());
    bool first = true;
    for (const QString &value : values) {
        if (!first)
            m_pool.append('\x1f');
        first = false;
        bool firstWord = true;
        TextFold::forEachWord(value, [&](qsizetype, qsizetype, const QByteArray &folded) {
            if (!firstWord)
                m_pool.append(' ');
            firstWord = false;
            m_pool.append(folded);
        });
    }
    return offset;
}

bool SegmentBuilder::add(const NoteRecord &record)
{
    if (!m_notes.empty() && record.relativePath <= m_lastPath)
        return false;
    m_lastPath = record.relativePath;

    NoteEntry note{};
    note.size = record.size;
    note.modifiedMsecs = record.modifiedMsecs;
    note.pathOffset = addString(QByteArrayView(record.relativePath));
    note.pathLength = quint32(record.relativePath.size());
    note.titleOffset = addString(record.title);
    note.titleLength = quint32(m_pool.size()) - note.titleOffset;
    note.participantsOffset = addFoldedList(record.participants);
    note.participantsLength = quint32(m_pool.size()) - note.participantsOffset;
    QStringList tags;
    for (const QString &tag : record.tags)
        tags.append(tag.toLower()); // tags keep '/' and '-': folded by case only
    note.tagsOffset = addString(tags.join(u'\x1f'));
    note.tagsLength = quint32(m_pool.size()) - note.tagsOffset;
    note.date = julian(record.date);
    note.firstBlock = quint32(m_blocks.size());
    note.blockCount = quint32(record.blocks.size());
    note.firstItem = quint32(m_items.size());
    note.itemCount = quint32(record.items.size());
    const auto noteIndex = quint32(m_notes.size());

    // The region: a table of blocks, then their strings.
    QByteArray region;
    QByteArray strings;
    const qsizetype tableSize = record.blocks.size() * qsizetype(sizeof(RegionBlock));
    std::vector<std::pair<QByteArray, quint32>> counts; // term, tf, for one block
    for (const NoteRecord::Block &block : record.blocks) {
        const QByteArray text = block.text.toUtf8();
        const QByteArray section = block.section.toUtf8();
        RegionBlock entry{};
        entry.line = block.line;
        entry.textOffset = quint32(tableSize + strings.size());
        entry.textLength = quint32(text.size());
        strings.append(text);
        entry.sectionOffset = quint32(tableSize + strings.size());
        entry.sectionLength = quint32(section.size());
        strings.append(section);
        appendRaw(region, entry);

        const auto blockId = quint32(m_blocks.size());
        counts.clear();
        quint32 tokens = 0;
        TextFold::forEachWord(block.text, [&](qsizetype, qsizetype, const QByteArray &folded) {
            ++tokens;
            counts.emplace_back(folded, 1);
        });
        std::sort(counts.begin(), counts.end(),
                  [](const auto &a, const auto &b) { return a.first < b.first; });
        for (size_t i = 0; i < counts.size();) {
            size_t j = i + 1;
            while (j < counts.size() && counts[j].first == counts[i].first)
                ++j;
            Postings &postings = m_postings[counts[i].first];
            appendVarint(postings.bytes, blockId - postings.lastBlock);
            appendVarint(postings.bytes, quint32(j - i));
            postings.lastBlock = blockId;
            ++postings.documentFrequency;
            i = j;
        }
        m_totalTokens += tokens;
        BlockEntry blockEntry{};
        blockEntry.note = noteIndex;
        blockEntry.kind = quint8(block.kind);
        blockEntry.section = sectionCode(TextFold::foldAll(block.section));
        blockEntry.tokens = quint16(std::min<quint32>(tokens, 0xFFFF));
        m_blocks.push_back(blockEntry);
    }
    region.append(strings);
    pad8(region);
    note.regionOffset = quint64(m_regions.size());
    note.regionLength = quint32(region.size());
    note.regionHash = hashBytes(region);
    m_regions.append(region);

    for (const NoteRecord::Item &item : record.items) {
        ItemEntry entry{};
        entry.block = note.firstBlock + quint32(item.block);
        entry.status = quint8(item.status);
        entry.due = julian(item.due);
        entry.ownerOffset = addString(item.owner);
        entry.ownerLength = quint32(m_pool.size()) - entry.ownerOffset;
        entry.ownerFoldedOffset = addFoldedList(QStringList{item.owner});
        entry.ownerFoldedLength = quint32(m_pool.size()) - entry.ownerFoldedOffset;
        QStringList itemTags;
        for (const QString &tag : item.tags)
            itemTags.append(tag.toLower());
        entry.tagsOffset = addString(itemTags.join(u'\x1f'));
        entry.tagsLength = quint32(m_pool.size()) - entry.tagsOffset;
        m_items.push_back(entry);
    }
    m_notes.push_back(note);
    return true;
}

bool SegmentBuilder::write(QIODevice &device)
{
    std::vector<QByteArray> terms;
    terms.reserve(size_t(m_postings.size()));
    for (auto it = m_postings.cbegin(); it != m_postings.cend(); ++it)
        terms.push_back(it.key());
    std::sort(terms.begin(), terms.end());

    std::vector<TermEntry> termEntries;
    termEntries.reserve(terms.size());
    quint64 postingsSize = 0;
    for (const QByteArray &term : terms) {
        const Postings &postings = m_postings[term];
        TermEntry entry{};
        entry.termOffset = addString(QByteArrayView(term));
        entry.termLength = quint32(term.size());
        entry.postingsOffset = postingsSize;
        entry.postingsLength = quint32(postings.bytes.size());
        entry.documentFrequency = postings.documentFrequency;
        entry.hash = hashBytes(QByteArrayView(postings.bytes.data(), qsizetype(postings.bytes.size())));
        postingsSize += postings.bytes.size();
        termEntries.push_back(entry);
    }

    QByteArray meta;
    Header header{};
    std::memcpy(header.magic, magic, sizeof magic);
    header.version = version;
    header.endian = endianMark;
    header.noteCount = quint32(m_notes.size());
    header.blockCount = quint32(m_blocks.size());
    header.itemCount = quint32(m_items.size());
    header.termCount = quint32(termEntries.size());
    header.totalTokens = m_totalTokens;
    quint64 offset = sizeof(Header);
    header.notesOffset = offset;
    offset += m_notes.size() * sizeof(NoteEntry);
    header.blocksOffset = offset;
    offset += m_blocks.size() * sizeof(BlockEntry);
    header.itemsOffset = offset;
    offset += m_items.size() * sizeof(ItemEntry);
    header.termsOffset = offset;
    offset += termEntries.size() * sizeof(TermEntry);
    header.poolOffset = offset;
    pad8(m_pool);
    offset += quint64(m_pool.size());
    header.metaEnd = offset;
    header.regionsOffset = offset;
    offset += quint64(m_regions.size());
    header.regionsEnd = offset;
    header.postingsOffset = offset;
    header.postingsEnd = offset + postingsSize;
    header.vaultOffset = 0;
    header.vaultLength = quint32(m_vaultPath.size());

    meta.reserve(qsizetype(header.metaEnd - header.notesOffset));
    meta.append(reinterpret_cast<const char *>(m_notes.data()), qsizetype(m_notes.size() * sizeof(NoteEntry)));
    meta.append(reinterpret_cast<const char *>(m_blocks.data()), qsizetype(m_blocks.size() * sizeof(BlockEntry)));
    meta.append(reinterpret_cast<const char *>(m_items.data()), qsizetype(m_items.size() * sizeof(ItemEntry)));
    meta.append(reinterpret_cast<const char *>(termEntries.data()), qsizetype(termEntries.size() * sizeof(TermEntry)));
    meta.append(m_pool);
    header.metaHash = hashBytes(meta);
    header.headerHash = hashBytes(QByteArrayView(reinterpret_cast<const char *>(&header), offsetof(Header, headerHash)));

    bool ok = device.write(reinterpret_cast<const char *>(&header), sizeof header) == qint64(sizeof header);
    ok = ok && device.write(meta) == meta.size();
    meta = QByteArray();
    ok = ok && device.write(m_regions) == m_regions.size();
    for (const QByteArray &term : terms) {
        if (!ok)
            break;
        const std::string &bytes = m_postings[term].bytes;
        ok = device.write(bytes.data(), qint64(bytes.size())) == qint64(bytes.size());
    }
    return ok;
}

QByteArray SegmentBuilder::toByteArray()
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    if (!write(buffer))
        return {};
    buffer.close();
    return bytes;
}

} // namespace debrief
