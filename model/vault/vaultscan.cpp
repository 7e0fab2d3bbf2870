#include "vault/vaultscan.h"

#include "vault/unspellablenames.h"
#include "vault/walkrule.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QThread>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <set>
#include <system_error>
#include <thread>
#include <vector>

#if defined(Q_OS_UNIX)
#include <dirent.h>
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>
#define DEBRIEF_POSIX_SCAN 1
#endif

namespace debrief {

namespace {

#if DEBRIEF_POSIX_SCAN
qint64 msecs(const struct stat &st)
{
    return qint64(st.st_mtim.tv_sec) * 1000 + st.st_mtim.tv_nsec / 1000000;
}

// Walks the folders on one thread (readdir is cheap), then stats the notes on several: on a
// warm `debrief search` the stats are most of the time, one system call each, and the kernel
// answers them in parallel.
struct Walker
{
    // Folder descriptors stay open for the stat phase, so each stat looks up one name; past
    // this many (256, or a quarter of the descriptor limit when that is lower), a note is stat'ed
    // by its path from the root instead.
    size_t maxOpenFolders = 256;
    bool complete = true; // false when a folder could not be listed for want of resources

    struct Folder
    {
        int fd = -1;
    };
    struct Pending
    {
        quint32 folder = 0;
        quint32 nameOffset = 0; // where the name starts in the relative path
    };

    int rootFd = -1;
    QList<VaultScan::File> files;
    QStringList *unspellable = nullptr;
    std::vector<Pending> pending; // one per file; size < -1 in `files` marks "not stat'ed yet"
    std::vector<Folder> folders;
    std::set<std::pair<dev_t, ino_t>> visited; // folders entered, against symlink loops

    static constexpr qint64 notStatted = -2;

    ~Walker()
    {
        for (const Folder &folder : folders) {
            if (folder.fd >= 0)
                ::close(folder.fd);
        }
    }

