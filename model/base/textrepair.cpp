#include "base/textrepair.h"

#include "base/codepage.h"

#include <QList>

#include <array>

namespace debrief {

namespace {

// The lowest character that stands for a UTF-8 lead byte in either code page (Mac Roman 0xCA).
constexpr char32_t lowestLead = 0xA0;

constexpr std::array<CodePage::Kind, 2> codePages{CodePage::Kind::MacRoman, CodePage::Kind::Windows1252};

// A mojibake run found in the text: the code point it stands for and how many units it spans.
struct Run
{
    char32_t codePoint = 0;
    qsizetype length = 0;
};

// A two-byte sequence decodes to a code point below U+0800, and many pairs of real characters
// happen to form one ("“é" in Mac Roman is D2 8E, U+048E). Accept only what mojibake of
// real-world text holds: the accented letters of Latin-1 and Latin Extended-A, Romanian ș and ț,
// and the combining marks of decomposed (NFD) text that macOS writes. The rest of Latin
// Extended-B is left out on purpose: Mac Roman « » … lead into it, so "«élan" would become "ǎlan".
bool plausibleTwoByte(char32_t cp)
{
    return (cp >= 0xA0 && cp <= 0x17F) || (cp >= 0x218 && cp <= 0x21B) || (cp >= 0x300 && cp <= 0x36F);
}

bool isCombiningMark(char32_t cp)
{
    return cp >= 0x300 && cp <= 0x36F;
}

// Reads a mojibake run at `pos` in one code page: the characters' bytes must form one complete,
// valid UTF-8 sequence. `read(pos)` gives the code point at `pos` and the units it spans.
template<typename Reader>
Run runIn(CodePage::Kind kind, const Reader &read, qsizetype pos, qsizetype size)
{
    const auto [first, firstLength] = read(pos);
    const int lead = CodePage::toByte(kind, first);
    if (lead < 0xC2 || lead > 0xF4)
        return {};
    const int count = lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
    char32_t cp = char32_t(lead & (0x7F >> count));
    qsizetype at = pos + firstLength;
    for (int taken = 1; taken < count; ++taken) {
        if (at >= size)
            return {};
        const auto [ch, length] = read(at);
        const int byte = CodePage::toByte(kind, ch);
        if (byte < 0x80 || byte > 0xBF)
            return {};
        cp = (cp << 6) | char32_t(byte & 0x3F);
        at += length;
    }
    const bool valid = count == 2 ? plausibleTwoByte(cp)
        : count == 3              ? cp >= 0x800 && (cp < 0xD800 || cp > 0xDFFF)
                                  : cp >= 0x10000 && cp <= 0x10FFFF;
    return valid ? Run{cp, at - pos} : Run{};
}

// The run at `pos` in either code page. Mac Roman comes first (the seeds' tool), but a combining
// mark is taken only when Windows-1252 reads nothing: cp1252 "Ã©" (é) is Mac Roman CC A9, U+0329.
template<typename Reader>
Run runAt(const Reader &read, qsizetype pos, qsizetype size)
{
    Run fallback;
    for (const CodePage::Kind kind : codePages) {
        const Run run = runIn(kind, read, pos, size);
        if (run.length > 0 && !isCombiningMark(run.codePoint))
            return run;
        if (fallback.length == 0)
            fallback = run;
    }
    return fallback;
}

struct Decoded
{
    char32_t codePoint;
    qsizetype length;
};

constexpr char32_t notAChar = 0xFFFFFFFF;

// One UTF-16 unit at a time: every character of both code pages is a single unit, so a
// surrogate never takes part in a run and needs no decoding.
struct Utf16Reader
{
    const char16_t *data;
    Decoded operator()(qsizetype pos) const { return {data[pos], 1}; }
};

// One UTF-8 sequence at a time; an invalid byte reads as notAChar of length 1.
struct Utf8Reader
{
    const uchar *data;
    qsizetype size;

