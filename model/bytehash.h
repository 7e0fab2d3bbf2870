#pragma once

#include <QByteArrayView>
#include <QtGlobal>

namespace debrief {

// A fast 64-bit hash of bytes, stable across runs and processes (unlike qHash's per-process
// seed): the search index checks its tables with it, and a FileStamp tells whether a note's
// content changed. Not for anything an attacker chooses to collide.
quint64 hashBytes(QByteArrayView bytes);

} // namespace debrief
