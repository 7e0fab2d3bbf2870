#include "search/textfold.h"

#include <QChar>

#include <array>

namespace debrief {

namespace {

// Latin letters that do not decompose but users type without their mark.
struct Special
{
    char16_t from;
    const char *to;
};
constexpr std::array<Special, 20> specials{{
    {u'ß', "ss"}, {u'æ', "ae"}, {u'Æ', "ae"}, {u'œ', "oe"}, {u'Œ', "oe"}, {u'ø', "o"}, {u'Ø', "o"},
    {u'đ', "d"},  {u'Đ', "d"},  {u'ł', "l"},  {u'Ł', "l"},  {u'ħ', "h"},  {u'Ħ', "h"}, {u'þ', "th"},
    {u'Þ', "th"}, {u'ð', "d"},  {u'Ð', "d"},  {u'ı', "i"},  {u'ŀ', "l"},  {u'ĸ', "k"},
}};

constexpr char32_t tableSize = 0x250; // Latin-1 and Latin Extended-A/B: a table, no lookups

void appendUtf8(char32_t c, std::string &out)
{
    if (c < 0x80) {
        out.push_back(char(c));
    } else if (c < 0x800) {
        out.push_back(char(0xC0 | (c >> 6)));
        out.push_back(char(0x80 | (c & 0x3F)));
    } else if (c < 0x10000) {
        out.push_back(char(0xE0 | (c >> 12)));
        out.push_back(char(0x80 | ((c >> 6) & 0x3F)));
        out.push_back(char(0x80 | (c & 0x3F)));
    } else {
        out.push_back(char(0xF0 | (c >> 18)));
        out.push_back(char(0x80 | ((c >> 12) & 0x3F)));
        out.push_back(char(0x80 | ((c >> 6) & 0x3F)));
        out.push_back(char(0x80 | (c & 0x3F)));
    }
}

struct FoldTable
{
    // Folded UTF-8 of each character below tableSize; empty for a separator.
    std::array<std::string, tableSize> folded;

    FoldTable()
    {
        for (char32_t c = 0; c < tableSize; ++c) {
            const QChar ch(static_cast<char16_t>(c));
            if (!ch.isLetterOrNumber())
                continue;
            std::string out;
            for (const Special &special : specials) {
                if (special.from == c)
                    out = special.to;
            }
            if (out.empty()) {
                const QString decomposed = QString(ch).normalized(QString::NormalizationForm_KD);
                for (const QChar part : decomposed) {
                    if (part.isLetterOrNumber())
                        appendUtf8(part.toLower().unicode(), out);
                }
            }
            folded[c] = out;
        }
    }
};

const FoldTable &foldTable()
{
    static const FoldTable table;
    return table;
}

} // namespace

char32_t TextFold::next(QStringView text, qsizetype &i)
{
    const char16_t c = text[i++].unicode();
    if (QChar::isHighSurrogate(c) && i < text.size() && QChar::isLowSurrogate(text[i].unicode()))
        return QChar::surrogateToUcs4(c, text[i++].unicode());
    return c;
}

bool TextFold::isMark(char32_t c)
{
    if (c < 0x300)
        return false;
    const QChar::Category category = QChar::category(c);
    return category == QChar::Mark_NonSpacing || category == QChar::Mark_SpacingCombining
        || category == QChar::Mark_Enclosing;
}

bool TextFold::appendFolded(char32_t c, std::string &out)
{
    if (c < 0x80) {
        if (c >= u'a' && c <= u'z') {
            out.push_back(char(c));
            return true;
        }
        if (c >= u'A' && c <= u'Z') {
            out.push_back(char(c + 32));
            return true;
        }
        if (c >= u'0' && c <= u'9') {
            out.push_back(char(c));
            return true;
        }
        return false;
    }
    if (c < tableSize) {
        const std::string &folded = foldTable().folded[c];
        out.append(folded);
        return !folded.empty();
    }
    if (!QChar::isLetterOrNumber(c))
        return false;
    // Beyond Latin: decompose (Greek tonos, Vietnamese, ligatures), drop marks, lower-case.
    const QString decomposition = QChar::decomposition(c);
    if (decomposition.isEmpty() || QChar::decompositionTag(c) == QChar::NoDecomposition) {
        appendUtf8(QChar::toLower(c), out);
        return true;
    }
    bool any = false;
    for (qsizetype i = 0; i < decomposition.size();) {
        const char32_t part = next(decomposition, i);
        if (part != c && QChar::isLetterOrNumber(part) && appendFolded(part, out))
            any = true; // canonical decompositions nest: U+1EBF -> U+00EA + mark -> e
    }
    if (!any)
        appendUtf8(QChar::toLower(c), out);
    return true;
}

QList<TextFold::Word> TextFold::words(QStringView text)
{
    QList<Word> result;
    forEachWord(text, [&](qsizetype start, qsizetype length, QByteArrayView folded) {
        result.append(Word{start, length, folded.toByteArray()});
    });
    return result;
}

QList<QByteArray> TextFold::terms(QStringView text)
{
    QList<QByteArray> result;
    forEachWord(text, [&](qsizetype, qsizetype, QByteArrayView folded) { result.append(folded.toByteArray()); });
    return result;
}

QString TextFold::foldAll(QStringView text)
{
    std::string out;
    out.reserve(size_t(text.size()));
    for (qsizetype i = 0; i < text.size();) {
        const char32_t c = next(text, i);
        if (isMark(c))
            continue;
        if (!appendFolded(c, out))
            appendUtf8(c, out);
    }
    return QString::fromUtf8(out.data(), qsizetype(out.size()));
}

} // namespace debrief
