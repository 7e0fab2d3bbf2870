#include "filestamp.h"

namespace debrief {

quint64 FileStamp::contentHash(QByteArrayView bytes)
{
    // FNV-1a: trivially stable across runs, unlike qHash's per-process seed.
    quint64 hash = 14695981039346656037ULL;
    for (const char c : bytes) {
        hash ^= static_cast<unsigned char>(c);
        hash *= 1099511628211ULL;
    }
    return hash;
}

} // namespace debrief
