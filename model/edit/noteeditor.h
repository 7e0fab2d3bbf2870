#pragma once

#include "base/filestamp.h"
#include "base/textlines.h"
#include "edit/editerror.h"
#include "edit/linepatch.h"
#include "edit/noteedit.h"
#include "edit/notefile.h"

#include <QDate>
#include <QList>
#include <QString>

namespace debrief {

// Turns edits into the smallest line patch of a note, and applies them to its file.
//
// Desktop use:   result = NoteEditor::apply(note.path, {NoteEdit::setStatus(item.line, Accept,
//                item.raw)}, note.stamp, today);  undo: NoteEditor::undo(path, result.applied,
//                result.stamp);  redo: NoteEditor::undo(path, undoResult.applied, undoResult.stamp).
class NoteEditor final
{
public:
    struct Plan
    {
        LinePatch patch;
        EditError error;
        int line = 0; // the line the edit ended on (the new line for an add, after the patch)
        bool ok() const { return !error.isError(); }
    };

    // Whether `lines` are the bytes the edits were made on, or the file changed since: then a
    // targeted edit finds its line only by its expected bytes, and only where they stand once, and
    // an edit with nothing to check (no expected bytes) is a conflict.
    enum class FileState { AsSeen, Changed };

    // Plans one edit against `lines`; `path` is only for messages.
    static Plan plan(const TextLines &lines, const QString &path, const NoteEdit &edit, QDate today,
                     FileState state = FileState::AsSeen);
    // Several edits of one file, all or none. Each edit sees the lines as the edits before it
    // left them (neighbouring lines may be edited together); targets are line numbers of `lines`,
    // and two edits of one line are refused.
    static Plan plan(const TextLines &lines, const QString &path, const QList<NoteEdit> &edits, QDate today,
                     FileState state = FileState::AsSeen);

    // Removes lines `first` to `last`, as a Delete edit removes its one line: for a list item that
    // wraps over continuation lines (a Decisions bullet), which a Delete edit cannot name.
    static Plan removeLines(const TextLines &lines, int first, int last);

    // Reads the file, plans the edits and writes them. `seen` is the stamp of the note the user
    // looked at (invalid: none); when the file has changed since, a targeted edit goes ahead only
    // if its line (NoteEdit::expected) is still there unchanged and in one place, and a repair or
    // a new summary only if it has expected bytes that the file still holds exactly. Nothing is
    // written on any error. result.applied is what the undo needs.
    static NoteFile::PatchResult apply(const QString &path, const QList<NoteEdit> &edits, const FileStamp &seen,
                                       QDate today);

    // Undoes an applied patch: `after` is the stamp apply() returned. Returns the redo patch in
    // result.applied.
    static NoteFile::PatchResult undo(const QString &path, const LinePatch &applied, const FileStamp &after);
};

} // namespace debrief
