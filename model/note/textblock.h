#pragma once

#include <QString>

namespace debrief {

// One searchable block of a note: its title, a paragraph, a bullet, an action item, a heading.
struct TextBlock
{
    enum class Kind { Title, Summary, Decision, ActionItem, KeyInformation, Text };

    int line = 0; // 1-based line where the block starts (0 for a title taken from frontmatter)
    Kind kind = Kind::Text;
    QString text;    // repaired plain text
    QString section; // name of the section it stands in; empty when none

    friend bool operator==(const TextBlock &, const TextBlock &) = default;
};

QString blockKindName(TextBlock::Kind kind); // "title", "summary", "decision", "action_item", ...

} // namespace debrief
