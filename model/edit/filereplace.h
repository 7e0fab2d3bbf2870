#pragma once

#include "edit/editerror.h"

#include <QByteArray>
#include <QString>

#include <functional>
#include <optional>

namespace debrief {

// Puts a note's new bytes on disk without losing a byte that another program writes meanwhile,
// and without ever leaving a half-written note. NoteFile is its only caller.
//
// On Linux, a note with one name is replaced by swapping: the new bytes go to a temporary file in
// the same folder (every write, the sync and the close checked), renameat2(RENAME_EXCHANGE) swaps
// it with the note, and the file that comes out is compared with the bytes the edit was planned
// on, once no other program holds it open for writing (a read lease tells). If another program got
// in between, the swap is undone and the edit planned again on what it wrote. A note with several
// hard links is rewritten in place under a write lease, which makes other programs' open() wait
// until the write is done; space is reserved first, and a failed write puts the old bytes back.
// Where the file system has neither (or off Linux), the fallback checks the file just before a
// plain rename, which leaves a window of a few microseconds.
class FileReplace final
{
public:
    // Plans the new bytes from the bytes now on disk, or returns nullopt and sets `error`. It may
    // be called again, on newer bytes, when another program wrote to the note meanwhile.
    using Planner = std::function<std::optional<QByteArray>(const QByteArray &current, EditError *error)>;

    struct Result
    {
        EditError error;
        QByteArray written; // what the note holds now (empty if nothing was written)
        bool wroteAnything = false;
        int rounds = 0; // plans made; more than one when another program wrote in between
    };

    // `real` is the note's resolved path (no symlink), `shown` the name used in messages.
    static Result replace(const QString &real, const QString &shown, const Planner &plan);

    // The file's bytes, read while no other program has it open for writing (waiting up to about
    // 0.1 s for one to finish), so that a file being rewritten in place is never read half-way.
    // Never blocks on a pipe. nullopt with the system's reason if it cannot be read.
    static std::optional<QByteArray> readSettled(const QString &path, QString *reason);
};

} // namespace debrief
