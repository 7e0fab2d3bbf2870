#include "base/filestamp.h"

#include "base/bytehash.h"

namespace debrief {

quint64 FileStamp::contentHash(QByteArrayView bytes)
{
    return hashBytes(bytes);
}

} // namespace debrief
