#include "vaultscan.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QtConcurrent/QtConcurrentMap>

#include <algorithm>
#include <cstring>
#include <set>

#if defined(Q_OS_UNIX)
#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#define DEBRIEF_POSIX_SCAN 1
#endif

namespace debrief {

namespace {

bool isNoteName(const char *name, size_t length)
{
    if (length < 4)
        return false;
    const char *ext = name + length - 3;
    return ext[0] == '.' && (ext[1] == 'm' || ext[1] == 'M') && (ext[2] == 'd' || ext[2] == 'D');
}

#if DEBRIEF_POSIX_SCAN
qint64 msecs(const struct stat &st)
{
    return qint64(st.st_mtim.tv_sec) * 1000 + st.st_mtim.tv_nsec / 1000000;
}

struct Walker
{
    QList<VaultScan::File> files;
    std::set<std::pair<dev_t, ino_t>> visited; // folders entered, against symlink loops

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
            qint64 size = -1;
            qint64 modifiedMsecs = 0;
        };
        std::vector<Entry> entries;
        while (const dirent *entry = readdir(dir)) {
            const char *name = entry->d_name;
            if (name[0] == '.')
                continue; // ".", "..", .obsidian, .trash, hidden files
            const size_t length = strlen(name);
            unsigned char type = entry->d_type;
            struct stat st;
            st.st_size = -1;
            if (type == DT_REG && !isNoteName(name, length))
                continue;
            if (type != DT_DIR && type != DT_REG) { // a symlink, or a file system without d_type
                if (fstatat(dirfd(dir), name, &st, 0) != 0)
                    continue; // a dangling symlink
                type = S_ISDIR(st.st_mode) ? DT_DIR : S_ISREG(st.st_mode) ? DT_REG : DT_UNKNOWN;
            }
            if (type == DT_REG && isNoteName(name, length)) {
                // Stat later, in parallel: on a large vault the stats are most of a search's time.
                Entry file{QByteArray(name, qsizetype(length)), false, -1, 0};
                if (st.st_size >= 0) {
                    file.size = qint64(st.st_size);
                    file.modifiedMsecs = msecs(st);
                }
                entries.push_back(std::move(file));
            } else if (type == DT_DIR) {
                entries.push_back(Entry{QByteArray(name, qsizetype(length)) + '/', true, -1, 0});
            }
        }
        std::sort(entries.begin(), entries.end(), [](const Entry &a, const Entry &b) { return a.key < b.key; });
        for (const Entry &entry : entries) {
            if (!entry.folder) {
                files.append(VaultScan::File{prefix + entry.key, entry.size, entry.modifiedMsecs});
                continue;
            }
            const int child = openat(dirfd(dir), entry.key.chopped(1).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
            if (child < 0)
                continue;
            struct stat dirStat;
            if (fstat(child, &dirStat) != 0 || !visited.insert({dirStat.st_dev, dirStat.st_ino}).second) {
                ::close(child);
                continue;
            }
            walk(child, prefix + entry.key);
        }
        closedir(dir);
    }
};
#endif

} // namespace

QList<VaultScan::File> VaultScan::scan(const QString &root, bool *ok)
{
    QList<File> files;
#if DEBRIEF_POSIX_SCAN
    const int fd = ::open(QFile::encodeName(root).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (ok)
        *ok = fd >= 0;
    if (fd < 0)
        return files;
    Walker walker;
    struct stat rootStat;
    if (fstat(fd, &rootStat) == 0)
        walker.visited.insert({rootStat.st_dev, rootStat.st_ino});
    const int walkFd = dup(fd); // walk() closes the one it is given
    walker.walk(walkFd, QByteArray());
    files = std::move(walker.files);
    // Regular files found by type only still need their size and time.
    constexpr qsizetype chunk = 512;
    QList<qsizetype> starts;
    for (qsizetype start = 0; start < files.size(); start += chunk)
        starts.append(start);
    auto statChunk = [&files, fd](qsizetype start) {
        for (qsizetype i = start; i < std::min(files.size(), start + chunk); ++i) {
            VaultScan::File &file = files[i];
            struct stat st;
            if (file.size >= 0)
                continue; // a symlink, stat'ed already
            if (fstatat(fd, file.relativePath.constData(), &st, 0) == 0 && S_ISREG(st.st_mode)) {
                file.size = qint64(st.st_size);
                file.modifiedMsecs = msecs(st);
            }
        }
    };
    files.detach();
    if (starts.size() > 1)
        QtConcurrent::blockingMap(starts, statChunk);
    else if (!starts.isEmpty())
        statChunk(0);
    ::close(fd);
    // Gone between readdir and stat: not a note any more.
    files.removeIf([](const File &file) { return file.size < 0; });
#else
    const QDir dir(root);
    if (ok)
        *ok = dir.exists() && dir.isReadable();
    QDirIterator it(root, QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        const QFileInfo info = it.fileInfo();
        const QString relative = dir.relativeFilePath(info.filePath());
        if (!info.isFile() || relative.startsWith(u'.') || relative.contains(QStringLiteral("/.")))
            continue;
        const QByteArray name = info.fileName().toUtf8();
        if (isNoteName(name.constData(), size_t(name.size())))
            files.append(File{relative.toUtf8(), info.size(), info.lastModified().toMSecsSinceEpoch()});
    }
    return files;
#endif
    std::sort(files.begin(), files.end(),
              [](const File &a, const File &b) { return a.relativePath < b.relativePath; });
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
