#include "search/segment.h"

#include "search/indexformat.h"

#include <cstring>

#ifdef Q_OS_LINUX
#include <cerrno>
#include <csignal>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

namespace debrief {

using namespace indexformat;

namespace {

bool setWhy(QString *why, const char *text)
{
    if (why)
        *why = QString::fromLatin1(text);
    return false;
}

QDate fromJulian(qint32 day)
{
    return day ? QDate::fromJulianDay(day) : QDate();
}

QStringList splitList(QByteArrayView bytes)
{
    if (bytes.isEmpty())
        return {};
    return QString::fromUtf8(bytes).split(u'\x1f');
}

} // namespace

Segment::~Segment()
{
    if (m_file && m_data && m_bytes.isNull())
        m_file->unmap(reinterpret_cast<uchar *>(const_cast<char *>(m_data)));
    dropLease(); // after the unmap: then a waiting truncate can go ahead
}

std::unique_ptr<Segment> Segment::fromBytes(QByteArray bytes, const QString &expectedVault, QString *why)
{
    std::unique_ptr<Segment> segment(new Segment);
    segment->m_bytes = std::move(bytes);
    segment->m_data = segment->m_bytes.constData();
    segment->m_size = quint64(segment->m_bytes.size());
    if (!segment->init(expectedVault, why))
        return nullptr;
    return segment;
}

std::unique_ptr<Segment> Segment::fromFile(const QString &path, const QString &expectedVault, QString *why)
{
    std::unique_ptr<Segment> segment(new Segment);
    segment->m_file = std::make_unique<QFile>();
#ifdef Q_OS_LINUX
    // O_NONBLOCK: opening a FIFO put where the cache goes must not wait for a writer.
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0) {
        setWhy(why, errno == ENOENT ? "missing" : "unreadable");
        return nullptr;
    }
    struct stat st = {};
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        ::close(fd);
        setWhy(why, "not a file");
        return nullptr;
    }
    if (!segment->m_file->open(fd, QIODevice::ReadOnly, QFileDevice::AutoCloseHandle)) {
        ::close(fd);
        setWhy(why, "unreadable");
        return nullptr;
    }
#else
    segment->m_file->setFileName(path);
    if (!QFileInfo(path).isFile()) {
        setWhy(why, QFileInfo::exists(path) ? "not a file" : "missing");
        return nullptr;
    }
    if (!segment->m_file->open(QIODevice::ReadOnly)) {
        setWhy(why, "missing");
        return nullptr;
    }
#endif
    const qint64 size = segment->m_file->size();
    if (size < qint64(sizeof(Header))) {
        setWhy(why, "truncated");
        return nullptr;
    }
    uchar *mapped = segment->takeLease() ? segment->m_file->map(0, size) : nullptr;
    if (mapped) {
        segment->m_data = reinterpret_cast<const char *>(mapped);
    } else {
        segment->dropLease();
        segment->m_bytes = segment->m_file->readAll(); // no lease, or a file system without mmap
        segment->m_file->close();
        segment->m_data = segment->m_bytes.constData();
        if (quint64(segment->m_bytes.size()) != quint64(size)) {
            setWhy(why, "truncated");
            return nullptr;
        }
    }
    segment->m_size = quint64(size);
    if (!segment->init(expectedVault, why))
        return nullptr;
    return segment;
}

bool Segment::takeLease()
{
#ifdef Q_OS_LINUX
    const int fd = m_file->handle();
    // A lease's break is signalled to its owner, by default with SIGIO, which would end the
    // process; SIGURG is ignored by default and owner 0 is sent nothing.
    ::fcntl(fd, F_SETSIG, SIGURG);
    if (::fcntl(fd, F_SETLEASE, F_RDLCK) != 0)
        return false;
    ::fcntl(fd, F_SETOWN, 0);
    m_leased = true;
    return true;
#else
    return false;
#endif
}

void Segment::dropLease()
{
#ifdef Q_OS_LINUX
    if (m_leased && m_file && m_file->isOpen())
        ::fcntl(m_file->handle(), F_SETLEASE, F_UNLCK);
#endif
    m_leased = false;
}

bool Segment::intact() const
{
#ifdef Q_OS_LINUX
    return !m_leased || ::fcntl(m_file->handle(), F_GETLEASE) == F_RDLCK;
#else
    return true;
#endif
}

