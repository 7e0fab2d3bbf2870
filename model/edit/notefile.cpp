#include "edit/notefile.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>

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

EditError refusesWrite(const QString &path, const QString &real)
{
    const QFileInfo info(real);
    if (!info.exists())
        return EditError::make(Code::NotFound,
                               QStringLiteral("%1 was deleted while editing; nothing was written").arg(shown(path)));
    if (!info.isWritable() || !hasWriteBit(info))
        return EditError::make(Code::ReadOnlyFile, QStringLiteral("%1 is read-only").arg(shown(path)));
    if (hardLinkCount(real) <= 1) {
        // The new bytes go to a temporary file beside the note first.
        const QFileInfo folder(info.absolutePath());
        if (!folder.isWritable() || !hasWriteBit(folder))
            return EditError::make(Code::ReadOnlyFolder,
                                   QStringLiteral("cannot write %1: the folder %2 is read-only")
                                       .arg(shown(path), shown(info.absolutePath())));
    }
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
    // Read once no other program writes to it: an edit planned on half of a file that another
    // program is rewriting in place would be refused, or worse.
    QString reason;
    std::optional<QByteArray> bytes = FileReplace::readSettled(real, &reason);
    if (!bytes) {
        result.error = EditError::make(Code::Unreadable, QStringLiteral("cannot read %1: %2").arg(shown(path), reason));
        return result;
    }
    result.bytes = std::move(*bytes);
    result.stamp = stampFor(real, result.bytes);
    return result;
}

EditError NoteFile::write(const QString &path, const QByteArray &bytes, FileStamp *stamp)
{
    return replace(
        path, [&bytes](const QByteArray &, EditError *) { return std::optional<QByteArray>(bytes); }, stamp);
}

EditError NoteFile::replace(const QString &path, const FileReplace::Planner &plan, FileStamp *stamp)
{
    QString real;
    if (EditError error = checkRegularFile(path, &real); error.isError())
        return error;
    // Permissions matter only once there is something to write: an edit that changes no byte
    // succeeds on a read-only note.
    const auto checked = [&](const QByteArray &current, EditError *error) -> std::optional<QByteArray> {
        std::optional<QByteArray> planned = plan(current, error);
        if (!planned || *planned == current)
            return planned;
        if (const EditError refusal = refusesWrite(path, real); refusal.isError()) {
            *error = refusal;
            return std::nullopt;
        }
        return planned;
    };
    const FileReplace::Result result = FileReplace::replace(real, shown(path), checked);
    if (result.error.isError())
        return result.error;
    if (stamp)
        *stamp = stampFor(real, result.written);
    return {};
}

NoteFile::PatchResult NoteFile::applyPatch(const QString &path, const LinePatch &patch, const FileStamp &seen,
                                           IfChanged ifChanged)
{
    PatchResult result;
    // Called once, and again on newer bytes if another program writes to the note meanwhile.
    const auto plan = [&](const QByteArray &current, EditError *error) -> std::optional<QByteArray> {
        const bool changed = seen.isValid() && FileStamp::contentHash(current) != seen.hash;
        if (changed && ifChanged == IfChanged::Conflict) {
            *error = EditError::make(
                Code::Conflict,
                QStringLiteral("%1 changed on disk since it was read; nothing was written").arg(shown(path)));
            return std::nullopt;
        }
        TextLines lines = TextLines::split(current);
        int failedLine = 0;
        const std::optional<LinePatch> applied =
            patch.apply(lines, changed ? LinePatch::Mode::Relocate : LinePatch::Mode::Exact, &failedLine);
        if (!applied) {
            *error = EditError::make(Code::Conflict,
                                     changed ? QStringLiteral("%1 changed on disk and line %2 is no longer as it was; "
                                                              "nothing was written")
                                                   .arg(shown(path))
                                                   .arg(failedLine)
                                             : QStringLiteral("line %2 of %1 is not as expected; nothing was written")
                                                   .arg(shown(path))
                                                   .arg(failedLine));
            return std::nullopt;
        }
        result.applied = *applied;
        result.fileHadChanged = changed;
        return lines.join();
    };
    result.error = replace(path, plan, &result.stamp);
    return result;
}

} // namespace debrief
