#pragma once

namespace debrief {

// Names the running program for QSettings and QStandardPaths (so `debrief search` and the
// window share one cache folder) and for --version. Call once QCoreApplication exists.
void describeApplication();

} // namespace debrief
