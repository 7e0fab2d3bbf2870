#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

namespace debrief {

// Undoes mojibake: UTF-8 that some tool decoded as Mac OS Roman or Windows-1252 and wrote back
// as UTF-8 ("‚Äô" or "â€™" for "’", U+F8FF "üìÖ" for "📅"). Like ftfy, a run is decoded only
// when its bytes in that code page form valid UTF-8, so "Renée", "Zürich" and "naïve" survive.
// Three- and four-byte runs are always decoded; two-byte runs only to Latin-1/Latin Extended-A
// letters, Romanian ș ț and combining marks, because real text forms many other two-byte pairs
// ("“é" is Mac Roman D2 8E). One layer is undone; clean text comes back unchanged, cheaply.
class TextRepair final
{
public:
    // The text with every mojibake run decoded. Returns the input unchanged when there is none.
    static QString repair(const QString &text);
    static bool hasMojibake(const QString &text);

    // For the "repair" edit: repairs the valid UTF-8 parts of raw bytes and leaves invalid
    // bytes and everything else untouched, byte for byte.
    static QByteArray repairBytes(QByteArrayView bytes);

    // Every spelling of `text` a file may hold: itself, and its UTF-8 bytes read as Mac Roman and
    // as Windows-1252, re-encoded as UTF-8. Used to recognise signifiers such as 📅 in mojibake.
    static QList<QByteArray> mojibakeSpellings(const QString &text);
};

} // namespace debrief
