#pragma once

#include "base/filestamp.h"
#include "edit/editerror.h"
#include "edit/filereplace.h"
#include "edit/linepatch.h"

#include <QByteArray>
#include <QString>

namespace debrief {

// The one place that reads and writes note files.
//
// Writes go through FileReplace (see there: nothing another program writes meanwhile is lost, and a
// failed write never reaches the note), keep the file's permissions (and its owner and group, where
// the process may set them), go through a symlink to its target, and refuse anything that is not a
// regular file. A file with several hard links is rewritten in place so that every name keeps
// seeing the same content.
class NoteFile final
{
public:
    struct ReadResult
    {
        QByteArray bytes;
        FileStamp stamp;
        EditError error;
        bool ok() const { return !error.isError(); }
    };

    struct PatchResult
    {
        EditError error;
        LinePatch applied; // as applied to the file (relocated if the file had moved); undo = applied.inverse()
        FileStamp stamp;   // of the bytes now on disk
        bool fileHadChanged = false; // the file was not as `seen` and the patch was re-applied
        bool ok() const { return !error.isError(); }
    };

    static ReadResult read(const QString &path);

    // Replaces the file's content with `bytes`. Returns the new stamp through `stamp` if given.
    static EditError write(const QString &path, const QByteArray &bytes, FileStamp *stamp = nullptr);

    // Writes what `plan` makes of the bytes on disk (planned again if they change meanwhile).
    static EditError replace(const QString &path, const FileReplace::Planner &plan, FileStamp *stamp = nullptr);

    // What applyPatch does with a file that changed since `seen`.
    enum class IfChanged {
        Relocate, // each hunk goes where its lines now stand, if they stand in one place
        Conflict, // nothing: the patch was made from the whole file (a repair, a summary)
    };

    // Reads the file, applies `patch` and writes the result. `seen` is the stamp of the bytes the
    // patch was made from: when the file has changed since, each hunk is re-applied only where its
    // lines still stand unchanged (or not at all, see IfChanged), else the result is a Conflict.
    // Nothing is written on failure, and nothing when the patch changes no byte.
    static PatchResult applyPatch(const QString &path, const LinePatch &patch, const FileStamp &seen,
                                  IfChanged ifChanged = IfChanged::Relocate);

    static FileStamp stampFor(const QString &path, QByteArrayView bytes);
};

} // namespace debrief
