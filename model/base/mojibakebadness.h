#pragma once

#include <string_view>

namespace debrief {

// How much a short stretch of text looks like mojibake, from the classes of neighbouring
// characters, as ftfy's "badness" does: an accented letter followed by a symbol ("Ã©", "Î³"),
// two symbols in a row ("€™", "√©"), an accented capital right after a lower-case letter
// ("fÃ"), a low-9 quote against an accented letter ("‚Ä", "Ñ‚"), a dash between accented
// letters ("ø—Ä"), C1 controls and private-use characters. Correct text of every language
// scores 0 almost everywhere; TextRepair decodes a run only when that lowers the score.
class MojibakeBadness final
{
public:
    static int of(std::u32string_view text);

    static bool isSymbolLike(char32_t ch);
};

} // namespace debrief
