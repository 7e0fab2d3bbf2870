#include "edit/outputfile.h"

#include <QDir>
#include <QFileInfo>
#include <QSaveFile>

namespace debrief {

EditError OutputFile::write(const QString &path, const QByteArray &bytes)
{
    const QString shown = QDir::toNativeSeparators(path);
    const QFileInfo info(path);
    if (info.exists() && !info.isFile())
        return EditError::make(EditError::Code::NotRegular, QStringLiteral("%1 is not a regular file").arg(shown));
    if (!info.dir().exists())
        return EditError::make(EditError::Code::NotFound,
                               QStringLiteral("cannot write %1: the folder %2 does not exist")
                                   .arg(shown, QDir::toNativeSeparators(info.absolutePath())));
    QSaveFile file(path);
    const bool written = file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
    if (!written || !file.commit()) {
        const QString reason = file.errorString();
        file.cancelWriting();
        return EditError::make(EditError::Code::WriteFailed, QStringLiteral("cannot write %1: %2").arg(shown, reason));
    }
    return {};
}

} // namespace debrief
