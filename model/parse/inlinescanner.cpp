#include "parse/inlinescanner.h"

#include "base/textrepair.h"

#include <QChar>
#include <QHash>

#include <array>

namespace debrief {

namespace {

struct Range
{
    qsizetype begin = 0;
    qsizetype end = 0;
};

// Inline code spans, as CommonMark pairs backtick runs: an opening run is closed by the next
// run of the same length; an unpaired run is literal text. Each run is looked at once.
QList<Range> codeSpans(QByteArrayView text)
{
    QList<Range> runs;
    const qsizetype size = text.size();
    for (qsizetype i = text.indexOf('`'); i >= 0 && i < size; i = text.indexOf('`', i + 1)) {
        const qsizetype begin = i;
        while (i + 1 < size && text[i + 1] == '`')
            ++i;
        runs.append({begin, i + 1});
    }
    QList<Range> spans;
    if (runs.size() < 2)
        return spans;

    // nextSame[i]: the next run with the same length as run i, or -1.
    QList<qsizetype> nextSame(runs.size(), -1);
    QHash<qsizetype, qsizetype> lastByLength;
    for (qsizetype i = runs.size() - 1; i >= 0; --i) {
        const qsizetype length = runs[i].end - runs[i].begin;
        nextSame[i] = lastByLength.value(length, -1);
        lastByLength.insert(length, i);
    }
    for (qsizetype i = 0; i < runs.size();) {
        const qsizetype closer = nextSame[i];
        if (closer < 0) {
            ++i;
            continue;
        }
        spans.append({runs[i].begin, runs[closer].end});
        i = closer + 1;
    }
    return spans;
}

// The bytes the scan stops at; everything else is skipped by one table lookup.
constexpr std::array<bool, 256> stopBytes = [] {
    std::array<bool, 256> table{};
    for (const unsigned char c : {'[', '#', '`', '\n', '\r'})
        table[c] = true;
    return table;
}();

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// Decodes one UTF-8 sequence at `i`; returns its length (1 for an invalid byte, with U+FFFD).
int decodeUtf8(QByteArrayView text, qsizetype i, char32_t *codePoint)
{
    const auto byte = [&](qsizetype at) { return static_cast<unsigned char>(text[at]); };
    const unsigned char lead = byte(i);
    int length = 0;
    char32_t value = 0;
    if (lead < 0x80) {
        *codePoint = lead;
        return 1;
    } else if ((lead & 0xE0) == 0xC0) {
        length = 2;
        value = lead & 0x1F;
    } else if ((lead & 0xF0) == 0xE0) {
        length = 3;
        value = lead & 0x0F;
    } else if ((lead & 0xF8) == 0xF0) {
        length = 4;
        value = lead & 0x07;
    } else {
        *codePoint = 0xFFFD;
        return 1;
    }
    if (i + length > text.size()) {
        *codePoint = 0xFFFD;
        return 1;
    }
    for (int k = 1; k < length; ++k) {
        if ((byte(i + k) & 0xC0) != 0x80) {
            *codePoint = 0xFFFD;
            return 1;
        }
        value = (value << 6) | (byte(i + k) & 0x3F);
    }
    *codePoint = value;
    return length;
}

// Obsidian's tag characters: letters, digits, '_', '-', '/'. Returns the tag's end.
qsizetype tagEnd(QByteArrayView text, qsizetype begin, bool *hasNonDigit)
{
    qsizetype i = begin;
    *hasNonDigit = false;
    while (i < text.size()) {
        const char c = text[i];
        if ((c >= '0' && c <= '9')) {
            ++i;
        } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '-' || c == '/') {
            *hasNonDigit = true;
            ++i;
        } else if (static_cast<unsigned char>(c) >= 0x80) {
            char32_t codePoint = 0;
            const int length = decodeUtf8(text, i, &codePoint);
            if (!QChar::isLetterOrNumber(codePoint))
                break;
            *hasNonDigit = true;
            i += length;
        } else {
            break;
        }
    }
    return i;
}

QString repaired(QByteArrayView bytes)
{
    return TextRepair::repair(QString::fromUtf8(bytes.trimmed()));
}

struct Wikilink
{
    qsizetype open = 0; // the "[[" that starts it (a later "[[" wins over an earlier one)
    qsizetype end = -1; // one past "]]"; -1 when there is no wikilink
    qsizetype stop = 0; // where the search stopped: no wikilink starts before it
};

// Looks for the wikilink whose "[[" is at `open`. A wikilink stays on one line and does not run
// into a code span (at `limit`). When none is found, none starts before `stop` either, so the
// caller resumes there: that keeps a line of 100,000 '[' linear.
Wikilink findWikilink(QByteArrayView text, qsizetype open, qsizetype limit)
{
    Wikilink link{open, -1, limit};
    for (qsizetype i = open + 2; i < limit; ++i) {
        const char c = text[i];
        if (c == '\n' || c == '\r') {
            link.stop = i;
            return link;
        }
        if (i + 1 >= limit)
            break;
        if (c == '[' && text[i + 1] == '[') {
            link.open = i;
            ++i;
        } else if (c == ']' && text[i + 1] == ']') {
            if (i > link.open + 2)
                link.end = i + 2;
            link.stop = i + 2;
            return link;
        }
    }
    return link;
}

} // namespace

