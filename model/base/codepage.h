#pragma once

#include <QString>

namespace debrief {

// The single-byte code pages that turn UTF-8 into mojibake in real notes: Mac OS Roman,
// Windows-1252 and ISO 8859-1 (Latin-1, whose 0x80-0x9F are the C1 controls). Only the upper
// half (bytes 0x80-0xFF) differs: the lower half is ASCII in all. Every character of the three
// is in the Basic Multilingual Plane, so a char16_t holds it.
class CodePage final
{
public:
    enum class Kind { MacRoman, Windows1252, Latin1 };

    // The character that `byte` (0x80-0xFF) stands for. Windows-1252 is read "sloppily", like
    // ftfy: its five undefined bytes 0x81, 0x8D, 0x8F, 0x90 and 0x9D map to U+0081 etc.
    static char16_t toUnicode(Kind kind, uchar byte);

    // The byte that stands for `ch`: ASCII maps to itself, a character of the table's upper
    // half to its byte, anything else to -1.
    static int toByte(Kind kind, char32_t ch);

    // `text` as a tool that read its UTF-8 in `kind` would show it, `layers` times over: the
    // mojibake TextRepair undoes (and its tests make).
    static QString misread(const QString &text, Kind kind, int layers = 1);
};

} // namespace debrief
