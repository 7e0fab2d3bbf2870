#include "base/textlines.h"

namespace debrief {

namespace {
const QByteArray utf8Bom = QByteArrayLiteral("\xEF\xBB\xBF");
}

TextLines TextLines::split(QByteArrayView bytes)
{
    TextLines result;
    if (bytes.startsWith(QByteArrayView(utf8Bom))) {
        result.bom = utf8Bom;
        bytes = bytes.sliced(utf8Bom.size());
    }
    qsizetype start = 0;
    const qsizetype size = bytes.size();
    for (qsizetype i = 0; i < size; ++i) {
        const char c = bytes[i];
        if (c == '\n' || c == '\r') {
            if (c == '\r' && i + 1 < size && bytes[i + 1] == '\n')
                ++i;
            result.lines.append(bytes.sliced(start, i + 1 - start).toByteArray());
            start = i + 1;
        }
    }
    if (start < size)
        result.lines.append(bytes.sliced(start).toByteArray());
    return result;
}

QByteArray TextLines::join() const
{
    qsizetype total = bom.size();
    for (const QByteArray &line : lines)
        total += line.size();
    QByteArray bytes;
    bytes.reserve(total);
    bytes += bom;
    for (const QByteArray &line : lines)
        bytes += line;
    return bytes;
}

QByteArrayView TextLines::content(int line) const
{
    return contentOf(lines.at(line - 1));
}

QByteArrayView TextLines::ending(int line) const
{
    return endingOf(lines.at(line - 1));
}

QByteArray TextLines::preferredEnding() const
{
    for (const QByteArray &line : lines) {
        const QByteArrayView end = endingOf(line);
        if (!end.isEmpty())
            return end.toByteArray();
    }
    return QByteArrayLiteral("\n");
}

QByteArrayView TextLines::contentOf(QByteArrayView line)
{
    return line.chopped(endingOf(line).size());
}

QByteArrayView TextLines::endingOf(QByteArrayView line)
{
    if (line.endsWith("\r\n"))
        return line.last(2);
    if (line.endsWith('\n') || line.endsWith('\r'))
        return line.last(1);
    return {};
}

bool TextLines::isBlank(QByteArrayView line)
{
    for (const char c : contentOf(line)) {
        if (c != ' ' && c != '\t')
            return false;
    }
    return true;
}

} // namespace debrief
