#include "base/mojibakeline.h"

#include <QChar>

namespace debrief {

namespace {

// A script of its own: not Latin, and not shared (Common, Inherited).
bool isOtherScript(QChar::Script script)
{
    return script != QChar::Script_Latin && script != QChar::Script_Common && script != QChar::Script_Inherited
        && script != QChar::Script_Unknown;
}

bool isEastAsian(QChar::Script script)
{
    return script == QChar::Script_Han || script == QChar::Script_Hangul || script == QChar::Script_Hiragana
        || script == QChar::Script_Katakana;
}

bool mixesScripts(char32_t a, char32_t b)
{
    if (!QChar::isLetter(a) || !QChar::isLetter(b))
        return false;
    const QChar::Script sa = QChar::script(a);
    const QChar::Script sb = QChar::script(b);
    const auto specific = [](QChar::Script s) { return s != QChar::Script_Common && s != QChar::Script_Inherited; };
    // Japanese writes Han and kana in one word, Korean Hangul and Han.
    return specific(sa) && specific(sb) && sa != sb && !(isEastAsian(sa) && isEastAsian(sb));
}

// Marks that decoded text may hold: those of decomposed Latin text (macOS writes NFD), emoji
// variation selectors and the keycap. Any other mark out of a decode is noise ("â€™" read a
// layer too deep gives Arabic U+06EA).
bool isExpectedMark(char32_t ch)
{
    return (ch >= 0x300 && ch <= 0x36F) || (ch >= 0xFE00 && ch <= 0xFE0F) || (ch >= 0x20D0 && ch <= 0x20FF);
}

// Latin Extended-B and IPA, which two-byte pairs of real text decode to ("…©" is U+0269):
// only Romanian ș ț and Vietnamese ơ ư come out of real mojibake.
bool isUnlikelyLatin(char32_t ch)
{
    if (ch < 0x180 || ch > 0x2FF)
        return false;
    return !(ch >= 0x218 && ch <= 0x21B) && ch != 0x1A0 && ch != 0x1A1 && ch != 0x1AF && ch != 0x1B0;
}

bool isTypographicPunctuation(char32_t ch)
{
    if (ch == 0xA0 || ch == 0xAB || ch == 0xBB || ch == 0x2026 || ch == 0x2013 || ch == 0x2014)
        return true;
    const QChar::Category category = QChar::category(ch);
    return category == QChar::Punctuation_InitialQuote || category == QChar::Punctuation_FinalQuote;
}

// "é’”", "ì…”", "é\u00A0»": an accented letter before typographic punctuation, which real text
// writes all the time and whose bytes happen to spell one CJK or Hangul character.
bool isAccentBeforePunctuation(std::u32string_view source)
{
    if (source.size() < 2 || !QChar::isLetter(source.front()))
        return false;
    for (size_t i = 1; i < source.size(); ++i) {
        if (!isTypographicPunctuation(source[i]))
            return false;
    }
    return true;
}

} // namespace

MojibakeLine::MojibakeLine(std::u32string_view text)
    : m_text(text)
{
    for (const char32_t ch : text) {
        if (ch >= 0x370 && QChar::isLetter(ch))
            m_scripts[QChar::script(ch)] = true;
    }
}

bool MojibakeLine::accepts(std::u32string_view decoded, std::u32string_view source, char32_t before,
                           char32_t after) const
{
    std::array<int, QChar::ScriptCount> letters{};
    for (size_t i = 0; i < decoded.size(); ++i) {
        const char32_t ch = decoded[i];
        switch (QChar::category(ch)) {
        case QChar::Other_Control:
        case QChar::Other_NotAssigned:
        case QChar::Other_PrivateUse:
        case QChar::Other_Surrogate: return false;
        case QChar::Mark_NonSpacing:
        case QChar::Mark_Enclosing:
            if (!isExpectedMark(ch))
                return false;
            break;
        default: break;
        }
        if (isUnlikelyLatin(ch))
            return false;
        if (i + 1 < decoded.size() && mixesScripts(ch, decoded[i + 1]))
            return false;
        if (QChar::isLetter(ch))
            ++letters[QChar::script(ch)];
    }
    // "Caf钔", "cos셔": a letter of another script glued to the word around it. Japanese and
    // Chinese do glue Latin words to theirs ("CUで"), so there only the pattern of real text
    // that spells CJK by accident is refused.
    const auto glued = [&](char32_t a, char32_t b, char32_t decodedEnd) {
        if (!mixesScripts(a, b))
            return false;
        return !isEastAsian(QChar::script(decodedEnd)) || isAccentBeforePunctuation(source);
    };
    if (glued(before, decoded.front(), decoded.front()) || glued(decoded.back(), after, decoded.back()))
        return false;
    if (isAccentBeforePunctuation(source) && decoded.size() == 1 && isEastAsian(QChar::script(decoded.front()))
        && !uses(QChar::script(decoded.front())))
        return false;
    for (int s = 0; s < QChar::ScriptCount; ++s) {
        const auto script = QChar::Script(s);
        if (letters[s] == 0 || letters[s] >= 2 || !isOtherScript(script) || uses(script))
            continue;
        // One letter of a script the line does not use: only from a letter that led the bytes
        // ("Î³" for γ), never from punctuation ("–°" is not С), and never CJK or Hangul.
        if (isEastAsian(script) || !QChar::isLetter(source.front()))
            return false;
    }
    return true;
}

} // namespace debrief
