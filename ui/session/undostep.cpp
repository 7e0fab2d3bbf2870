#include "session/undostep.h"

#include "edit/noteeditor.h"
#include "session/session.h"

#include <QFileInfo>

#include <utility>

namespace debrief {

UndoStep::UndoStep(Session *session, QList<FileEdit> files, const QString &text)
    : QUndoCommand(text)
    , m_session(session)
    , m_files(std::move(files))
{
}

UndoStep::UndoStep(Session *session, const QString &path, const LinePatch &applied, const FileStamp &after,
                   const QString &text)
    : UndoStep(session, {FileEdit{path, applied, after}}, text)
{
}

void UndoStep::undo()
{
    move(true);
}

void UndoStep::redo()
{
    move(false);
}

void UndoStep::move(bool undoing)
{
    // Already there: the first redo after the push (the edit was applied before), or the stack
    // catching up after a refused move.
    if (m_done != undoing)
        return;
    // Undo goes from the last file to the first, redo the other way round.
    QList<qsizetype> order;
    for (qsizetype i = 0; i < m_files.size(); ++i)
        order.append(undoing ? m_files.size() - 1 - i : i);

    QList<qsizetype> moved;
    for (const qsizetype index : std::as_const(order)) {
        QString error;
        if (replay(m_files[index], &error)) {
            moved.append(index);
            continue;
        }
        // Put back the files already moved, last first, so that the step is whole again.
        QStringList stuck;
        for (auto it = moved.crbegin(); it != moved.crend(); ++it) {
            QString ignored;
            if (!replay(m_files[*it], &ignored))
                stuck.append(QFileInfo(m_files.at(*it).path).fileName());
        }
        const QString verb = undoing ? Session::tr("Cannot undo “%1”") : Session::tr("Cannot redo “%1”");
        QString message = verb.arg(text()) + QStringLiteral(": ") + error;
        if (stuck.isEmpty()) {
            m_session->keepStep(this);
        } else {
            // Half moved, and no way back: the step no longer describes the files.
            message += Session::tr(". %1 could not be put back either; the step was dropped")
                           .arg(stuck.join(QStringLiteral(", ")));
            setObsolete(true);
        }
        m_session->reportFailure(message, m_files.at(index).path);
        return;
    }
    m_done = !undoing;
    for (const qsizetype index : std::as_const(moved)) {
        const FileEdit &file = m_files.at(index);
        if (!file.patch.isEmpty())
            m_session->reportStepReplayed(file.path, file.patch.hunks().constFirst().line);
    }
}

// Undo and redo are the same move for one file: apply the inverse of the patch that went last.
bool UndoStep::replay(FileEdit &file, QString *error)
{
    const NoteFile::PatchResult result = NoteEditor::undo(file.path, file.patch, file.stamp);
    if (!result.ok()) {
        *error = result.error.message;
        return false;
    }
    file.patch = result.applied;
    file.stamp = result.stamp;
    m_session->noteWritten(file.path);
    return true;
}

} // namespace debrief
