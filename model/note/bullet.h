#pragma once

#include <QString>

namespace debrief {

// One bullet of a Decisions or Key Information list.
struct Bullet
{
    int line = 0;     // 1-based line in the file
    QString text;     // repaired, inline Markdown kept as written
    int lastLine = 0; // its last continuation line (= line when it fits on one)

    friend bool operator==(const Bullet &, const Bullet &) = default;
};

} // namespace debrief
