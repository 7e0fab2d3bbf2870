#include "indexformat.h"

#include <cstring>

namespace debrief::indexformat {

quint64 hashBytes(QByteArrayView bytes)
{
    constexpr quint64 multiplier = 0x9E3779B97F4A7C15ULL;
    quint64 hash = 0xCBF29CE484222325ULL ^ quint64(bytes.size());
    const char *data = bytes.data();
    qsizetype left = bytes.size();
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

SectionCode sectionCode(const QString &folded)
{
    if (folded.isEmpty())
        return NoSection;
    if (folded.startsWith(u"summary"))
        return Summary;
    if (folded.startsWith(u"decision"))
        return Decisions;
    if (folded.contains(u"action") || folded.startsWith(u"task"))
        return Actions;
    if (folded.startsWith(u"key"))
        return Key;
    if (folded.startsWith(u"related"))
        return Related;
    return OtherSection;
}

} // namespace debrief::indexformat
