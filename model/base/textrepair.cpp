#include "base/textrepair.h"

#include "base/codepage.h"
#include "base/mojibakebadness.h"
#include "base/mojibakeline.h"

#include <QChar>
#include <QList>

#include <algorithm>
#include <array>
#include <string>
#include <string_view>

namespace debrief {

namespace {

using Kind = CodePage::Kind;

// Mac Roman first (the tool the seeds came through), then Windows-1252, then Latin-1, where
// C1 controls stand for the bytes 0x80-0x9F.
constexpr std::array<Kind, 3> codePages{Kind::MacRoman, Kind::Windows1252, Kind::Latin1};
constexpr int maxLayers = 4;
constexpr int maxRunSequences = 64;   // keeps a rejected run's cost bounded: linear time
constexpr char32_t lowestLead = 0xA0; // no character below stands for a lead byte in any page

// One UTF-8 sequence spelled in a code page: what it decodes to and how many characters it took.
struct Sequence
{
    char32_t codePoint = 0;
    int length = 0;
};

Sequence sequenceAt(Kind kind, std::u32string_view text, size_t pos)
{
    const int lead = CodePage::toByte(kind, text[pos]);
    if (lead < 0xC2 || lead > 0xF4)
        return {};
    const int count = lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
    if (pos + size_t(count) > text.size())
        return {};
    char32_t cp = char32_t(lead & (0x7F >> count));
    for (int i = 1; i < count; ++i) {
        const int byte = CodePage::toByte(kind, text[pos + size_t(i)]);
        if (byte < 0x80 || byte > 0xBF)
            return {};
        cp = (cp << 6) | char32_t(byte & 0x3F);
    }
    const bool valid = count == 2 || (count == 3 && cp >= 0x800 && (cp < 0xD800 || cp > 0xDFFF))
        || (count == 4 && cp >= 0x10000 && cp <= 0x10FFFF);
    return valid ? Sequence{cp, count} : Sequence{};
}

// Consecutive sequences from `pos` in one code page, decoded; `taken` is how many characters.
std::u32string runAt(Kind kind, std::u32string_view text, size_t pos, size_t *taken)
{
    std::u32string decoded;
    size_t at = pos;
    for (int n = 0; n < maxRunSequences && at < text.size(); ++n) {
        const Sequence sequence = sequenceAt(kind, text, at);
        if (sequence.length == 0)
            break;
        decoded += sequence.codePoint;
        at += size_t(sequence.length);
    }
    *taken = at - pos;
    return decoded;
}

bool isCombiningMark(char32_t ch)
{
    return ch >= 0x300 && ch <= 0x36F;
}

bool containsCombiningMark(std::u32string_view text)
{
    for (const char32_t ch : text) {
        if (isCombiningMark(ch))
            return true;
    }
    return false;
}

struct Candidate
{
    std::u32string text;
    size_t taken = 0;
    int gain = -1; // below 0: nothing to decode
    Kind kind = Kind::MacRoman;
};

// Which code pages a line's clear mojibake came through: a run in one of them that is no worse
// decoded is decoded too ("Î—" for Η in a line of Greek mojibake, "»ò" for Ș beside "Bra»ôov").
using Evidence = std::array<bool, codePages.size()>;

size_t pageIndex(Kind kind)
{
    return kind == Kind::MacRoman ? 0 : kind == Kind::Windows1252 ? 1 : 2;
}

// Decodes `text` again while that makes it no worse: a run may be two or three layers deep, and
// a middle layer may hold C1 controls. Whether the last layer is plausible is the caller's call.
std::u32string peelLayers(std::u32string text, Kind first)
{
    // Layers usually come through one page, so on a tie the page of the first layer wins.
    std::array<Kind, codePages.size()> order = codePages;
    std::rotate(order.begin(), order.begin() + qsizetype(pageIndex(first)), order.end());
    for (int layer = 1; layer < maxLayers; ++layer) {
        const int now = MojibakeBadness::of(text);
        std::u32string best;
        int bestScore = now + 1;
        for (const Kind kind : order) {
            std::u32string next;
            bool changed = false;
            for (size_t pos = 0; pos < text.size();) {
                size_t taken = 0;
                const std::u32string run = text[pos] >= lowestLead ? runAt(kind, text, pos, &taken) : std::u32string();
                if (taken > 0) {
                    next += run;
                    pos += taken;
                    changed = true;
                } else {
                    next += text[pos++];
                }
            }
            const int score = MojibakeBadness::of(next);
            const bool tieWithoutMark =
                !best.empty() && score == bestScore && containsCombiningMark(best) && !containsCombiningMark(next);
            if (changed && (score < bestScore || tieWithoutMark)) {
                best = std::move(next);
                bestScore = score;
            }
        }
        if (best.empty())
            break;
        text = std::move(best);
    }
    return text;
}

// The best decoding of the run at `pos`, judged with its neighbours: gain above 0 when it is
// clearly better, 0 when no worse, below 0 when there is none.
Candidate bestAt(const MojibakeLine &line, size_t pos, char32_t before)
{
    const std::u32string_view text = line.text();
    Candidate best;
    for (const Kind kind : codePages) {
        size_t taken = 0;
        const std::u32string run = runAt(kind, text, pos, &taken);
        if (taken == 0)
            continue;
        const std::u32string decoded = peelLayers(run, kind);
        const std::u32string_view source = text.substr(pos, taken);
        const char32_t after = pos + taken < text.size() ? text[pos + taken] : 0;
        if (!line.accepts(decoded, source, before, after))
            continue;
        std::u32string was;
        std::u32string now;
        if (before) {
            was += before;
            now += before;
        }
        was += source;
        now += decoded;
        if (after) {
            was += after;
            now += after;
        }
        const int gain = MojibakeBadness::of(was) - MojibakeBadness::of(now);
        // A tie goes to the page without combining marks: cp1252 "Ã©" is é, Mac Roman reads it
        // as e's U+0329.
        const bool better = gain > best.gain
            || (gain == best.gain && containsCombiningMark(best.text) && !containsCombiningMark(decoded));
        if (gain >= 0 && better)
            best = Candidate{decoded, taken, gain, kind};
    }
    return best;
}

bool isLatinLower(char32_t ch)
{
    return QChar::isLower(ch) && QChar::script(ch) == QChar::Script_Latin;
}

// One pass over the text; false when nothing changed. Notes in `found` the pages of what it
// decoded; decodes runs no worse decoded in the pages of `evidence`.
bool repairWith(const MojibakeLine &line, const Evidence &evidence, std::u32string *out, Evidence *found)
{
    const std::u32string_view text = line.text();
    bool changed = false;
    out->clear();
    out->reserve(text.size());
    for (size_t pos = 0; pos < text.size();) {
        const char32_t ch = text[pos];
        if (ch < 0x80) {
            *out += ch;
            ++pos;
            continue;
        }
        // Lossy mojibake where the intended character is unambiguous: cp1252 has no byte 0x9D,
        // so a strict decoder wrote U+FFFD or "?" for the last byte of ”.
        if (ch == U'â' && pos + 2 < text.size() + 0 && text[pos + 1] == U'€'
            && (text[pos + 2] == 0xFFFD || text[pos + 2] == U'?')) {
            *out += U'”';
            pos += 3;
            changed = true;
            continue;
        }
        // "voilÃ " + space: à's second byte, a no-break space, became a space.
        if (ch == U'Ã' && pos + 1 < text.size() && text[pos + 1] == U' ' && !out->empty()
            && isLatinLower(out->back())) {
            *out += U'à';
            const bool spaceFollows = pos + 2 < text.size() && text[pos + 2] == U' ';
            pos += spaceFollows ? 2 : 1;
            changed = true;
            continue;
        }
        if (ch >= lowestLead) {
            const Candidate candidate = bestAt(line, pos, out->empty() ? 0 : out->back());
            if (candidate.gain > 0 || (candidate.gain == 0 && evidence[pageIndex(candidate.kind)])) {
                (*found)[pageIndex(candidate.kind)] = true;
                *out += candidate.text;
                pos += candidate.taken;
                changed = true;
                continue;
            }
        }
        *out += ch;
        ++pos;
    }
    return changed;
}

// `evidence` carries what earlier layers found into the next: a run left half-decoded by one
// layer is decoded by the next in the same page.
bool repairOnce(std::u32string_view text, std::u32string *out, Evidence *evidence)
{
    const MojibakeLine line(text);
    Evidence found = *evidence;
    if (!repairWith(line, *evidence, out, &found)) {
        if (found == Evidence{})
            return false;
    }
    Evidence more = found;
    const bool changed = repairWith(line, found, out, &more);
    *evidence = more;
    return changed;
}

// Whether a character can stand for a byte in one of the pages: Latin-1 and Latin Extended,
// Mac Roman's π Ω, the punctuation and maths of U+2013-U+25CA, the Apple logo and ﬁ ﬂ. Greek,
// Cyrillic, Hebrew, Arabic and CJK text is passed over without a table lookup.
bool mayBeCodePageChar(char16_t ch)
{
    return (ch >= 0x80 && ch <= 0x2FF) || ch == 0x3A9 || ch == 0x3C0 || (ch >= 0x2013 && ch <= 0x25CA) || ch == 0xF8FF
        || ch == 0xFB01 || ch == 0xFB02;
}

// The fast path, so that correct text costs no more than a scan: is there anywhere a lead byte
// followed by a continuation byte in some page, or one of the lossy spellings?
bool hasCandidate(const QString &text)
{
    const char16_t *data = reinterpret_cast<const char16_t *>(text.utf16());
    const qsizetype size = text.size();
    for (qsizetype i = 0; i + 1 < size; ++i) {
        const char16_t ch = data[i];
        if (ch < lowestLead || !mayBeCodePageChar(ch))
            continue;
        const char16_t next = data[i + 1];
        if (ch == u'Ã' && next == u' ')
            return true;
        if (!mayBeCodePageChar(next))
            continue;
        for (const Kind kind : codePages) {
            const int lead = CodePage::toByte(kind, ch);
            if (lead >= 0xC2 && lead <= 0xF4) {
                const int byte = CodePage::toByte(kind, next);
                if (byte >= 0x80 && byte <= 0xBF)
                    return true;
            }
        }
    }
    return false;
}

// Valid UTF-8 sequence length at `pos`, or 0 for a byte that starts none.
int validSequenceLength(QByteArrayView bytes, qsizetype pos)
{
    const auto lead = uchar(bytes[pos]);
    if (lead < 0x80)
        return 1;
    const int count = lead >= 0xC2 && lead < 0xE0 ? 2
        : lead >= 0xE0 && lead < 0xF0             ? 3
        : lead >= 0xF0 && lead <= 0xF4            ? 4
                                                  : 0;
    if (count == 0 || pos + count > bytes.size())
        return 0;
    return bytes.sliced(pos, count).isValidUtf8() ? count : 0;
}

} // namespace

QString TextRepair::repair(const QString &text)
{
    if (!hasCandidate(text))
        return text;
    std::u32string current = text.toStdU32String();
    std::u32string next;
    bool changed = false;
    Evidence evidence{};
    for (int layer = 0; layer < maxLayers && repairOnce(current, &next, &evidence); ++layer) {
        current.swap(next);
        changed = true;
    }
    return changed ? QString::fromStdU32String(current) : text;
}

bool TextRepair::hasMojibake(const QString &text)
{
    if (!hasCandidate(text))
        return false;
    std::u32string out;
    Evidence evidence{};
    return repairOnce(text.toStdU32String(), &out, &evidence);
}

QByteArray TextRepair::repairBytes(QByteArrayView bytes)
{
    // Line by line, as the text is shown: each stretch of valid UTF-8 within a line is repaired
    // with the one decision above; invalid bytes, and every line left as it is, are copied byte
    // for byte.
    QByteArray out;
    out.reserve(bytes.size());
    qsizetype pos = 0;
    while (pos < bytes.size()) {
        qsizetype end = pos;
        while (end < bytes.size() && bytes[end] != '\n') {
            const int length = validSequenceLength(bytes, end);
            if (length == 0)
                break;
            end += length;
        }
        if (end == pos) {
            out += bytes[pos]; // a newline, or an invalid byte
            ++pos;
            continue;
        }
        // QString::fromUtf8 drops a byte-order mark that starts its input: keep it as bytes.
        if (bytes.sliced(pos, end - pos).startsWith("\xEF\xBB\xBF")) {
            out += bytes.sliced(pos, 3);
            pos += 3;
            continue;
        }
        const QByteArrayView stretch = bytes.sliced(pos, end - pos);
        const QString text = QString::fromUtf8(stretch);
        const QString repaired = repair(text);
        if (repaired == text)
            out += stretch;
        else
            out += repaired.toUtf8();
        pos = end;
    }
    return out;
}

QList<QByteArray> TextRepair::mojibakeSpellings(const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    QList<QByteArray> spellings{utf8};
    for (const Kind kind : codePages) {
        const QByteArray spelling = CodePage::misread(text, kind).toUtf8();
        if (!spellings.contains(spelling))
            spellings.append(spelling);
    }
    return spellings;
}

} // namespace debrief
