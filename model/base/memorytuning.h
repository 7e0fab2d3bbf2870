#pragma once

namespace debrief {

// Keeps glibc from handing heap memory back to the kernel after every note: parsing a note
// allocates and frees a few hundred KiB, and with glibc's default 128 KiB top pad each thread's
// heap was trimmed and its pages faulted in again for the next note; a larger top pad keeps them.
// Call it once, first thing in main(); the benchmarks call it too so that they measure what the
// app does.
// Does nothing on other C libraries.
void tuneMemoryAllocator();

} // namespace debrief
