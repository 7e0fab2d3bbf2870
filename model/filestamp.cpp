#include "filestamp.h"

#include "bytehash.h"

namespace debrief {

quint64 FileStamp::contentHash(QByteArrayView bytes)
{
    return hashBytes(bytes);
}

} // namespace debrief
