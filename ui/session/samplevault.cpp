#include "session/samplevault.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>

namespace debrief {

namespace {

bool copyFolder(const QString &from, const QString &to)
{
    QDir target;
    if (!target.mkpath(to))
        return false;
    QDirIterator it(from, QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden, QDirIterator::Subdirectories);
    const QDir source(from);
    while (it.hasNext()) {
        const QString path = it.next();
        const QString destination = to + u'/' + source.relativeFilePath(path);
        if (it.fileInfo().isDir()) {
            if (!target.mkpath(destination))
                return false;
        } else if (!QFile::copy(path, destination)) {
            return false;
        } else {
            // Installed files are read-only; the copy is the user's to edit.
            QFile::setPermissions(destination, QFile::permissions(destination) | QFileDevice::WriteOwner);
        }
    }
    return true;
}

} // namespace

QString SampleVault::bundledPath()
{
    const QString binDir = QCoreApplication::applicationDirPath();
    const QStringList candidates{
        // Installed: <prefix>/bin/debrief and <prefix>/share/debrief/sample-vault.
        binDir + QStringLiteral("/../") + QStringLiteral(DEBRIEF_INSTALL_DATADIR)
            + QStringLiteral("/debrief/sample-vault"),
        // The build tree: the source tree's copy.
        QStringLiteral(DEBRIEF_SOURCE_SAMPLE_VAULT),
    };
    for (const QString &candidate : candidates) {
        if (QFileInfo(candidate).isDir())
            return QDir::cleanPath(candidate);
    }
    return QString();
}

QString SampleVault::writableCopy()
{
    const QString copy =
        QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/Sample Vault");
    if (QFileInfo(copy).isDir())
        return copy;
    const QString bundled = bundledPath();
    if (bundled.isEmpty() || !copyFolder(bundled, copy))
        return QString();
    return copy;
}

} // namespace debrief
