#pragma once

#include "base/textlines.h"
#include "edit/editplanner.h"

#include <QString>

#include <optional>

namespace debrief {

// One top-level frontmatter key set or removed with the fewest changed bytes: an existing key
// keeps its line, its spelling and the space after the colon, only the value changes; a new key
// goes at the end of the block in the block's own line ending; a note without frontmatter gets
// one at the top. Every other line of the block, comments and odd formatting included, stays.
class FrontmatterEdit final
{
public:
    // `value` is written as it is (a plain scalar such as 2025-11-03); nothing removes the key.
    static EditPlanner::Plan set(const TextLines &lines, const QString &path, const QString &key,
                                 const std::optional<QString> &value);

    // The line (1-based) of `key` in the frontmatter, 0 when it is not there.
    static int keyLine(const TextLines &lines, const QString &key);
};

} // namespace debrief
