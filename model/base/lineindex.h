#pragma once

#include <QByteArrayView>
#include <QList>

namespace debrief {

// Where each line of a file starts, computed once so that any line is found in constant time.
// Lines end at LF, CRLF or a lone CR, as in CommonMark (and so as cmark-gfm counts them); a last
// line without a line ending still counts; a leading UTF-8 BOM is not part of line 1.
class LineIndex final
{
public:
    explicit LineIndex(QByteArrayView bytes);

    int count() const { return int(m_starts.size()); }
    QByteArrayView line(int number) const; // 1-based, without its line ending; empty when out of range
    qsizetype lineStart(int number) const;
    qsizetype lineEnd(int number) const; // one past the last content byte
    QByteArrayView bytes() const { return m_bytes; }

private:
    QByteArrayView m_bytes;
    QList<qsizetype> m_starts; // first byte of each line
    QList<qsizetype> m_ends;   // one past the content of each line
};

} // namespace debrief
