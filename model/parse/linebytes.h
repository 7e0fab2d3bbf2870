#pragma once

#include "base/textrepair.h"

#include <QByteArrayView>
#include <QDate>
#include <QString>

// Byte-level helpers shared by the task line readers (TaskLine, TrailingFields). Lines are read
// as bytes because they may hold mojibake or invalid UTF-8 that must survive edits.
namespace debrief::linebytes {

inline bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f';
}

inline bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

inline bool isAsciiLetter(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

inline bool isAsciiAlnum(char c)
{
    return isDigit(c) || isAsciiLetter(c);
}

// Obsidian ends a tag at whitespace and at ASCII punctuation other than '-', '_' and '/';
// letters of any script (bytes >= 0x80) belong to it.
inline bool isTagByte(char c)
{
    return uchar(c) >= 0x80 || isAsciiAlnum(c) || c == '-' || c == '_' || c == '/';
}

// The repaired, trimmed text of some bytes of a line.
inline QString decode(QByteArrayView bytes)
{
    return TextRepair::repair(QString::fromUtf8(bytes)).trimmed();
}

// "YYYY-MM-DD" in ASCII digits: what Tasks takes for a date, whether or not the day exists.
inline bool isDateShaped(QByteArrayView text)
{
    if (text.size() != 10 || text[4] != '-' || text[7] != '-')
        return false;
    for (const qsizetype i : {0, 1, 2, 3, 5, 6, 8, 9}) {
        if (!isDigit(text[i]))
            return false;
    }
    return true;
}

// The calendar date of a date-shaped text, or an invalid QDate ("2024-02-30").
inline QDate parseDate(QByteArrayView text)
{
    if (!isDateShaped(text))
        return {};
    const auto number = [&](qsizetype from, qsizetype count) {
        int value = 0;
        for (qsizetype i = from; i < from + count; ++i)
            value = value * 10 + (text[i] - '0');
        return value;
    };
    return QDate(number(0, 4), number(5, 2), number(8, 2));
}

} // namespace debrief::linebytes
