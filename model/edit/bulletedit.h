#pragma once

#include "base/textlines.h"
#include "edit/linepatch.h"

#include <QString>

#include <optional>

namespace debrief {

// Edits of one Decisions or Key Information bullet, a list item that is not a task.
class BulletEdit final
{
public:
    // Lines `first` to `last` (the bullet and its continuation lines) become one line: the first
    // line's indentation, marker and spaces, then `text`, then the last line's ending. A wrapped
    // bullet becomes one line, since the new text comes from a one-line field. Nothing when
    // `first` is no list item.
    static std::optional<LinePatch> setText(const TextLines &lines, int first, int last, const QString &text);
};

} // namespace debrief
