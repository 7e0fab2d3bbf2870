#pragma once

#include "base/textlines.h"
#include "edit/editplanner.h"
#include "edit/noteedit.h"
#include "edit/noteoutline.h"

namespace debrief {

// Edits that add to or rewrite a section: a new action item or decision in the list's own style
// (bullet, indentation, numbering, tight or loose), a section created where it belongs when it is
// missing, and the Summary's paragraphs.
class SectionEdit final
{
public:
    static EditPlanner::Plan addItem(const TextLines &lines, const NoteOutline &outline, const QString &path,
                                     const NoteEdit &edit);
    static EditPlanner::Plan replaceSummary(const TextLines &lines, const NoteOutline &outline, const QString &text);
};

} // namespace debrief