    Decoded operator()(qsizetype pos) const
    {
        const uchar lead = data[pos];
        if (lead < 0x80)
            return {lead, 1};
        const int count = lead >= 0xC2 && lead < 0xE0 ? 2
            : lead >= 0xE0 && lead < 0xF0             ? 3
            : lead >= 0xF0 && lead <= 0xF4            ? 4
                                                      : 0;
        if (count == 0 || pos + count > size)
            return {notAChar, 1};
        char32_t cp = char32_t(lead & (0x7F >> count));
        for (int i = 1; i < count; ++i) {
            const uchar byte = data[pos + i];
            if ((byte & 0xC0) != 0x80)
                return {notAChar, 1};
            cp = (cp << 6) | (byte & 0x3F);
        }
        const bool valid = count == 2 || (count == 3 && cp >= 0x800 && (cp < 0xD800 || cp > 0xDFFF))
            || (count == 4 && cp >= 0x10000 && cp <= 0x10FFFF);
        return valid ? Decoded{cp, count} : Decoded{notAChar, 1};
    }
};

// Where the first run starts at or after `from`, or -1. This is the fast path: most text has
// no character at or above lowestLead and costs one comparison per unit.
template<typename Reader>
qsizetype firstRun(const Reader &read, qsizetype from, qsizetype size, Run *run)
{
    for (qsizetype pos = from; pos < size;) {
        const auto [ch, length] = read(pos);
        if (ch >= lowestLead && ch != notAChar) {
            *run = runAt(read, pos, size);
            if (run->length > 0)
                return pos;
        }
        pos += length;
    }
    return -1;
}

void appendUtf8(QByteArray &out, char32_t cp)
{
    const char32_t ch[1] = {cp};
    out += QString::fromUcs4(ch, 1).toUtf8();
}

} // namespace

QString TextRepair::repair(const QString &text)
{
    const Utf16Reader read{reinterpret_cast<const char16_t *>(text.utf16())};
    const qsizetype size = text.size();
    Run run;
    qsizetype pos = firstRun(read, 0, size, &run);
    if (pos < 0)
        return text;

    QString out;
    out.reserve(size);
    qsizetype copied = 0;
    while (pos >= 0) {
        out += QStringView(text).sliced(copied, pos - copied);
        const char32_t ch[1] = {run.codePoint};
        out += QString::fromUcs4(ch, 1);
        copied = pos + run.length;
        pos = firstRun(read, copied, size, &run);
    }
    out += QStringView(text).sliced(copied);
    return out;
}

bool TextRepair::hasMojibake(const QString &text)
{
    Run run;
    return firstRun(Utf16Reader{reinterpret_cast<const char16_t *>(text.utf16())}, 0, text.size(), &run) >= 0;
}

QByteArray TextRepair::repairBytes(QByteArrayView bytes)
{
    const Utf8Reader read{reinterpret_cast<const uchar *>(bytes.data()), bytes.size()};
    Run run;
    qsizetype pos = firstRun(read, 0, bytes.size(), &run);
    if (pos < 0)
        return bytes.toByteArray();

    // Everything between runs, invalid bytes included, is copied byte for byte.
    QByteArray out;
    out.reserve(bytes.size());
    qsizetype copied = 0;
    while (pos >= 0) {
        out += bytes.sliced(copied, pos - copied);
        appendUtf8(out, run.codePoint);
        copied = pos + run.length;
        pos = firstRun(read, copied, bytes.size(), &run);
    }
    out += bytes.sliced(copied);
    return out;
}

QList<QByteArray> TextRepair::mojibakeSpellings(const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    QList<QByteArray> spellings{utf8};
    for (const CodePage::Kind kind : codePages) {
        QString misread;
        misread.reserve(utf8.size());
        for (const char byte : utf8)
            misread += QChar(CodePage::toUnicode(kind, uchar(byte)));
        const QByteArray spelling = misread.toUtf8();
        if (!spellings.contains(spelling))
            spellings.append(spelling);
    }
    return spellings;
}

} // namespace debrief
