#include "edit/notefile.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

#ifdef Q_OS_UNIX
#include <sys/stat.h>
#include <unistd.h>
#endif

namespace debrief {

namespace {

using Code = EditError::Code;

QString shown(const QString &path)
{
    return QDir::toNativeSeparators(path);
}

// Anything with no write bit at all counts as read-only, even for root, whom access() lets
// write anywhere: the user marked it so on purpose.
bool hasWriteBit(const QFileInfo &info)
{
    return info.permissions() & (QFileDevice::WriteOwner | QFileDevice::WriteGroup | QFileDevice::WriteOther);
}

int hardLinkCount(const QString &path)
{
#ifdef Q_OS_UNIX
    struct stat st = {};
    if (::stat(QFile::encodeName(path).constData(), &st) == 0)
        return int(st.st_nlink);
#else
    Q_UNUSED(path);
#endif
    return 1;
}

#ifdef Q_OS_UNIX
// QSaveFile's temporary file belongs to whoever writes it: root editing another user's note
// would take it over. Give it the note's owner and group back when the process may (root,
// CAP_CHOWN), else at least the group (allowed to a member of it). A refusal is no error: the
// write goes on as any editor's would.
void keepOwner(int fd, const struct stat &note)
{
    struct stat now = {};
    if (fd < 0 || ::fstat(fd, &now) != 0)
        return;
    if (now.st_uid == note.st_uid && now.st_gid == note.st_gid)
        return;
    if (::fchown(fd, note.st_uid, note.st_gid) == 0 || now.st_gid == note.st_gid)
        return;
    // Not allowed to give the file away (EPERM): at least its group, else it stays the writer's.
    const bool groupKept = ::fchown(fd, uid_t(-1), note.st_gid) == 0;
    Q_UNUSED(groupKept);
}
#endif

// Resolves symlinks and checks what a read or a write needs. `target` gets the real file.
EditError checkRegularFile(const QString &path, QString *target)
{
    const QFileInfo info(path);
    if (!info.exists()) {
        if (info.isSymLink())
            return EditError::make(Code::NotFound,
                                   QStringLiteral("%1 is a link to %2, which does not exist")
                                       .arg(shown(path), shown(info.symLinkTarget())));
        return EditError::make(Code::NotFound, QStringLiteral("%1 does not exist").arg(shown(path)));
    }
    const QString real = info.canonicalFilePath();
    const QFileInfo realInfo(real);
    // QFileInfo::isFile() is true for regular files only; pipes and devices are refused before
    // anything opens them (opening a FIFO would block).
    if (!realInfo.isFile())
        return EditError::make(Code::NotRegular, QStringLiteral("%1 is not a regular file").arg(shown(path)));
    *target = real;
    return {};
}

} // namespace

FileStamp NoteFile::stampFor(const QString &path, QByteArrayView bytes)
{
    const QFileInfo info(path);
    FileStamp stamp;
    stamp.size = bytes.size();
    stamp.modifiedMsecs = info.lastModified().toMSecsSinceEpoch();
    stamp.hash = FileStamp::contentHash(bytes);
    return stamp;
}

NoteFile::ReadResult NoteFile::read(const QString &path)
{
    ReadResult result;
    QString real;
    result.error = checkRegularFile(path, &real);
    if (result.error.isError())
        return result;
    QFile file(real);
    if (!file.open(QIODevice::ReadOnly)) {
        result.error = EditError::make(Code::Unreadable,
                                       QStringLiteral("cannot read %1: %2").arg(shown(path), file.errorString()));
        return result;
    }
    result.bytes = file.readAll();
    if (file.error() != QFileDevice::NoError) {
        result.error = EditError::make(Code::Unreadable,
                                       QStringLiteral("cannot read %1: %2").arg(shown(path), file.errorString()));
        result.bytes.clear();
        return result;
    }
    result.stamp = stampFor(real, result.bytes);
    return result;
}

EditError NoteFile::write(const QString &path, const QByteArray &bytes, FileStamp *stamp)
{
    QString real;
    if (EditError error = checkRegularFile(path, &real); error.isError())
        return error;
    const QFileInfo info(real);
    if (!info.isWritable() || !hasWriteBit(info))
        return EditError::make(Code::ReadOnlyFile, QStringLiteral("%1 is read-only").arg(shown(path)));
    const QFileDevice::Permissions permissions = info.permissions();

    if (hardLinkCount(real) > 1) {
        // In place, so that the other names see the edit too. Keep the old bytes to put back.
        QFile file(real);
        if (!file.open(QIODevice::ReadWrite))
            return EditError::make(Code::WriteFailed,
                                   QStringLiteral("cannot write %1: %2").arg(shown(path), file.errorString()));
        const QByteArray old = file.readAll();
        const bool written =
            file.seek(0) && file.write(bytes) == bytes.size() && file.resize(bytes.size()) && file.flush();
        if (!written) {
            const QString reason = file.errorString();
            if (file.seek(0) && file.write(old) == old.size())
                file.resize(old.size());
            return EditError::make(Code::WriteFailed, QStringLiteral("cannot write %1: %2").arg(shown(path), reason));
        }
        file.close();
    } else {
        const QFileInfo folder(info.absolutePath());
        if (!folder.isWritable() || !hasWriteBit(folder))
            return EditError::make(Code::ReadOnlyFolder,
                                   QStringLiteral("cannot write %1: the folder %2 is read-only")
                                       .arg(shown(path), shown(info.absolutePath())));
#ifdef Q_OS_UNIX
        struct stat note = {};
        const bool owned = ::stat(QFile::encodeName(real).constData(), &note) == 0;
#endif
        QSaveFile file(real);
        if (!file.open(QIODevice::WriteOnly))
            return EditError::make(Code::WriteFailed,
                                   QStringLiteral("cannot write %1: %2").arg(shown(path), file.errorString()));
#ifdef Q_OS_UNIX
        if (owned)
            keepOwner(file.handle(), note); // before the permissions: a chown may clear mode bits
#endif
        file.setPermissions(permissions);
        if (file.write(bytes) != bytes.size()) {
            const QString reason = file.errorString();
            file.cancelWriting();
            return EditError::make(Code::WriteFailed, QStringLiteral("cannot write %1: %2").arg(shown(path), reason));
        }
        if (!file.commit())
            return EditError::make(Code::WriteFailed,
                                   QStringLiteral("cannot write %1: %2").arg(shown(path), file.errorString()));
    }
    if (stamp)
        *stamp = stampFor(real, bytes);
    return {};
}

NoteFile::PatchResult NoteFile::applyPatch(const QString &path, const LinePatch &patch, const FileStamp &seen,
                                           IfChanged ifChanged)
{
    PatchResult result;
    // A second read just before writing catches a change made while we worked; a couple of
    // rounds are enough, a file that keeps changing is a conflict.
    for (int attempt = 0; attempt < 3; ++attempt) {
        const ReadResult current = read(path);
        if (!current.ok()) {
            result.error = current.error;
            return result;
        }
        const bool changed = seen.isValid() && current.stamp.hash != seen.hash;
        if (changed && ifChanged == IfChanged::Conflict) {
            result.error = EditError::make(
                Code::Conflict,
                QStringLiteral("%1 changed on disk since it was read; nothing was written").arg(shown(path)));
            return result;
        }
        TextLines lines = TextLines::split(current.bytes);
        int failedLine = 0;
        const std::optional<LinePatch> applied =
            patch.apply(lines, changed ? LinePatch::Mode::Relocate : LinePatch::Mode::Exact, &failedLine);
        if (!applied) {
            result.error =
                EditError::make(Code::Conflict,
                                changed ? QStringLiteral("%1 changed on disk and line %2 is no longer as it was; "
                                                         "nothing was written")
                                              .arg(shown(path))
                                              .arg(failedLine)
                                        : QStringLiteral("line %2 of %1 is not as expected; nothing was written")
                                              .arg(shown(path))
                                              .arg(failedLine));
            return result;
        }
        const QByteArray bytes = lines.join();
        result.applied = *applied;
        result.fileHadChanged = changed;
        if (bytes == current.bytes) {
            result.stamp = current.stamp;
            return result;
        }
        const ReadResult again = read(path);
        if (again.ok() && again.bytes != current.bytes)
            continue;
        result.error = write(path, bytes, &result.stamp);
        return result;
    }
    result.error = EditError::make(Code::Conflict,
                                   QStringLiteral("%1 keeps changing on disk; nothing was written").arg(shown(path)));
    return result;
}

} // namespace debrief
