#pragma once

#include "base/textlines.h"
#include "edit/editerror.h"
#include "edit/linepatch.h"
#include "edit/noteedit.h"

#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>

namespace debrief {

// Turns edits into the smallest line patch of a note's lines. Reads and writes nothing:
// NoteEditor does that, around this.
class EditPlanner final
{
public:
    struct Plan
    {
        LinePatch patch;
        EditError error;
        int line = 0; // the line the edit ended on (the new line for an add, after the patch)
        // What the user should know of an edit that went ahead ("path:line: ..."): a recurring
        // task whose next occurrence could not be computed.
        QStringList notices;
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

    // Edits planned from the whole file (a repair, a new summary) rather than from one line: the
    // file must still hold exactly the bytes they were planned from.
    static bool readsWholeFile(const NoteEdit &edit);
};

} // namespace debrief
