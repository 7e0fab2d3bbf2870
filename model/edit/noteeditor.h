#pragma once

#include "base/filestamp.h"
#include "edit/linepatch.h"
#include "edit/noteedit.h"
#include "edit/notefile.h"

#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>

namespace debrief {

// Applies edits to a note's file: reads it, has EditPlanner plan the edits, writes the patch
// through NoteFile, and undoes what it wrote.
//
// Desktop use:   result = NoteEditor::apply(note.path, {NoteEdit::setStatus(item.line, Accept,
//                item.raw)}, note.stamp, today);  undo: NoteEditor::undo(path, result.applied,
//                result.stamp);  redo: NoteEditor::undo(path, undoResult.applied, undoResult.stamp).
class NoteEditor final
{
public:
    // Reads the file, plans the edits and writes them. `seen` is the stamp of the note the user
    // looked at (invalid: none); when the file has changed since, a targeted edit goes ahead only
    // if its line (NoteEdit::expected) is still there unchanged and in one place, and a repair or
    // a new summary only if it has expected bytes that the file still holds exactly. Nothing is
    // written on any error. result.applied is what the undo needs (one patch, whatever number of
    // lines it changed: a recurring task's two lines are undone together).
    struct Result : NoteFile::PatchResult
    {
        QStringList notices; // EditPlanner::Plan::notices: tell the user, the edit went ahead
    };
    static Result apply(const QString &path, const QList<NoteEdit> &edits, const FileStamp &seen, QDate today);

    // Undoes an applied patch: `after` is the stamp apply() returned. Returns the redo patch in
    // result.applied.
    static NoteFile::PatchResult undo(const QString &path, const LinePatch &applied, const FileStamp &after);
};

} // namespace debrief
