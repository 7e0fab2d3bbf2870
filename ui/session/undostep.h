#pragma once

#include "base/filestamp.h"
#include "edit/linepatch.h"

#include <QList>
#include <QString>
#include <QUndoCommand>

namespace debrief {

class Session;

// One undo step: edits already applied to one or more files. It is created after the edits have
// landed (Session applies them first, so a failed edit never reaches the stack); undo and redo
// apply the engine's inverse patches, file by file. A step moves all or nothing: when one file
// refuses (it changed on disk so that its lines are gone), the files already moved are put back,
// the session reports why and keeps the step on the side the files are on, so that the user can
// try again. Only if a file cannot be put back either is the step dropped from the stack.
class UndoStep final : public QUndoCommand
{
public:
    struct FileEdit
    {
        QString path;
        LinePatch patch; // the last patch applied to the file; its inverse goes the other way
        FileStamp stamp; // the file's stamp right after `patch` was applied
    };

    UndoStep(Session *session, QList<FileEdit> files, const QString &text);
    UndoStep(Session *session, const QString &path, const LinePatch &applied, const FileStamp &after,
             const QString &text);

    void undo() override;
    void redo() override;

    // Whether the files hold the edit: false once undone. The stack may disagree for a moment
    // after a refused move, until the session moves it back (see Session::keepStep()).
    bool isDone() const { return m_done; }

private:
    void move(bool undoing);
    bool replay(FileEdit &file, QString *error);

    Session *m_session;
    QList<FileEdit> m_files;
    bool m_done = true;
};

} // namespace debrief
