#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

namespace debrief {

// A file's bytes as lines that keep their exact endings (LF, CRLF, lone CR, none at the end),
// so that join() gives back the original bytes and an edit can touch one line only.
struct TextLines
{
    QByteArray bom;          // a leading UTF-8 byte-order mark, kept apart from line 1
    QList<QByteArray> lines; // each line with its own ending

    static TextLines split(QByteArrayView bytes);
    QByteArray join() const;

    int count() const { return int(lines.size()); }
    QByteArrayView content(int line) const; // 1-based, without the ending
    QByteArrayView ending(int line) const;  // "\n", "\r\n", "\r" or empty

    // The ending new lines get: the first one the file uses, else "\n".
    QByteArray preferredEnding() const;

    static QByteArrayView contentOf(QByteArrayView line);
    static QByteArrayView endingOf(QByteArrayView line);
    static bool isBlank(QByteArrayView line); // only spaces and tabs before the ending
};

} // namespace debrief
