#pragma once

#include <QString>
#include <QStringList>

namespace debrief {

// Names in a folder that are not valid UTF-8. Qt leaves such entries out of every listing (it
// could not open them under any QString), so a note copied from an old archive would vanish
// from the vault without a word; this finds them so that the walk can say which.
class UnspellableNames final
{
public:
    // The notes (*.md) and folders among them, spelled with \xNN for each byte that is not
    // UTF-8 (caf\xE9.md), sorted. Empty where the folder cannot be read.
    static QStringList in(const QString &folder);

    static QString spell(QByteArrayView name);

    // What the user is told about one such entry (its path spelled as above).
    static QString warning(const QString &spelledPath);
};

} // namespace debrief
