#pragma once

#include "edit/editerror.h"

#include <QByteArray>
#include <QString>

namespace debrief {

// Files Debrief makes whole, not notes it edits: an export, a saved follow-up, a copied file.
// The bytes go to a temporary file beside the target that replaces it only once everything is
// written and flushed (QSaveFile), so a failed write leaves the old file, or none, never half
// of one. A folder, device or pipe at the path is refused before anything opens it.
class OutputFile final
{
public:
    static EditError write(const QString &path, const QByteArray &bytes);
};

} // namespace debrief
