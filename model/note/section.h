#pragma once

#include <QString>

namespace debrief {

// A heading and the lines it governs, up to the next heading of the same or a higher level.
struct Section
{
    QString name;        // heading text, repaired, as written (case kept)
    int level = 0;       // 1 for '#', 2 for '##', ...
    int headingLine = 0; // 1-based line of the heading
    int lastLine = 0;    // last line that belongs to the section (blank lines included)

    friend bool operator==(const Section &, const Section &) = default;
};

} // namespace debrief