Link InlineScanner::parseLink(QByteArrayView inner)
{
    Link link;
    QByteArrayView target = inner;
    const qsizetype bar = inner.indexOf('|');
    if (bar >= 0) {
        target = inner.first(bar);
        link.alias = repaired(inner.sliced(bar + 1));
        // Inside a table the bar is written "\|".
        if (target.endsWith('\\'))
            target.chop(1);
    }
    const qsizetype hash = target.indexOf('#');
    if (hash >= 0) {
        link.heading = repaired(target.sliced(hash + 1));
        target = target.first(hash);
    }
    link.target = repaired(target);
    return link;
}

void InlineScanner::scan(QByteArrayView text, int firstLine, QList<Link> *links, QStringList *tags)
{
    const QList<Range> spans = codeSpans(text);
    qsizetype nextSpan = 0;
    int line = firstLine;
    const qsizetype size = text.size();
    const char *data = text.data();
    for (qsizetype i = 0; i < size; ++i) {
        while (i < size && !stopBytes[static_cast<unsigned char>(data[i])])
            ++i;
        if (i >= size)
            break;
        const char c = data[i];
        if (nextSpan < spans.size() && i == spans[nextSpan].begin) {
            // Line breaks inside the span still count.
            for (qsizetype k = i; k < spans[nextSpan].end; ++k) {
                if (text[k] == '\n' || (text[k] == '\r' && (k + 1 >= size || text[k + 1] != '\n')))
                    ++line;
            }
            i = spans[nextSpan].end - 1;
            ++nextSpan;
            continue;
        }
        if (c == '\n' || (c == '\r' && (i + 1 >= size || text[i + 1] != '\n'))) {
            ++line;
        } else if (c == '[' && i + 1 < size && text[i + 1] == '[' && links) {
            const qsizetype limit = nextSpan < spans.size() ? spans[nextSpan].begin : size;
            const Wikilink found = findWikilink(text, i, limit);
            if (found.end >= 0) {
                Link link = parseLink(text.sliced(found.open + 2, found.end - found.open - 4));
                if (!link.target.isEmpty()) {
                    link.line = line;
                    links->append(link);
                }
            }
            i = found.stop - 1;
        } else if (c == '#' && tags && (i == 0 || isSpace(text[i - 1]))) {
            bool hasNonDigit = false;
            const qsizetype end = tagEnd(text, i + 1, &hasNonDigit);
            if (end > i + 1 && hasNonDigit)
                tags->append(repaired(text.sliced(i + 1, end - i - 1)));
            i = end - 1;
        }
    }
}

QByteArray InlineScanner::displayText(QByteArrayView plain)
{
    if (!plain.contains("[["))
        return plain.toByteArray();
    QByteArray out;
    out.reserve(plain.size());
    qsizetype copied = 0;
    for (qsizetype i = 0; i + 1 < plain.size(); ++i) {
        if (plain[i] != '[' || plain[i + 1] != '[')
            continue;
        const Wikilink found = findWikilink(plain, i, plain.size());
        if (found.end < 0) {
            i = found.stop - 1;
            continue;
        }
        const qsizetype end = found.end;
        QByteArrayView inner = plain.sliced(found.open + 2, end - found.open - 4);
        qsizetype from = found.open;
        if (from > 0 && plain[from - 1] == '!') // an embed
            --from;
        out.append(plain.sliced(copied, from - copied));
        const qsizetype bar = inner.indexOf('|');
        if (bar >= 0) {
            out.append(inner.sliced(bar + 1).trimmed());
        } else {
            const qsizetype hash = inner.indexOf('#');
            if (hash >= 0) {
                out.append(inner.first(hash).trimmed());
                out.append(" > ");
                out.append(inner.sliced(hash + 1).trimmed());
            } else {
                out.append(inner.trimmed());
            }
        }
        copied = end;
        i = end - 1;
    }
    out.append(plain.sliced(copied));
    return out;
}

} // namespace debrief
