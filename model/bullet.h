#pragma once

#include <QString>

namespace debrief {

// One bullet of a Decisions or Key Information list.
struct Bullet
{
    int line = 0;  // 1-based line in the file
    QString text;  // repaired, inline Markdown kept as written

    friend bool operator==(const Bullet &, const Bullet &) = default;
};

} // namespace debrief
