#pragma once

#include "base/textlines.h"
#include "edit/linepatch.h"

#include <QList>

namespace debrief {

// A copy of a file's lines that the edits of one batch change one after another, remembering
// which line of the original each line is, so that edits of neighbouring lines (two adjacent
// items deleted, an item accepted and the next one deleted) each see the lines as the edits
// before them left them, and the whole batch still becomes one patch of the original file.
class EditDraft final
{
public:
    explicit EditDraft(const TextLines &original);

    const TextLines &lines() const { return m_lines; }
    bool isChanged() const { return m_changed; }

    // Where line `original` of the original file stands now, or 0 when an edit of the batch
    // changed its text or removed it.
    int lineOf(int original) const;

    // Line `line` gets `content`; its ending stays.
    void replace(int line, const QByteArray &content);
    // Removes lines first..last. When they ended the file without a final newline, the line
    // that now ends it loses its newline too.
    void remove(int first, int last);
    // A patch planned against lines(). False when it does not apply (it always should).
    bool apply(const LinePatch &patch);

    // Everything the batch changed, as a patch of the original file. An insertion or a deletion
    // carries one unchanged line of context (the one before it, else the one after), so that it,
    // and its inverse, can be found again in a file that changed.
    LinePatch patch() const;

private:
    TextLines m_original;
    TextLines m_lines;
    QList<int> m_origin; // for each line of m_lines: its 1-based line in m_original, or 0 when new or changed
    bool m_changed = false;
};

} // namespace debrief
