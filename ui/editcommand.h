#pragma once

#include "filestamp.h"
#include "linepatch.h"

#include <QString>
#include <QUndoCommand>

namespace debrief {

class Session;

// One applied edit of one file, on the undo stack. It is created after the edit has landed
// (Session applies it first, so a failed edit never reaches the stack); undo and redo apply
// the engine's inverse patches. If the file changed so that an undo cannot apply, the step is
// dropped from the stack and the session reports why; the file keeps what is on disk.
class EditCommand final : public QUndoCommand
{
public:
    EditCommand(Session *session, const QString &path, const LinePatch &applied, const FileStamp &after,
                const QString &text, QUndoCommand *parent = nullptr);

    void undo() override;
    void redo() override;

private:
    void applyInverse();

    Session *m_session;
    QString m_path;
    LinePatch m_patch;   // the last patch applied to the file; its inverse goes the other way
    FileStamp m_stamp;   // the file's stamp right after m_patch was applied
    bool m_firstRedo = true;
};

} // namespace debrief
