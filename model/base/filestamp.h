#pragma once

#include <QByteArrayView>
#include <QtGlobal>

namespace debrief {

// What a file looked like when it was read, to notice that someone else changed it since.
struct FileStamp
{
    qint64 size = -1;
    qint64 modifiedMsecs = 0; // modification time, ms since the epoch (UTC)
    quint64 hash = 0;         // content hash, see contentHash()

    bool isValid() const { return size >= 0; }
    friend bool operator==(const FileStamp &, const FileStamp &) = default;

    static quint64 contentHash(QByteArrayView bytes); // stable across runs and platforms (FNV-1a 64)
};

} // namespace debrief
