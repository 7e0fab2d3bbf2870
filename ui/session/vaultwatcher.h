#pragma once

#include <QFileSystemWatcher>
#include <QObject>
#include <QSet>
#include <QTimer>

namespace debrief {

class Vault;

// Watches the vault's folders (files added, removed, renamed, replaced atomically) and the notes
// the user is looking at (changed in place). Events come in bursts, so they are collected for
// a short while and reported once.
class VaultWatcher final : public QObject
{
    Q_OBJECT

public:
    explicit VaultWatcher(QObject *parent = nullptr);

    static constexpr int debounceMsecs = 200;

    void watchVault(const Vault &vault);       // every folder that holds a note, and the root
    void watchFiles(const QStringList &paths); // the open notes; replaces the previous set

Q_SIGNALS:
    void foldersChanged();
    void filesChanged(const QStringList &paths);

private:
    void fileChanged(const QString &path);
    void flush();

    QFileSystemWatcher m_watcher;
    QTimer m_debounce;
    QSet<QString> m_files;        // files we want watched
    QSet<QString> m_changedFiles; // since the last flush
    bool m_foldersChanged = false;
};

} // namespace debrief
