#include "parse/plainyaml.h"

#include "parse/yamlconverter.h"

#include <QJsonArray>
#include <QJsonValue>
#include <QString>

#include <algorithm>

namespace debrief {

namespace {

// yaml-cpp rejects a simple key longer than 1024 characters; stay well inside that.
constexpr qsizetype maxKeyLength = 256;

bool isAsciiAlnum(uchar c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// Printable ASCII and line feeds, and valid UTF-8 without the characters yaml-cpp or YAML treat
// specially: C1 controls (U+0085 is a YAML line break), U+2028, U+2029, and U+FEFF (a byte-order
// mark). Tabs go too: YAML forbids them in indentation and they are rare anywhere else.
bool isPlainText(QByteArrayView text)
{
    const auto *bytes = reinterpret_cast<const uchar *>(text.data());
    const qsizetype size = text.size();
    qsizetype i = 0;
    while (i < size) {
        const uchar c = bytes[i];
        if (c < 0x80) {
            if ((c < 0x20 && c != '\n') || c == 0x7F)
                return false;
            ++i;
            continue;
        }
        int length = 0;
        char32_t code = 0;
        if (c >= 0xC2 && c <= 0xDF) {
            length = 2;
            code = c & 0x1F;
        } else if (c >= 0xE0 && c <= 0xEF) {
            length = 3;
            code = c & 0x0F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            length = 4;
            code = c & 0x07;
        } else {
            return false;
        }
        if (size - i < length)
            return false;
        for (int k = 1; k < length; ++k) {
            const uchar next = bytes[i + k];
            if ((next & 0xC0) != 0x80)
                return false;
            code = (code << 6) | (next & 0x3F);
        }
        if ((length == 3 && code < 0x800) || (length == 4 && (code < 0x10000 || code > 0x10FFFF))
            || (code >= 0xD800 && code <= 0xDFFF) || code <= 0x9F || code == 0x2028 || code == 0x2029
            || code == 0xFEFF) {
            return false;
        }
        i += length;
    }
    return true;
}

QByteArrayView trimmed(QByteArrayView text)
{
    qsizetype begin = 0;
    qsizetype end = text.size();
    while (begin < end && text[begin] == ' ')
        ++begin;
    while (end > begin && text[end - 1] == ' ')
        --end;
    return text.sliced(begin, end - begin);
}

qsizetype indentation(QByteArrayView line)
{
    qsizetype i = 0;
    while (i < line.size() && line[i] == ' ')
        ++i;
    return i;
}

// The lines of the block, one at a time.
class Lines final
{
public:
    explicit Lines(QByteArrayView text)
        : m_text(text)
    {
        load(0);
    }

    bool atEnd() const { return m_begin >= m_text.size(); }
    QByteArrayView line() const { return m_text.sliced(m_begin, m_end - m_begin); }
    void next() { load(m_end + 1); }

private:
    void load(qsizetype begin)
    {
        m_begin = begin;
        if (begin >= m_text.size()) {
            m_end = begin;
            return;
        }
        const qsizetype end = m_text.indexOf('\n', begin);
        m_end = end < 0 ? m_text.size() : end;
    }

    QByteArrayView m_text;
    qsizetype m_begin = 0;
    qsizetype m_end = 0;
};

// The key's length when `line` is 'key:' followed by a space or the line's end; -1 otherwise.
// Keys yaml-cpp reads as null (null, Null, NULL) are declined by the caller.
qsizetype keyLength(QByteArrayView line)
{
    if (line.isEmpty())
        return -1;
    const uchar first = uchar(line[0]);
    if (!isAsciiAlnum(first) && first != '_' && first < 0x80)
        return -1;
    const qsizetype limit = std::min(line.size(), maxKeyLength + 1);
    for (qsizetype i = 1; i < limit; ++i) {
        const uchar c = uchar(line[i]);
        if (c == ':') {
            if (line[i - 1] == ' ' || (i + 1 < line.size() && line[i + 1] != ' '))
                return -1;
            return i;
        }
        if (c == ' ') {
            if (line[i - 1] == ' ')
                return -1;
        } else if (!isAsciiAlnum(c) && c != '_' && c != '-' && c != '.' && c != '/' && c < 0x80) {
            return -1;
        }
    }
    return -1;
}

// A line of a plain scalar in block context, trimmed and not empty: it must not start with an
// indicator ('-', '?' or ':' before a space, or one of ",[]{}#&*!|>'\"%@`"; '?' and ':' are
// declined outright) and must hold no ': ', no trailing ':' and no ' #' (a comment).
bool isPlainLine(QByteArrayView text)
{
    switch (text.front()) {
    case ',':
    case '[':
    case ']':
    case '{':
    case '}':
    case '#':
    case '&':
    case '*':
    case '!':
    case '|':
    case '>':
    case '\'':
    case '"':
    case '%':
    case '@':
    case '`':
    case '?':
    case ':': return false;
    case '-':
        if (text.size() == 1 || text[1] == ' ')
            return false;
        break;
    default: break;
    }
    const qsizetype size = text.size();
    for (qsizetype i = 1; i < size; ++i) {
        const char c = text[i];
        if (c == ':' && (i + 1 == size || text[i + 1] == ' '))
            return false;
        if (c == '#' && text[i - 1] == ' ')
            return false;
    }
    return true;
}

// A plain item of a flow list, trimmed: stricter than in block context, as yaml-cpp ends flow
// scalars at more characters. No ':', '#', '?', quotes or brackets at all.
bool isFlowPlain(QByteArrayView text)
{
    if (text.isEmpty())
        return false;
    switch (text.front()) {
    case '&':
    case '*':
    case '!':
    case '|':
    case '>':
    case '%':
    case '@':
    case '`': return false;
    case '-':
        if (text.size() == 1 || text[1] == ' ')
            return false;
        break;
    default: break;
    }
    for (const char c : text) {
        switch (c) {
        case ':':
        case '#':
        case '?':
        case '\'':
        case '"':
        case '[':
        case ']':
        case '{':
        case '}':
        case ',': return false;
        default: break;
        }
    }
    return true;
}

QJsonValue plain(QByteArrayView text)
{
    return YamlConverter::plainScalar(QString::fromUtf8(text));
}

// A quoted scalar that starts at text[0] and closes on the same line; `end` is set just past the
// closing quote. Double-quoted scalars with a backslash are declined (escapes are yaml-cpp's).
std::optional<QJsonValue> quoted(QByteArrayView text, qsizetype &end)
{
    const char quote = text.front();
    QByteArray unescaped; // single-quoted only, when it holds ''
    qsizetype copied = 1;
    for (qsizetype i = 1; i < text.size(); ++i) {
        const char c = text[i];
        if (quote == '"') {
            if (c == '\\')
                return std::nullopt;
            if (c == '"') {
                end = i + 1;
                return QJsonValue(QString::fromUtf8(text.sliced(1, i - 1)));
            }
        } else if (c == '\'') {
            if (i + 1 < text.size() && text[i + 1] == '\'') {
                unescaped.append(text.sliced(copied, i + 1 - copied));
                copied = i + 2;
                ++i;
                continue;
            }
            end = i + 1;
            if (unescaped.isNull())
                return QJsonValue(QString::fromUtf8(text.sliced(1, i - 1)));
            unescaped.append(text.sliced(copied, i - copied));
            return QJsonValue(QString::fromUtf8(unescaped));
        }
    }
    return std::nullopt;
}

// A quoted scalar that is all of `text`.
std::optional<QJsonValue> wholeQuoted(QByteArrayView text)
{
    qsizetype end = 0;
    std::optional<QJsonValue> value = quoted(text, end);
    if (end != text.size())
        return std::nullopt;
    return value;
}

// A list item: a quoted or a plain scalar on one line.
std::optional<QJsonValue> scalar(QByteArrayView text)
{
    if (text.front() == '\'' || text.front() == '"')
        return wholeQuoted(text);
    if (!isPlainLine(text))
        return std::nullopt;
    return plain(text);
}

// The reader proper; one per block.
class PlainYamlReader final
{
public:
    explicit PlainYamlReader(QByteArrayView yaml)
        : m_lines(yaml)
    {
    }

    std::optional<QJsonObject> read();

private:
    std::optional<QJsonValue> value(QByteArrayView text);
    std::optional<QJsonValue> foldedPlain(QByteArrayView first);
    std::optional<QJsonValue> flowList(QByteArrayView text);
    std::optional<QJsonValue> blockListOrNull();
    bool count() { return ++m_nodes <= PlainYaml::maxNodes; }

    Lines m_lines;
    int m_nodes = 0;
};

std::optional<QJsonObject> PlainYamlReader::read()
{
    QJsonObject values;
    while (!m_lines.atEnd()) {
        const QByteArrayView line = m_lines.line();
        if (indentation(line) == line.size()) { // blank lines end an entry and are skipped
            m_lines.next();
            continue;
        }
        // Anything else that is not a key here (an indented line, a '- ' line after a value, a
        // comment) is outside the subset.
        const qsizetype length = keyLength(line);
        if (length < 0)
            return std::nullopt;
        const QByteArrayView key = line.first(length);
        if (key == "null" || key == "Null" || key == "NULL")
            return std::nullopt;
        const QByteArrayView text = trimmed(line.sliced(length + 1));
        m_lines.next();
        std::optional<QJsonValue> result = value(text);
        if (!result || !count())
            return std::nullopt;
        const qsizetype size = values.size();
        values.insert(QString::fromUtf8(key), *result);
        if (values.size() == size)
            return std::nullopt; // a duplicate key: yaml-cpp keeps both, the converter the last
    }
    return values;
}

std::optional<QJsonValue> PlainYamlReader::value(QByteArrayView text)
{
    if (text.isEmpty())
        return blockListOrNull();
    switch (text.front()) {
    case '\'':
    case '"': return wholeQuoted(text);
    case '[': return flowList(text);
    default: return foldedPlain(text);
    }
}

// A plain scalar continues on every following line indented by at least one space (the map is
// at column 0); yaml-cpp trims each line and joins them with one space. A blank line ends it, and
// read() then declines anything indented after the blank line (yaml-cpp would keep a newline).
std::optional<QJsonValue> PlainYamlReader::foldedPlain(QByteArrayView first)
{
    if (!isPlainLine(first))
        return std::nullopt;
    QByteArray folded;
    while (!m_lines.atEnd()) {
        const QByteArrayView line = m_lines.line();
        if (line.isEmpty() || line.front() != ' ')
            break;
        const QByteArrayView text = trimmed(line);
        if (text.isEmpty())
            break;
        if (!isPlainLine(text))
            return std::nullopt;
        if (folded.isNull())
            folded = first.toByteArray();
        folded.append(' ');
        folded.append(text);
        m_lines.next();
    }
    return plain(folded.isNull() ? first : QByteArrayView(folded));
}

// [a, "b", 'c'] on one line; [] is an empty list.
std::optional<QJsonValue> PlainYamlReader::flowList(QByteArrayView text)
{
    QJsonArray items;
    const qsizetype size = text.size();
    qsizetype i = 1;
    while (i < size && text[i] == ' ')
        ++i;
    if (i < size && text[i] == ']')
        return i + 1 == size ? std::optional<QJsonValue>(items) : std::nullopt;
    while (i < size) {
        while (i < size && text[i] == ' ')
            ++i;
        if (i == size)
            return std::nullopt;
        if (text[i] == '\'' || text[i] == '"') {
            qsizetype end = 0;
            std::optional<QJsonValue> item = quoted(text.sliced(i), end);
            if (!item)
                return std::nullopt;
            items.append(*item);
            i += end;
        } else {
            qsizetype end = i;
            while (end < size && text[end] != ',' && text[end] != ']')
                ++end;
            const QByteArrayView item = trimmed(text.sliced(i, end - i));
            if (!isFlowPlain(item))
                return std::nullopt;
            items.append(plain(item));
            i = end;
        }
        if (!count())
            return std::nullopt;
        while (i < size && text[i] == ' ')
            ++i;
        if (i == size)
            return std::nullopt;
        if (text[i] == ']')
            return i + 1 == size ? std::optional<QJsonValue>(items) : std::nullopt;
        if (text[i] != ',')
            return std::nullopt;
        ++i;
    }
    return std::nullopt;
}

// After 'key:' with nothing behind it: '- item' lines at one indentation (column 0 or more)
// make a list; a blank line, the end or another key make the value null.
std::optional<QJsonValue> PlainYamlReader::blockListOrNull()
{
    if (m_lines.atEnd())
        return QJsonValue(QJsonValue::Null);
    const QByteArrayView first = m_lines.line();
    const qsizetype indent = indentation(first);
    if (indent == first.size() || (indent == 0 && first.front() != '-'))
        return QJsonValue(QJsonValue::Null);
    if (first[indent] != '-')
        return std::nullopt; // an indented scalar or map
    QJsonArray items;
    while (!m_lines.atEnd()) {
        const QByteArrayView line = m_lines.line();
        if (line.size() < indent + 2 || indentation(line) != indent || line[indent] != '-' || line[indent + 1] != ' ') {
            break; // read() takes what follows, and declines all but a blank line or a key
        }
        const QByteArrayView text = trimmed(line.sliced(indent + 2));
        if (text.isEmpty())
            return std::nullopt; // a null item
        std::optional<QJsonValue> item = scalar(text);
        if (!item || !count())
            return std::nullopt;
        items.append(*item);
        m_lines.next();
    }
    if (items.isEmpty())
        return std::nullopt;
    return items;
}

} // namespace

std::optional<QJsonObject> PlainYaml::parse(QByteArrayView yaml)
{
    if (!isPlainText(yaml))
        return std::nullopt;
    return PlainYamlReader(yaml).read();
}

} // namespace debrief