bool Segment::init(const QString &expectedVault, QString *why)
{
    if (!m_data || m_size < sizeof(Header))
        return setWhy(why, "truncated");
    std::memcpy(&m_header, m_data, sizeof(Header));
    if (std::memcmp(m_header.magic, magic, sizeof magic) != 0)
        return setWhy(why, "not an index");
    if (m_header.version != version || m_header.endian != endianMark)
        return setWhy(why, "old format");
    if (hashBytes(QByteArrayView(m_data, offsetof(Header, headerHash))) != m_header.headerHash)
        return setWhy(why, "damaged header");
    const Header &h = m_header;
    const bool ordered = h.regionsOffset == sizeof(Header) && h.regionsEnd >= h.regionsOffset
        && h.notesOffset >= h.regionsEnd && h.notesOffset - h.regionsEnd < 8
        && h.blocksOffset == h.notesOffset + quint64(h.noteCount) * sizeof(NoteEntry)
        && h.itemsOffset == h.blocksOffset + quint64(h.blockCount) * sizeof(BlockEntry)
        && h.termsOffset == h.itemsOffset + quint64(h.itemCount) * sizeof(ItemEntry)
        && h.poolOffset == h.termsOffset + quint64(h.termCount) * sizeof(TermEntry) && h.metaEnd >= h.poolOffset
        && h.postingsOffset == h.metaEnd && h.postingsEnd >= h.postingsOffset && h.postingsEnd == m_size;
    if (!ordered)
        return setWhy(why, "damaged layout");
    if (hashBytes(QByteArrayView(m_data + h.notesOffset, qsizetype(h.metaEnd - h.notesOffset))) != h.metaHash)
        return setWhy(why, "damaged tables");
    const QByteArray expected = expectedVault.toUtf8();
    const QByteArrayView stored = pool(h.vaultOffset, h.vaultLength);
    if (stored != QByteArrayView(expected)) {
        // The identity is "vault path\nprogram version": a new parser may read notes differently.
        const qsizetype newline = expected.indexOf('\n');
        const QByteArrayView path =
            newline < 0 ? QByteArrayView(expected) : QByteArrayView(expected).first(newline + 1);
        return setWhy(why, stored.startsWith(path) ? "built by another version" : "another vault");
    }
    m_termChecked = std::make_unique<std::atomic<quint8>[]>(h.termCount);
    m_noteChecked = std::make_unique<std::atomic<quint8>[]>(h.noteCount);
    return true;
}

bool Segment::checkOnce(std::atomic<quint8> *flags, quint32 index, QByteArrayView bytes, quint64 hash) const
{
    // 0 unknown, 1 good, 2 damaged. Two threads may both hash: harmless.
    const quint8 known = flags[index].load(std::memory_order_relaxed);
    if (known)
        return known == 1;
    const bool good = hashBytes(bytes) == hash;
    flags[index].store(good ? 1 : 2, std::memory_order_relaxed);
    return good;
}

template<typename T>
T Segment::entry(quint64 tableOffset, quint32 index) const
{
    T value{};
    const quint64 at = tableOffset + quint64(index) * sizeof(T);
    if (at + sizeof(T) <= m_size)
        std::memcpy(&value, m_data + at, sizeof(T));
    return value;
}

NoteEntry Segment::note(quint32 index) const
{
    return index < m_header.noteCount ? entry<NoteEntry>(m_header.notesOffset, index) : NoteEntry{};
}

TermEntry Segment::term(quint32 index) const
{
    return index < m_header.termCount ? entry<TermEntry>(m_header.termsOffset, index) : TermEntry{};
}

QByteArrayView Segment::pool(quint32 offset, quint32 length) const
{
    const quint64 begin = m_header.poolOffset + offset;
    if (begin + length > m_header.metaEnd)
        return {};
    return QByteArrayView(m_data + begin, length);
}

QByteArrayView Segment::termText(quint32 index) const
{
    const TermEntry t = term(index);
    return pool(t.termOffset, t.termLength);
}

QByteArrayView Segment::notePath(quint32 index) const
{
    const NoteEntry n = note(index);
    return pool(n.pathOffset, n.pathLength);
}

qint64 Segment::findTerm(QByteArrayView wanted) const
{
    quint32 low = 0;
    quint32 high = m_header.termCount;
    while (low < high) {
        const quint32 middle = low + (high - low) / 2;
        const int order = termText(middle).compare(wanted);
        if (order == 0)
            return middle;
        if (order < 0)
            low = middle + 1;
        else
            high = middle;
    }
    return -1;
}

