#pragma once

#include <QChar>

#include <array>
#include <string_view>

namespace debrief {

// One line that TextRepair works on, and whether a decoding of a run in it is plausible: no
// letter of another script glued to the word around it ("Caf钔"), no lone CJK or Hangul spelled
// by an accent and typographic punctuation ("« tél頻"), no lone letter of a script the line does
// not use unless a letter led the bytes, no controls, unassigned or private characters, no marks
// but those of decomposed Latin, emoji variation selectors and keycaps, and no Latin Extended-B
// or IPA letter but Romanian ș ț and Vietnamese ơ ư.
class MojibakeLine final
{
public:
    explicit MojibakeLine(std::u32string_view text);

    std::u32string_view text() const { return m_text; }
    bool uses(QChar::Script script) const { return m_scripts[script]; }

    // Whether `decoded` may stand for `source` between `before` and `after` (0 for none).
    bool accepts(std::u32string_view decoded, std::u32string_view source, char32_t before, char32_t after) const;

private:
    std::u32string_view m_text;
    std::array<bool, QChar::ScriptCount> m_scripts{};
};

} // namespace debrief
