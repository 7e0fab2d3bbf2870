#include "session/samplevault.h"

#include "edit/foldercopy.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

namespace debrief {

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
    if (bundled.isEmpty() || FolderCopy::copy(bundled, copy).isError())
        return QString();
    return copy;
}

} // namespace debrief