std::pair<quint32, quint32> Segment::prefixRange(QByteArrayView prefix) const
{
    quint32 low = 0;
    quint32 high = m_header.termCount;
    while (low < high) {
        const quint32 middle = low + (high - low) / 2;
        if (termText(middle).compare(prefix) < 0)
            low = middle + 1;
        else
            high = middle;
    }
    quint32 last = low;
    while (last < m_header.termCount && termText(last).startsWith(prefix))
        ++last;
    return {low, last};
}

bool Segment::postings(quint32 termIndex, std::vector<Posting> &out, std::vector<quint32> *positions) const
{
    out.clear();
    if (positions)
        positions->clear();
    if (termIndex >= m_header.termCount)
        return false;
    const TermEntry t = term(termIndex);
    const quint64 begin = m_header.postingsOffset + t.postingsOffset;
    if (begin + t.postingsLength > m_header.postingsEnd)
        return false;
    const char *p = m_data + begin;
    const char *end = p + t.postingsLength;
    if (!checkOnce(m_termChecked.get(), termIndex, QByteArrayView(p, t.postingsLength), t.hash))
        return false;
    out.reserve(t.documentFrequency);
    quint32 block = 0;
    while (p < end) {
        quint32 delta = 0;
        quint32 frequency = 0;
        if (!readVarint(p, end, delta) || !readVarint(p, end, frequency))
            return false;
        block += delta;
        if (block >= m_header.blockCount || frequency == 0)
            return false;
        out.push_back(Posting{block, frequency, positions ? quint32(positions->size()) : 0});
        quint32 position = 0;
        for (quint32 k = 0; k < frequency; ++k) {
            quint32 step = 0;
            if (!readVarint(p, end, step))
                return false;
            position += step;
            if (positions)
                positions->push_back(position);
        }
    }
    return true;
}

bool Segment::Cursor::open(const Segment &segment, quint32 termIndex)
{
    *this = Cursor();
    if (termIndex >= segment.m_header.termCount)
        return false;
    const TermEntry t = segment.term(termIndex);
    const quint64 begin = segment.m_header.postingsOffset + t.postingsOffset;
    if (begin + t.postingsLength > segment.m_header.postingsEnd)
        return false;
    m_p = segment.m_data + begin;
    m_end = m_p + t.postingsLength;
    m_blockCount = segment.m_header.blockCount;
    m_damaged =
        !segment.checkOnce(segment.m_termChecked.get(), termIndex, QByteArrayView(m_p, t.postingsLength), t.hash);
    return !m_damaged;
}

bool Segment::Cursor::next()
{
    // Blocks rise strictly along a term's postings: the next posting is the first one past this.
    return seek(m_started ? m_block + 1 : 0);
}

bool Segment::Cursor::seek(quint32 block)
{
    if (m_started && m_block >= block)
        return true;
    if (m_damaged)
        return false;
    // The cursor in locals: a phrase of common words walks millions of postings here, and storing
    // every field back after each one cost a third of the walk.
    const char *p = m_p;
    const char *const end = m_end;
    quint32 current = m_block;
    quint32 frequency = m_started ? m_frequency : 0;
    for (;;) {
        quint32 left = frequency; // the current posting's positions, skipped by their last bytes
        while (left >= 8 && end - p >= 8) {
            quint64 word;
            std::memcpy(&word, p, 8);
            if (word & 0x8080808080808080ULL)
                break;
            p += 8;
            left -= 8;
        }
        while (left > 0 && p < end)
            left -= (quint8(*p++) & 0x80) ? 0 : 1;
        if (left > 0)
            return !(m_damaged = true);
        if (p >= end) {
            m_p = p;
            m_started = false; // at the end: nothing left to skip
            return false;
        }
        quint32 delta = 0;
        if (end - p >= 2 && !((quint8(p[0]) | quint8(p[1])) & 0x80)) {
            delta = quint8(p[0]);
            frequency = quint8(p[1]);
            p += 2;
        } else if (!readVarint(p, end, delta) || !readVarint(p, end, frequency)) {
            return !(m_damaged = true);
        }
        current += delta;
        if (frequency == 0 || current >= m_blockCount)
            return !(m_damaged = true);
        if (current >= block)
            break;
    }
    m_p = m_positions = p;
    m_block = current;
    m_frequency = frequency;
    m_started = true;
    return true;
}

bool Segment::Cursor::hasPosition(quint32 wanted) const
{
    // Checked for every word of a phrase in every block holding them all: one-byte steps (nearly
    // all of them) take the short path.
    const char *p = m_positions;
    const char *const end = m_end;
    quint32 position = 0;
    for (quint32 k = 0; k < m_frequency; ++k) {
        quint32 step = 0;
        if (p < end && !(quint8(*p) & 0x80))
            step = quint8(*p++);
        else if (!readVarint(p, end, step))
            return false;
        position += step;
        if (position >= wanted)
            return position == wanted;
    }
    return false;
}

