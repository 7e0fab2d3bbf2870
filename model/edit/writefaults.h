#pragma once

namespace debrief {

// A seam for tests: makes the note writer's Nth system call (open, write, sync, close, rename,
// truncate, allocate) fail with a chosen errno, so that a test can prove every failure at every
// step leaves the note as it was. Off unless a test arms it; then one counter per call.
class WriteFaults final
{
public:
    // Fails step `step` (1-based, counted from now) with `error`, then no further step.
    static void failAt(int step, int error);
    static void clear();
    // Steps counted since the last failAt/clear, to know when a loop over steps is done.
    static int steps();

    // Called by the writer before each step: 0 to go on, else the errno to fail with.
    static int next();
};

} // namespace debrief
