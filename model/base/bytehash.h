#pragma once

#include <QByteArrayView>
#include <QtGlobal>

namespace debrief {

// A fast 64-bit hash of bytes, stable across runs and processes (unlike qHash's per-process
// seed): the search index checks its tables with it, and a FileStamp tells whether a note's
// content changed. Not for anything an attacker chooses to collide.
quint64 hashBytes(QByteArrayView bytes);

// The same hash fed piece by piece, for bytes never held in one buffer (the index's tables as
// they are written). The total size is part of the hash, so it is given up front.
class ByteHasher final
{
public:
    explicit ByteHasher(quint64 totalSize);
    void add(QByteArrayView bytes);
    // The hash of everything added; `totalSize` bytes must have been added.
    quint64 result() const;

private:
    void addBlock(const char *block);

    quint64 m_lanes[4];
    char m_pending[32];
    qsizetype m_pendingSize = 0;
};

} // namespace debrief
