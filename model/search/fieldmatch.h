#pragma once

#include <QByteArray>
#include <QByteArrayView>

namespace debrief {

// Matching query fields against the index's folded lists (values separated by '\x1f').
class FieldMatch final
{
public:
    // `needle` is a name's folded words joined by spaces; they must stand together, as whole
    // words, in one of the names ("ann lee" in "ann lee", "ann" in "ann lee", not "an").
    static bool containsRun(QByteArrayView names, QByteArrayView needle);
    // tag:project also finds project/alpha, as Obsidian's nested tags do.
    static bool hasTag(QByteArrayView tags, QByteArrayView value);
};

} // namespace debrief
