#include "base/bytehash.h"

#include <algorithm>
#include <cstring>

namespace debrief {

namespace {

constexpr quint64 multiplier = 0x9E3779B97F4A7C15ULL;

} // namespace

quint64 hashBytes(QByteArrayView bytes)
{
    ByteHasher hasher(quint64(bytes.size()));
    hasher.add(bytes);
    return hasher.result();
}

ByteHasher::ByteHasher(quint64 totalSize)
    // Four independent lanes so the multiplies overlap: a warm search hashes megabytes of tables,
    // and every note read is hashed whole.
    : m_lanes{0xCBF29CE484222325ULL, 0x84222325CBF29CE4ULL, 0x27D4EB2F165667C5ULL, 0x165667B19E3779F9ULL ^ totalSize}
{
}

void ByteHasher::addBlock(const char *block)
{
    for (int lane = 0; lane < 4; ++lane) {
        quint64 word;
        std::memcpy(&word, block + lane * 8, 8);
        m_lanes[lane] = (m_lanes[lane] ^ word) * multiplier;
        m_lanes[lane] ^= m_lanes[lane] >> 29;
    }
}

void ByteHasher::add(QByteArrayView bytes)
{
    const char *data = bytes.data();
    qsizetype left = bytes.size();
    if (left == 0)
        return; // data may be null: memcpy must not see it
    if (m_pendingSize > 0) {
        const qsizetype taken = std::min<qsizetype>(left, 32 - m_pendingSize);
        std::memcpy(m_pending + m_pendingSize, data, size_t(taken));
        m_pendingSize += taken;
        data += taken;
        left -= taken;
        if (m_pendingSize < 32)
            return;
        addBlock(m_pending);
        m_pendingSize = 0;
    }
    for (; left >= 32; data += 32, left -= 32)
        addBlock(data);
    if (left > 0)
        std::memcpy(m_pending, data, size_t(left));
    m_pendingSize = left;
}

quint64 ByteHasher::result() const
{
    quint64 hash = m_lanes[0] ^ (m_lanes[1] * 3) ^ (m_lanes[2] * 5) ^ (m_lanes[3] * 7);
    const char *data = m_pending;
    qsizetype left = m_pendingSize;
    for (; left >= 8; data += 8, left -= 8) {
        quint64 word;
        std::memcpy(&word, data, 8);
        hash = (hash ^ word) * multiplier;
        hash ^= hash >> 29;
    }
    quint64 tail = 0;
    if (left > 0)
        std::memcpy(&tail, data, size_t(left));
    hash = (hash ^ tail) * multiplier;
    hash ^= hash >> 32;
    return hash;
}

} // namespace debrief
