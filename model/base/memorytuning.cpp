#include "base/memorytuning.h"

// <malloc.h> first: it is what defines __GLIBC__ (through <features.h>) and M_TOP_PAD.
#if __has_include(<malloc.h>)
#include <malloc.h>
#endif

namespace debrief {

void tuneMemoryAllocator()
{
#if defined(__GLIBC__) && defined(M_TOP_PAD)
    mallopt(M_TOP_PAD, 64 * 1024 * 1024);
#endif
}

} // namespace debrief
