#pragma once

#include <QString>

namespace debrief {

// The sample vault that ships with Debrief: found beside the binary (installed, or in the build
// tree), and copied to the app's data folder on first run so that edits to it work.
class SampleVault final
{
public:
    static QString bundledPath();  // empty when none is found
    static QString writableCopy(); // the copy in AppDataLocation, made when missing; empty on failure
};

} // namespace debrief
