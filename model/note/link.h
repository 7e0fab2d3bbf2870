#pragma once

#include <QString>

namespace debrief {

// An Obsidian wikilink: [[Target]], [[Folder/Target|Alias]], [[Target#Heading]].
struct Link
{
    int line = 0;         // 1-based line in the file
    QString target;       // without heading and alias, e.g. "Folder/Target"
    QString alias;        // empty when none
    QString heading;      // empty when none
    QString resolvedPath; // absolute path of the note it resolves to; empty when unresolved

    friend bool operator==(const Link &, const Link &) = default;
};

} // namespace debrief
