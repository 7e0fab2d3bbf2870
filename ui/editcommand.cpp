#include "editcommand.h"

#include "noteeditor.h"
#include "session.h"

namespace debrief {

EditCommand::EditCommand(Session *session, const QString &path, const LinePatch &applied,
                         const FileStamp &after, const QString &text, QUndoCommand *parent)
    : QUndoCommand(text, parent)
    , m_session(session)
    , m_path(path)
    , m_patch(applied)
    , m_stamp(after)
{
}

void EditCommand::undo()
{
    applyInverse();
}

void EditCommand::redo()
{
    // The edit was applied before the command was pushed.
    if (m_firstRedo) {
        m_firstRedo = false;
        return;
    }
    applyInverse();
}

// Undo and redo are the same move: apply the inverse of the patch that went last.
void EditCommand::applyInverse()
{
    const NoteFile::PatchResult result = NoteEditor::undo(m_path, m_patch, m_stamp);
    if (!result.ok()) {
        setObsolete(true);
        m_session->reportFailure(result.error.message, m_path);
        return;
    }
    m_patch = result.applied;
    m_stamp = result.stamp;
    m_session->noteWritten(m_path);
    if (!m_patch.isEmpty())
        m_session->reportStepReplayed(m_path, m_patch.hunks().constFirst().line);
}

} // namespace debrief
