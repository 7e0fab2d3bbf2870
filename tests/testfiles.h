#pragma once

// Reading and writing the files a test sets up, the same way in every test.

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QString>
#include <QStringList>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace debrief::test {

// The file's bytes; "<unreadable>" when it cannot be read, so that a comparison with the
// bytes a test expects fails and says why.
inline QByteArray readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return QByteArrayLiteral("<unreadable>");
    return file.readAll();
}

// Writes `bytes` over the file, creating its folders; false when any of it could not be written.
// Use as QVERIFY(writeFile(...)).
inline bool writeFile(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(bytes) == bytes.size();
}

// A file or folder named by its bytes, for names Qt cannot spell (not valid UTF-8), removed
// again when the value goes out of scope: QTemporaryDir cannot remove what it cannot name.
// Use as `const RawName name(...); QVERIFY(name.made());`.
class RawName final
{
public:
    RawName(const QString &folder, const QByteArray &name, bool isFolder = false)
        : m_path(QFile::encodeName(folder) + '/' + name)
        , m_folder(isFolder)
    {
        if (m_folder) {
            m_created = ::mkdir(m_path.constData(), 0700) == 0;
            m_made = m_created;
        } else {
            const int fd = ::open(m_path.constData(), O_WRONLY | O_CREAT | O_EXCL, 0600);
            m_created = fd >= 0;
            m_made = m_created && ::write(fd, "# N\n", 4) == 4;
            if (fd >= 0)
                ::close(fd);
        }
    }
    ~RawName()
    {
        if (m_created) // only what this made, never what was there before
            m_folder ? ::rmdir(m_path.constData()) : ::unlink(m_path.constData());
    }
    RawName(const RawName &) = delete;
    RawName &operator=(const RawName &) = delete;

    bool made() const { return m_made; }

private:
    QByteArray m_path;
    bool m_folder;
    bool m_created = false;
    bool m_made = false;
};

// The two seed notes of one meeting (../shared/seeds, or DEBRIEF_SEEDS), in name order;
// empty when they are not beside the project, for the test to skip.
inline QStringList seedPair()
{
    const QDir seeds(qEnvironmentVariable("DEBRIEF_SEEDS", QStringLiteral(DEBRIEF_SEEDS)));
    const QStringList paths{seeds.filePath(QStringLiteral("000_b57d37c1f49f76b5.txt")),
                            seeds.filePath(QStringLiteral("001_7eeb404e615b664d.txt"))};
    for (const QString &path : paths) {
        if (!QFileInfo::exists(path))
            return {};
    }
    return paths;
}

} // namespace debrief::test
