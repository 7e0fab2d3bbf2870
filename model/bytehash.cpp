#include "bytehash.h"

#include <cstring>

namespace debrief {

quint64 hashBytes(QByteArrayView bytes)
{
    // Four independent lanes so the multiplies overlap: a warm search hashes megabytes of tables,
    // and every note read is hashed whole.
    constexpr quint64 multiplier = 0x9E3779B97F4A7C15ULL;
    quint64 lanes[4] = {0xCBF29CE484222325ULL, 0x84222325CBF29CE4ULL, 0x27D4EB2F165667C5ULL,
                        0x165667B19E3779F9ULL ^ quint64(bytes.size())};
    const char *data = bytes.data();
    qsizetype left = bytes.size();
    while (left >= 32) {
        for (int lane = 0; lane < 4; ++lane) {
            quint64 word;
            std::memcpy(&word, data + lane * 8, 8);
            lanes[lane] = (lanes[lane] ^ word) * multiplier;
            lanes[lane] ^= lanes[lane] >> 29;
        }
        data += 32;
        left -= 32;
    }
    quint64 hash = lanes[0] ^ (lanes[1] * 3) ^ (lanes[2] * 5) ^ (lanes[3] * 7);
    while (left >= 8) {
        quint64 word;
        std::memcpy(&word, data, 8);
        hash = (hash ^ word) * multiplier;
        hash ^= hash >> 29;
        data += 8;
        left -= 8;
    }
    quint64 tail = 0;
    if (left > 0)
        std::memcpy(&tail, data, size_t(left));
    hash = (hash ^ tail) * multiplier;
    hash ^= hash >> 32;
    return hash;
}

} // namespace debrief
