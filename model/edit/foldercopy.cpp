#include "edit/foldercopy.h"

#include "edit/outputfile.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>

namespace debrief {

namespace {

using Code = EditError::Code;

EditError copyFile(const QString &from, const QString &to)
{
    QFile source(from);
    if (!source.open(QIODevice::ReadOnly))
        return EditError::make(
            Code::Unreadable,
            QStringLiteral("cannot read %1: %2").arg(QDir::toNativeSeparators(from), source.errorString()));
    const QByteArray bytes = source.readAll();
    if (source.error() != QFileDevice::NoError)
        return EditError::make(
            Code::Unreadable,
            QStringLiteral("cannot read %1: %2").arg(QDir::toNativeSeparators(from), source.errorString()));
    if (EditError error = OutputFile::write(to, bytes); error.isError())
        return error;
    QFile::setPermissions(to, QFile::permissions(to) | QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    return {};
}

} // namespace

EditError FolderCopy::copy(const QString &from, const QString &to)
{
    if (!QFileInfo(from).isDir())
        return EditError::make(Code::NotFound,
                               QStringLiteral("%1 is not a folder").arg(QDir::toNativeSeparators(from)));
    if (QFileInfo::exists(to))
        return EditError::make(Code::InvalidEdit,
                               QStringLiteral("%1 exists already").arg(QDir::toNativeSeparators(to)));
    const QString partial = to + QStringLiteral(".partial");
    QDir(partial).removeRecursively(); // what a copy that failed before left
    QDir dir;
    const auto folderError = [](const QString &path) {
        return EditError::make(Code::WriteFailed,
                               QStringLiteral("cannot create the folder %1").arg(QDir::toNativeSeparators(path)));
    };
    if (!dir.mkpath(partial))
        return folderError(partial);

    const QDir source(from);
    QDirIterator it(from, QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden, QDirIterator::Subdirectories);
    EditError error;
    while (!error.isError() && it.hasNext()) {
        const QString path = it.next();
        const QString destination = partial + u'/' + source.relativeFilePath(path);
        if (it.fileInfo().isDir()) {
            if (!dir.mkpath(destination))
                error = folderError(destination);
        } else if (it.fileInfo().isFile()) {
            error = copyFile(path, destination);
        }
    }
    if (!error.isError() && !dir.rename(partial, to))
        error = EditError::make(Code::WriteFailed,
                                QStringLiteral("cannot rename %1 to %2")
                                    .arg(QDir::toNativeSeparators(partial), QDir::toNativeSeparators(to)));
    if (error.isError())
        QDir(partial).removeRecursively();
    return error;
}

} // namespace debrief
