#pragma once

namespace debrief {

// Debrief follows the system theme. For checking both looks on any desktop (and under Xvfb),
// DEBRIEF_PALETTE=dark or =light switches to Fusion with a dark or light palette.
class Theme final
{
public:
    static void applyFromEnvironment();
};

} // namespace debrief