    // Entries are visited in byte order of "name" for files and "name/" for folders, which
    // yields the whole list sorted by relative path without sorting long paths.
    void walk(int dirFd, const QByteArray &prefix)
    {
        DIR *dir = fdopendir(dirFd);
        if (!dir) {
            ::close(dirFd);
            return;
        }
        struct Entry
        {
            QByteArray key; // the name, with '/' for a folder
            bool folder = false;
            qint64 size = notStatted;
            qint64 modifiedMsecs = 0;
        };
        std::vector<Entry> entries;
        while (const dirent *entry = readdir(dir)) {
            const char *name = entry->d_name;
            const size_t length = strlen(name);
            const QByteArrayView view(name, qsizetype(length));
            if (WalkRule::skips(view))
                continue; // also "." and ".."
            unsigned char type = entry->d_type;
            if (type == DT_REG && !WalkRule::isNoteName(view))
                continue;
            qint64 size = notStatted;
            qint64 modified = 0;
            if (type != DT_DIR && type != DT_REG) { // a symlink, or a file system without d_type
                struct stat st;
                if (fstatat(dirfd(dir), name, &st, 0) != 0)
                    continue; // a dangling symlink
                type = S_ISDIR(st.st_mode) ? DT_DIR : S_ISREG(st.st_mode) ? DT_REG : DT_UNKNOWN;
                size = qint64(st.st_size);
                modified = msecs(st);
            }
            if ((type == DT_REG || type == DT_DIR) && !view.isValidUtf8()) {
                if (unspellable && (type == DT_DIR || WalkRule::isNoteName(view)))
                    unspellable->append(QString::fromUtf8(prefix) + UnspellableNames::spell(view));
                continue;
            }
            if (type == DT_REG && WalkRule::isNoteName(view))
                entries.push_back(Entry{QByteArray(name, qsizetype(length)), false, size, modified});
            else if (type == DT_DIR)
                entries.push_back(Entry{QByteArray(name, qsizetype(length)) + '/', true, -1, 0});
        }
        std::sort(entries.begin(), entries.end(), [](const Entry &a, const Entry &b) { return a.key < b.key; });

        const auto folder = quint32(folders.size());
        const bool keepOpen = std::any_of(entries.begin(), entries.end(),
                                          [](const Entry &e) { return !e.folder && e.size == notStatted; })
            && folders.size() < maxOpenFolders;
        folders.push_back(Folder{keepOpen ? fcntl(dirfd(dir), F_DUPFD_CLOEXEC, 0) : -1});
        for (const Entry &entry : entries) {
            if (!entry.folder) {
                files.append(VaultScan::File{prefix + entry.key, entry.size, entry.modifiedMsecs});
                pending.push_back(Pending{folder, quint32(prefix.size())});
                continue;
            }
            const QByteArray name = entry.key.chopped(1);
            int child = openat(dirfd(dir), name.constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
            if (child < 0 && (errno == EMFILE || errno == ENFILE)) {
                releaseFolders(); // their notes are stat'ed from the root instead
                child = openat(dirfd(dir), name.constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
            }
            if (child < 0) {
                // Unreadable folders are skipped, as everywhere; a folder missed for want of
                // descriptors would make its notes look deleted, so the scan says it failed.
                if (errno == EMFILE || errno == ENFILE || errno == ENOMEM)
                    complete = false;
                continue;
            }
            struct stat dirStat;
            if (fstat(child, &dirStat) != 0 || !visited.insert({dirStat.st_dev, dirStat.st_ino}).second) {
                ::close(child);
                continue;
            }
            walk(child, prefix + entry.key);
        }
        closedir(dir);
    }

    void releaseFolders()
    {
        for (Folder &folder : folders) {
            if (folder.fd >= 0)
                ::close(folder.fd);
            folder.fd = -1;
        }
        maxOpenFolders = 0;
    }

    void statRange(VaultScan::File *data, std::atomic<qsizetype> &next)
    {
        constexpr qsizetype chunk = 64;
        const qsizetype count = files.size();
        for (qsizetype from = next.fetch_add(chunk); from < count; from = next.fetch_add(chunk)) {
            for (qsizetype i = from; i < std::min(count, from + chunk); ++i) {
                VaultScan::File &file = data[i];
                if (file.size != notStatted)
                    continue;
                const Pending &where = pending[size_t(i)];
                const int fd = folders[where.folder].fd;
                struct stat st;
                const bool found = fd >= 0 ? fstatat(fd, file.relativePath.constData() + where.nameOffset, &st, 0) == 0
                                           : fstatat(rootFd, file.relativePath.constData(), &st, 0) == 0;
                if (found && S_ISREG(st.st_mode)) {
                    file.size = qint64(st.st_size);
                    file.modifiedMsecs = msecs(st);
                } else {
                    file.size = -1; // gone since the walk, or not a regular file
                }
            }
        }
    }

    void statAll()
    {
        VaultScan::File *data = files.data(); // detached here, before the threads write into it
        std::atomic<qsizetype> next = 0;
        // Starting a thread costs more than stat'ing a small vault.
        const int threads = files.size() < 512 ? 1 : std::clamp(QThread::idealThreadCount(), 1, 4);
        std::vector<std::thread> helpers;
        try {
            for (int t = 1; t < threads; ++t)
                helpers.emplace_back([this, data, &next] { statRange(data, next); });
        } catch (const std::system_error &) {
            // No thread to be had: the ones started and this one share the rest.
        }
        statRange(data, next);
        for (std::thread &helper : helpers)
            helper.join();
        files.removeIf([](const VaultScan::File &file) { return file.size < 0; });
    }
};
#endif

} // namespace

QList<VaultScan::File> VaultScan::stampNotes(const QString &root, bool *ok, QStringList *unspellable)
{
    QList<File> files;
#if DEBRIEF_POSIX_SCAN
    const int fd = ::open(QFile::encodeName(root).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (ok)
        *ok = fd >= 0;
    if (fd < 0)
        return files;
    Walker walker;
    walker.unspellable = unspellable;
    struct stat rootStat;
    if (fstat(fd, &rootStat) == 0)
        walker.visited.insert({rootStat.st_dev, rootStat.st_ino});
    if (struct rlimit limit; getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur != RLIM_INFINITY)
        walker.maxOpenFolders = std::min<size_t>(walker.maxOpenFolders, size_t(limit.rlim_cur / 4));
    walker.rootFd = fcntl(fd, F_DUPFD_CLOEXEC, 0);
    if (walker.rootFd < 0) { // every stat needs a way back to the root
        ::close(fd);
        if (ok)
            *ok = false;
        return files;
    }
    walker.walk(fd, QByteArray());
    walker.statAll();
    ::close(walker.rootFd);
    if (ok && !walker.complete)
        *ok = false;
    Q_ASSERT(std::is_sorted(walker.files.cbegin(), walker.files.cend(),
                            [](const File &a, const File &b) { return a.relativePath < b.relativePath; }));
    return std::move(walker.files);
#else
    Q_UNUSED(unspellable); // Qt's listing leaves such names out unseen
    const QDir dir(root);
    if (ok)
        *ok = dir.exists() && dir.isReadable();
    QDirIterator it(root, QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        const QFileInfo info = it.fileInfo();
        const QString relative = dir.relativeFilePath(info.filePath());
        if (!info.isFile() || !WalkRule::isNoteName(info.fileName()))
            continue;
        const QList<QStringView> parts = QStringView(relative).split(u'/');
        if (std::any_of(parts.cbegin(), parts.cend(), [](QStringView part) { return WalkRule::skips(part); }))
            continue;
        files.append(File{relative.toUtf8(), info.size(), info.lastModified().toMSecsSinceEpoch()});
    }
#endif
    std::sort(files.begin(), files.end(), [](const File &a, const File &b) { return a.relativePath < b.relativePath; });
    return files;
}

VaultScan::File VaultScan::stat(const QString &root, const QByteArray &relativePath)
{
#if DEBRIEF_POSIX_SCAN
    struct stat st;
    const QByteArray path = QFile::encodeName(root) + '/' + relativePath;
    if (::stat(path.constData(), &st) != 0 || !S_ISREG(st.st_mode))
        return File{relativePath, -1, 0};
    return File{relativePath, qint64(st.st_size), msecs(st)};
#else
    const QFileInfo info(root + u'/' + QString::fromUtf8(relativePath));
    if (!info.isFile())
        return File{relativePath, -1, 0};
    return File{relativePath, info.size(), info.lastModified().toMSecsSinceEpoch()};
#endif
}

} // namespace debrief
