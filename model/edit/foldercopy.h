#pragma once

#include "edit/editerror.h"

#include <QString>

namespace debrief {

// Copies a folder of notes to a new place (the bundled sample vault to the user's data folder),
// hidden files included. The copy is made beside the target and renamed into place at the end,
// so a copy that failed halfway never looks complete. Files come out writable by their owner,
// whatever the source's permissions (installed files are read-only).
class FolderCopy final
{
public:
    // `to` must not exist yet.
    static EditError copy(const QString &from, const QString &to);
};

} // namespace debrief