bool Segment::Cursor::positions(std::vector<quint32> &out) const
{
    out.clear();
    const char *p = m_positions;
    quint32 position = 0;
    for (quint32 k = 0; k < m_frequency; ++k) {
        quint32 step = 0;
        if (!readVarint(p, m_end, step))
            return false;
        position += step;
        out.push_back(position);
    }
    return true;
}

std::optional<QByteArrayView> Segment::verifiedRegion(quint32 noteIndex, const NoteEntry &n) const
{
    const quint64 begin = m_header.regionsOffset + n.regionOffset;
    if (noteIndex >= m_header.noteCount || begin + n.regionLength > m_header.regionsEnd)
        return std::nullopt;
    const QByteArrayView bytes(m_data + begin, n.regionLength);
    if (!checkOnce(m_noteChecked.get(), noteIndex, bytes, n.regionHash)
        || quint64(n.blockCount) * sizeof(RegionBlock) > n.regionLength)
        return std::nullopt;
    return bytes;
}

namespace {

bool readRegionBlock(QByteArrayView bytes, quint32 i, Segment::RegionText &out)
{
    RegionBlock b{};
    std::memcpy(&b, bytes.data() + i * sizeof(RegionBlock), sizeof b);
    if (quint64(b.textOffset) + b.textLength > quint64(bytes.size())
        || quint64(b.sectionOffset) + b.sectionLength > quint64(bytes.size()))
        return false;
    out = Segment::RegionText{b.line, QString::fromUtf8(bytes.sliced(b.textOffset, b.textLength)),
                              QString::fromUtf8(bytes.sliced(b.sectionOffset, b.sectionLength))};
    return true;
}

} // namespace

bool Segment::region(quint32 noteIndex, std::vector<RegionText> &out) const
{
    out.clear();
    if (noteIndex >= m_header.noteCount)
        return false;
    const NoteEntry n = note(noteIndex);
    const std::optional<QByteArrayView> bytes = verifiedRegion(noteIndex, n);
    if (!bytes)
        return false;
    out.resize(n.blockCount);
    for (quint32 i = 0; i < n.blockCount; ++i) {
        if (!readRegionBlock(*bytes, i, out[i]))
            return false;
    }
    return true;
}

bool Segment::blockText(quint32 blockIndex, RegionText &out) const
{
    if (blockIndex >= m_header.blockCount)
        return false;
    const quint32 noteIndex = block(blockIndex).note;
    if (noteIndex >= m_header.noteCount)
        return false;
    const NoteEntry n = note(noteIndex);
    if (blockIndex < n.firstBlock || blockIndex - n.firstBlock >= n.blockCount)
        return false;
    const std::optional<QByteArrayView> bytes = verifiedRegion(noteIndex, n);
    return bytes && readRegionBlock(*bytes, blockIndex - n.firstBlock, out);
}

bool Segment::record(quint32 noteIndex, NoteRecord &out) const
{
    std::vector<RegionText> texts;
    if (!region(noteIndex, texts))
        return false;
    const NoteEntry n = note(noteIndex);
    out = NoteRecord();
    out.relativePath = pool(n.pathOffset, n.pathLength).toByteArray();
    out.size = n.size;
    out.modifiedMsecs = n.modifiedMsecs;
    out.title = QString::fromUtf8(pool(n.titleOffset, n.titleLength));
    out.date = fromJulian(n.date);
    // Participants are kept folded: folding them again gives the same words.
    out.participants = splitList(pool(n.participantsOffset, n.participantsLength));
    out.tags = splitList(pool(n.tagsOffset, n.tagsLength));
    for (quint32 i = 0; i < texts.size(); ++i) {
        const BlockEntry b = block(n.firstBlock + i);
        out.blocks.append(NoteRecord::Block{texts[i].line, TextBlock::Kind(b.kind), texts[i].section, texts[i].text});
    }
    for (quint32 i = 0; i < n.itemCount; ++i) {
        const ItemEntry it = item(n.firstItem + i);
        if (it.block < n.firstBlock || it.block >= n.firstBlock + n.blockCount)
            return false;
        out.items.append(NoteRecord::Item{int(it.block - n.firstBlock), TaskStatus(it.status),
                                          QString::fromUtf8(pool(it.ownerOffset, it.ownerLength)), fromJulian(it.due),
                                          splitList(pool(it.tagsOffset, it.tagsLength))});
    }
    return true;
}

} // namespace debrief
