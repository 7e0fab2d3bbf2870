#include "edit/noteeditor.h"

#include "edit/editplanner.h"

#include <algorithm>

namespace debrief {

NoteEditor::Result NoteEditor::apply(const QString &path, const QList<NoteEdit> &edits, const FileStamp &seen,
                                     QDate today)
{
    Result result;
    const NoteFile::ReadResult read = NoteFile::read(path);
    if (!read.ok()) {
        result.error = read.error;
        return result;
    }
    const bool changed = seen.isValid() && seen.hash != read.stamp.hash;
    const EditPlanner::Plan planned =
        EditPlanner::plan(TextLines::split(read.bytes), path, edits, today,
                          changed ? EditPlanner::FileState::Changed : EditPlanner::FileState::AsSeen);
    if (!planned.ok()) {
        result.error = planned.error;
        return result;
    }
    // A repair or a summary was checked against these very bytes: if they change before the
    // write, that is a conflict, not something to relocate.
    const bool wholeFile = std::any_of(edits.cbegin(), edits.cend(), EditPlanner::readsWholeFile);
    static_cast<NoteFile::PatchResult &>(result) = NoteFile::applyPatch(
        path, planned.patch, read.stamp, wholeFile ? NoteFile::IfChanged::Conflict : NoteFile::IfChanged::Relocate);
    result.fileHadChanged = result.fileHadChanged || changed;
    if (result.ok())
        result.notices = planned.notices;
    return result;
}

NoteFile::PatchResult NoteEditor::undo(const QString &path, const LinePatch &applied, const FileStamp &after)
{
    return NoteFile::applyPatch(path, applied.inverse(), after);
}

} // namespace debrief
