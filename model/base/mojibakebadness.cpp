#include "base/mojibakebadness.h"

#include <QChar>

namespace debrief {

namespace {

bool isNonAsciiLetter(char32_t ch)
{
    return ch >= 0x80 && QChar::isLetter(ch) && !MojibakeBadness::isSymbolLike(ch);
}

bool isLowNineQuote(char32_t ch)
{
    return ch == 0x201A || ch == 0x201E;
}

bool isDash(char32_t ch)
{
    return ch == 0x2013 || ch == 0x2014;
}

// Typographic punctuation that real text puts next to letters, and mojibake next to symbols.
// Not the no-break space: "12\u00A0€" and "30\u00A0°C" are correct French and German.
bool isTypographic(char32_t ch)
{
    if (ch == 0x2026 || isDash(ch))
        return true;
    const QChar::Category category = QChar::category(ch);
    return category == QChar::Punctuation_InitialQuote || category == QChar::Punctuation_FinalQuote
        || isLowNineQuote(ch);
}

// The letters of cp1252's 0x80-0x9F, continuation bytes of most mojibake: "âœ…" for ✅.
bool isWindowsContinuationLetter(char32_t ch)
{
    return ch == 0x0152 || ch == 0x0153 || ch == 0x0160 || ch == 0x0161 || ch == 0x017D || ch == 0x017E || ch == 0x0178;
}

bool isGuillemet(char32_t ch)
{
    return ch == 0xAB || ch == 0xBB;
}

} // namespace

bool MojibakeBadness::isSymbolLike(char32_t ch)
{
    if (ch < 0x80)
        return false;
    switch (ch) {
    // Latin-1 and cp1252 characters that act as symbols, though some are letters or punctuation:
    // ¡ ¦ § ª ­ µ ¶ · º ¿ † ‡ • ‰. Continuation bytes of mojibake read as them.
    case 0xA1:
    case 0xA6:
    case 0xA7:
    case 0xAA:
    case 0xAD:
    case 0xB5:
    case 0xB6:
    case 0xB7:
    case 0xBA:
    case 0xBF:
    case 0x0192: // ƒ, the florin sign
    case 0x2020:
    case 0x2021:
    case 0x2022:
    case 0x2030: return true;
    default: break;
    }
    switch (QChar::category(ch)) {
    case QChar::Symbol_Math:
    case QChar::Symbol_Currency:
    case QChar::Symbol_Modifier:
    case QChar::Symbol_Other:
    case QChar::Number_Other: return true;
    default: return false;
    }
}

int MojibakeBadness::of(std::u32string_view text)
{
    int score = 0;
    for (size_t i = 0; i < text.size(); ++i) {
        const char32_t ch = text[i];
        if ((ch >= 0x80 && ch <= 0x9F) || (ch >= 0xE000 && ch <= 0xF8FF))
            score += 2; // C1 controls and private use (Mac Roman's Apple logo) stand in no text
        if (i + 1 >= text.size())
            continue;
        const char32_t next = text[i + 1];
        const bool letter = isNonAsciiLetter(ch);
        const bool symbol = isSymbolLike(ch);
        if (letter && isSymbolLike(next))
            ++score; // "Ã©", "Î³", "Ð¿"
        if (symbol && (isSymbolLike(next) || isNonAsciiLetter(next)))
            ++score; // "€™", "√©", "√ß"
        if (isTypographic(ch) && isSymbolLike(next))
            ++score; // "—¥"
        if (QChar::isLower(ch) && next >= 0x80 && QChar::isUpper(next))
            ++score; // "fÃ", "nÃ", "ðŸ"
        if (letter && QChar::isUpper(ch) && next == 0xA0)
            ++score; // "Â\u00A0"
        if ((letter && isLowNineQuote(next)) || (isLowNineQuote(ch) && isNonAsciiLetter(next)))
            ++score; // "Ñ‚", "‚Ä"
        if (isDash(next) && letter && i + 2 < text.size() && isNonAsciiLetter(text[i + 2]))
            ++score; // "ø—Ä"
        if (isGuillemet(next) && QChar::isLetter(ch) && i + 2 < text.size() && QChar::isLetter(text[i + 2]))
            ++score; // "Bra»ôov": no text puts a guillemet between two letters
        if (letter && QChar::isLower(ch) && isWindowsContinuationLetter(next))
            ++score; // "âœ"
        if (ch == 0xC2 && next >= 0xA0 && next <= 0xBF)
            ++score; // "Â«", "Â°": Â stands before a Latin-1 sign only in mojibake
    }
    return score;
}

} // namespace debrief
