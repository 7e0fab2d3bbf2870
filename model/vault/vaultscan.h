#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace debrief {

// The vault's note files with their size and modification time: what decides whether a
// cached index is still fresh. Runs on every `debrief search`, so it stats each file once and
// allocates little: readdir + fstatat on POSIX, QDirIterator elsewhere.
class VaultScan final
{
public:
    struct File
    {
        QByteArray relativePath; // UTF-8, '/'-separated
        qint64 size = 0;
        qint64 modifiedMsecs = 0;
        friend bool operator==(const File &, const File &) = default;
    };

    // Every note below `root` (as WalkRule says which), following
    // symlinks but not loops; sorted bytewise by relative path. `ok` is false when the root
    // cannot be read. Notes and folders whose names are not valid UTF-8 cannot be opened
    // through Qt: they are left out, and named in `unspellable` (relative, as
    // UnspellableNames::spell() spells them).
    static QList<File> stampNotes(const QString &root, bool *ok = nullptr, QStringList *unspellable = nullptr);

    // The stamp of one file, as stampNotes() would report it; size -1 when it cannot be read.
    static File stat(const QString &root, const QByteArray &relativePath);
};

} // namespace debrief
