#include "lineindex.h"

namespace debrief {

LineIndex::LineIndex(QByteArrayView bytes)
    : m_bytes(bytes)
{
    qsizetype pos = bytes.startsWith("\xEF\xBB\xBF") ? 3 : 0;
    const qsizetype size = bytes.size();
    const char *data = bytes.data();
    m_starts.reserve(size / 40 + 1);
    m_ends.reserve(size / 40 + 1);
    while (pos < size) {
        qsizetype end = pos;
        while (end < size && data[end] != '\n' && data[end] != '\r')
            ++end;
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
