#include "session/vaultwatcher.h"

#include "vault/vault.h"

#include <QDir>
#include <QFileInfo>

namespace debrief {

VaultWatcher::VaultWatcher(QObject *parent)
    : QObject(parent)
{
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(debounceMsecs);
    connect(&m_debounce, &QTimer::timeout, this, &VaultWatcher::flush);
    connect(&m_watcher, &QFileSystemWatcher::directoryChanged, this, [this] {
        m_foldersChanged = true;
        m_debounce.start();
    });
    connect(&m_watcher, &QFileSystemWatcher::fileChanged, this, &VaultWatcher::fileChanged);
}

void VaultWatcher::watchVault(const Vault &vault)
{
    QSet<QString> folders;
    if (!vault.root().isEmpty())
        folders.insert(vault.root());
    for (const Note &note : vault.notes()) {
        // Every folder between the note and the root, so that new subfolders are noticed too.
        QString folder = QFileInfo(note.path).absolutePath();
        while (!folders.contains(folder) && folder.startsWith(vault.root()) && folder.size() > vault.root().size()) {
            folders.insert(folder);
            folder = QFileInfo(folder).absolutePath();
        }
    }
    const QStringList watched = m_watcher.directories();
    QStringList added;
    for (const QString &folder : folders) {
        if (!watched.contains(folder))
            added.append(folder);
    }
    QStringList removed;
    for (const QString &folder : watched) {
        if (!folders.contains(folder))
            removed.append(folder);
    }
    if (!removed.isEmpty())
        m_watcher.removePaths(removed);
    if (!added.isEmpty())
        m_watcher.addPaths(added);
    // Re-add files whose watch an atomic replace took away.
    for (const QString &file : std::as_const(m_files)) {
        if (!m_watcher.files().contains(file) && QFileInfo::exists(file))
            m_watcher.addPath(file);
    }
}

void VaultWatcher::watchFiles(const QStringList &paths)
{
    const QSet<QString> wanted(paths.cbegin(), paths.cend());
    for (const QString &file : std::as_const(m_files)) {
        if (!wanted.contains(file))
            m_watcher.removePath(file);
    }
    m_files = wanted;
    for (const QString &file : paths) {
        if (!m_watcher.files().contains(file) && QFileInfo::exists(file))
            m_watcher.addPath(file);
    }
}

void VaultWatcher::fileChanged(const QString &path)
{
    // An editor that saves by renaming a new file over the old one ends our watch on it.
    if (m_files.contains(path) && !m_watcher.files().contains(path) && QFileInfo::exists(path))
        m_watcher.addPath(path);
    m_changedFiles.insert(path);
    m_debounce.start();
}

void VaultWatcher::flush()
{
    if (!m_changedFiles.isEmpty()) {
        const QStringList files(m_changedFiles.cbegin(), m_changedFiles.cend());
        m_changedFiles.clear();
        for (const QString &file : files) {
            if (m_files.contains(file) && !m_watcher.files().contains(file) && QFileInfo::exists(file))
                m_watcher.addPath(file);
        }
        Q_EMIT filesChanged(files);
    }
    if (m_foldersChanged) {
        m_foldersChanged = false;
        Q_EMIT foldersChanged();
    }
}

} // namespace debrief
