#include "base/lineindex.h"

#include <cstring>

namespace debrief {

LineIndex::LineIndex(QByteArrayView bytes)
    : m_bytes(bytes)
{
    qsizetype pos = bytes.startsWith("\xEF\xBB\xBF") ? 3 : 0;
    const qsizetype size = bytes.size();
    const char *data = bytes.data();
    m_starts.reserve(size / 40 + 1);
    m_ends.reserve(size / 40 + 1);
    qsizetype nextLf = -1;
    while (pos < size) {
        // memchr is much faster than a byte loop. The next LF is remembered, so that a file of
        // lone CRs is not searched to its end once per line; a CR can only end the line earlier.
        if (nextLf < pos) {
            const void *lf = std::memchr(data + pos, '\n', size_t(size - pos));
            nextLf = lf ? static_cast<const char *>(lf) - data : size;
        }
        qsizetype end = nextLf;
        if (const void *cr = std::memchr(data + pos, '\r', size_t(end - pos)))
            end = static_cast<const char *>(cr) - data;
        m_starts.append(pos);
        m_ends.append(end);
        if (end >= size)
            break;
        pos = end + 1;
        if (data[end] == '\r' && pos < size && data[pos] == '\n')
            ++pos;
    }
}

QByteArrayView LineIndex::line(int number) const
{
    if (number < 1 || number > count())
        return {};
    const qsizetype begin = m_starts[number - 1];
    return m_bytes.sliced(begin, m_ends[number - 1] - begin);
}

qsizetype LineIndex::lineStart(int number) const
{
    if (number < 1)
        return 0;
    if (number > count())
        return m_bytes.size();
    return m_starts[number - 1];
}

qsizetype LineIndex::lineEnd(int number) const
{
    if (number < 1)
        return 0;
    if (number > count())
        return m_bytes.size();
    return m_ends[number - 1];
}

} // namespace debrief
