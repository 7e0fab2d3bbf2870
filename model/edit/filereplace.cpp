#include "edit/filereplace.h"

#include "edit/writefaults.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QScopeGuard>

#include <atomic>

#ifdef Q_OS_LINUX
#include <cerrno>
#include <csignal>
#include <fcntl.h>
#include <stdio.h> // renameat2
#include <sys/stat.h>
#include <unistd.h>
#endif

namespace debrief {

namespace {

using Code = EditError::Code;

constexpr int maxRounds = 5;

EditError writeFailed(const QString &shown, const QString &reason)
{
    return EditError::make(Code::WriteFailed, QStringLiteral("cannot write %1: %2").arg(shown, reason));
}

EditError deletedWhileEditing(const QString &shown)
{
    return EditError::make(Code::NotFound,
                           QStringLiteral("%1 was deleted while editing; nothing was written").arg(shown));
}

EditError keepsChanging(const QString &shown)
{
    return EditError::make(Code::Conflict, QStringLiteral("%1 keeps changing on disk; nothing was written").arg(shown));
}

#ifdef Q_OS_LINUX

QString reason(int error)
{
    return qt_error_string(error);
}

// One system call that changes something on disk, through the test seam; retried on EINTR.
template<typename Call>
auto step(Call call) -> decltype(call())
{
    if (const int injected = WriteFaults::next()) {
        errno = injected;
        return -1;
    }
    decltype(call()) result;
    do {
        result = call();
    } while (result < 0 && errno == EINTR);
    return result;
}

class Fd final
{
public:
    explicit Fd(int fd = -1)
        : m_fd(fd)
    {
    }
    ~Fd() { reset(); }
    Fd(const Fd &) = delete;
    Fd &operator=(const Fd &) = delete;
    int get() const { return m_fd; }
    bool isOpen() const { return m_fd >= 0; }
    void reset(int fd = -1)
    {
        if (m_fd >= 0)
            ::close(m_fd);
        m_fd = fd;
    }
    // Closes and says whether the close succeeded (a close can report a delayed write error).
    bool close()
    {
        const int fd = m_fd;
        m_fd = -1;
        return step([fd] { return ::close(fd); }) == 0;
    }

private:
    int m_fd;
};

bool writeAll(int fd, const QByteArray &bytes, qint64 offset = -1)
{
    qint64 done = 0;
    while (done < bytes.size()) {
        const char *data = bytes.constData() + done;
        const size_t left = size_t(bytes.size() - done);
        const ssize_t n = offset < 0 ? step([&] { return ::write(fd, data, left); })
                                     : step([&] { return ::pwrite(fd, data, left, offset + done); });
        if (n < 0)
            return false;
        if (n == 0) {
            errno = EIO;
            return false;
        }
        done += n;
    }
    return true;
}

std::optional<QByteArray> readAll(int fd)
{
    struct stat st = {};
    if (::fstat(fd, &st) != 0)
        return std::nullopt;
    QByteArray bytes;
    bytes.reserve(qsizetype(st.st_size));
    char buffer[65536];
    qint64 offset = 0;
    for (;;) {
        const ssize_t n = ::pread(fd, buffer, sizeof buffer, offset);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return std::nullopt;
        if (n == 0)
            return bytes;
        bytes.append(buffer, n);
        offset += n;
    }
}

// A lease's break is signalled to its owner, by default with SIGIO, which ends a process that
// does not handle it. SIGURG is ignored by default, and owner 0 sends nothing at all.
bool takeLease(int fd, int type)
{
    ::fcntl(fd, F_SETSIG, SIGURG);
    if (::fcntl(fd, F_SETLEASE, type) != 0)
        return false;
    ::fcntl(fd, F_SETOWN, 0);
    return true;
}

void dropLease(int fd)
{
    ::fcntl(fd, F_SETLEASE, F_UNLCK);
}

// The bytes of a file once no other program writes to it. A read lease is granted only while no
// other process holds the file open for writing, and any open for writing after that breaks it:
// bytes read under an unbroken lease are final for everyone who opened the file before. Where
// leases are not granted (another user's file, some network file systems), the bytes as they are.
std::optional<QByteArray> settledBytes(int fd)
{
    for (int attempt = 0; attempt < 500; ++attempt) {
        if (takeLease(fd, F_RDLCK)) {
            std::optional<QByteArray> bytes = readAll(fd);
            const bool unbroken = ::fcntl(fd, F_GETLEASE) == F_RDLCK;
            dropLease(fd);
            if (unbroken)
                return bytes;
        } else if (errno != EAGAIN) {
            return readAll(fd);
        }
        ::usleep(200); // a writer has it open: appenders hold it for microseconds
    }
    return readAll(fd);
}

// The temporary file belongs to whoever writes it: root editing another user's note would take
// it over. Give it the note's owner and group back when the process may, else at least the group.
// A refusal is no error: the write goes on as any editor's would.
void keepOwner(int fd, const struct stat &note)
{
    struct stat now = {};
    if (::fstat(fd, &now) != 0 || (now.st_uid == note.st_uid && now.st_gid == note.st_gid))
        return;
    if (::fchown(fd, note.st_uid, note.st_gid) == 0 || now.st_gid == note.st_gid)
        return;
    const bool groupKept = ::fchown(fd, uid_t(-1), note.st_gid) == 0;
    Q_UNUSED(groupKept);
}

bool sameFile(const struct stat &a, const struct stat &b)
{
    return a.st_dev == b.st_dev && a.st_ino == b.st_ino && a.st_size == b.st_size
        && a.st_mtim.tv_sec == b.st_mtim.tv_sec && a.st_mtim.tv_nsec == b.st_mtim.tv_nsec;
}

int exchange(int dir, const QByteArray &a, const QByteArray &b)
{
    return step([&] { return ::renameat2(dir, a.constData(), dir, b.constData(), RENAME_EXCHANGE); });
}

class Replacer final
{
public:
    Replacer(const QString &real, const QString &shown, const FileReplace::Planner &plan)
        : m_shown(shown)
        , m_plan(plan)
    {
        const QFileInfo info(real);
        m_name = QFile::encodeName(info.fileName());
        m_folder = QFile::encodeName(info.absolutePath());
        static std::atomic<int> counter{0};
        m_temp = '.' + m_name + ".debrief-" + QByteArray::number(::getpid()) + '-' + QByteArray::number(++counter);
    }

    FileReplace::Result run()
    {
        m_dir.reset(::open(m_folder.constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
        if (!m_dir.isOpen())
            return failure(writeFailed(m_shown, reason(errno)));
        for (int round = 0; round < maxRounds; ++round) {
            ++m_result.rounds;
            const Outcome outcome = oneRound();
            if (outcome != Outcome::Again)
                return m_result;
        }
        return failure(keepsChanging(m_shown));
    }

private:
    enum class Outcome { Done, Again };

    FileReplace::Result failure(const EditError &error)
    {
        m_result.error = error;
        m_result.written.clear();
        m_result.wroteAnything = false;
        return m_result;
    }

    Outcome fail(const EditError &error)
    {
        failure(error);
        return Outcome::Done;
    }

    void removeTemp() { ::unlinkat(m_dir.get(), m_temp.constData(), 0); }

    // Plans on `current`: Done with m_result set when there is nothing to write or the plan
    // failed, else the new bytes.
    std::optional<QByteArray> planOn(const QByteArray &current)
    {
        EditError error;
        std::optional<QByteArray> planned = m_plan(current, &error);
        if (!planned) {
            failure(error);
            return std::nullopt;
        }
        if (*planned == current) {
            m_result.written = current;
            return std::nullopt;
        }
        return planned;
    }

    Outcome oneRound()
    {
        Fd note(::openat(m_dir.get(), m_name.constData(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK));
        if (!note.isOpen())
            return fail(errno == ENOENT ? deletedWhileEditing(m_shown) : writeFailed(m_shown, reason(errno)));
        struct stat st = {};
        if (::fstat(note.get(), &st) != 0)
            return fail(writeFailed(m_shown, reason(errno)));
        if (!S_ISREG(st.st_mode))
            return fail(replacedByNonFile());
        if (st.st_nlink > 1) {
            note.reset(); // a write lease needs ours to be the only open
            return inPlace();
        }
        // Read once nobody writes to it, so that a program rewriting it in place is not caught halfway.
        const std::optional<QByteArray> before = settledBytes(note.get());
        if (!before)
            return fail(writeFailed(m_shown, reason(errno)));
        const std::optional<QByteArray> after = planOn(*before);
        if (!after)
            return Outcome::Done;
        if (!writeTemp(*after, st))
            return Outcome::Done;

        if (exchange(m_dir.get(), m_temp, m_name) != 0) {
            const int error = errno;
            if (error == EINVAL || error == ENOSYS || error == EOPNOTSUPP)
                return renameIfUnchanged(note.get(), *before, *after);
            removeTemp();
            return fail(error == ENOENT ? deletedWhileEditing(m_shown) : writeFailed(m_shown, reason(error)));
        }

        // The note now holds our bytes; what it held a moment ago is at the temporary name.
        struct stat out = {};
        if (::fstatat(m_dir.get(), m_temp.constData(), &out, AT_SYMLINK_NOFOLLOW) != 0 || !S_ISREG(out.st_mode)) {
            swapBack();
            removeTemp();
            return fail(replacedByNonFile());
        }
        Fd previous(::openat(m_dir.get(), m_temp.constData(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW));
        const std::optional<QByteArray> previousBytes =
            previous.isOpen() ? settledBytes(previous.get()) : std::optional<QByteArray>();
        if (previousBytes && *previousBytes == *before) {
            removeTemp();
            ::fsync(m_dir.get()); // makes the swap durable; a failure here cannot be undone, nor lose data
            m_result.written = *after;
            m_result.wroteAnything = true;
            return Outcome::Done;
        }
        // Another program wrote between our read and the swap: put its file back and plan again.
        return undoSwap(*after);
    }

    EditError replacedByNonFile() const
    {
        return EditError::make(
            Code::NotRegular,
            QStringLiteral("%1 was replaced by something that is not a file while editing; nothing was written")
                .arg(m_shown));
    }

    bool writeTemp(const QByteArray &bytes, const struct stat &note)
    {
        Fd temp(step(
            [&] { return ::openat(m_dir.get(), m_temp.constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600); }));
        if (!temp.isOpen()) {
            failure(errno == EACCES || errno == EROFS ? EditError::make(
                        Code::ReadOnlyFolder,
                        QStringLiteral("cannot write %1: the folder is read-only (%2)").arg(m_shown, reason(errno)))
                                                      : writeFailed(m_shown, reason(errno)));
            return false;
        }
        keepOwner(temp.get(), note); // before the mode: a chown may clear set-id bits
        const bool written = step([&] { return ::fchmod(temp.get(), note.st_mode & 07777); }) == 0
            && writeAll(temp.get(), bytes) && step([&] { return ::fsync(temp.get()); }) == 0 && temp.close();
        if (!written) {
            const int error = errno;
            temp.reset();
            removeTemp();
            failure(writeFailed(m_shown, reason(error)));
            return false;
        }
        return true;
    }

    // For file systems without an exchange: the last look happens just before the rename.
    Outcome renameIfUnchanged(int note, const QByteArray &before, const QByteArray &after)
    {
        struct stat opened = {};
        struct stat now = {};
        const bool unchanged = ::fstat(note, &opened) == 0
            && ::fstatat(m_dir.get(), m_name.constData(), &now, AT_SYMLINK_NOFOLLOW) == 0 && sameFile(opened, now)
            && readAll(note) == before;
        if (!unchanged) {
            removeTemp();
            return Outcome::Again;
        }
        if (step([&] { return ::renameat(m_dir.get(), m_temp.constData(), m_dir.get(), m_name.constData()); }) != 0) {
            const int error = errno;
            removeTemp();
            return fail(writeFailed(m_shown, reason(error)));
        }
        ::fsync(m_dir.get());
        m_result.written = after;
        m_result.wroteAnything = true;
        return Outcome::Done;
    }

    bool swapBack()
    {
        return ::renameat2(m_dir.get(), m_temp.constData(), m_dir.get(), m_name.constData(), RENAME_EXCHANGE) == 0;
    }

    Outcome undoSwap(const QByteArray &ours)
    {
        if (!swapBack()) {
            // Both files are there, ours under the note's name: the other one goes where the
            // vault lists it, not under our hidden temporary name.
            return fail(EditError::make(Code::Conflict,
                                        QStringLiteral("%1 changed on disk while saving; your edit is in it, and the "
                                                       "other version is kept as %2 in the same folder")
                                            .arg(m_shown, QFile::decodeName(keepAside()))));
        }
        Fd mine(::openat(m_dir.get(), m_temp.constData(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW));
        const std::optional<QByteArray> mineNow = mine.isOpen() ? settledBytes(mine.get()) : std::nullopt;
        if (mineNow && *mineNow == ours) {
            removeTemp();
            return Outcome::Again;
        }
        // Someone also wrote into our new file during the microseconds it was the note: keep it,
        // under a name the vault lists, rather than lose what they wrote.
        const QByteArray kept = keepAside();
        return fail(EditError::make(Code::Conflict,
                                    QStringLiteral("%1 changed on disk while saving; nothing of it was lost: the "
                                                   "version written in between is kept as %2")
                                        .arg(m_shown, QFile::decodeName(kept))));
    }

    // Renames the temporary file to "NAME (conflict DATE TIME).md", or "... 2).md" and on when
    // that is taken (two conflicts in one second, or a file of the user's): never over another
    // file. Returns the name it has now; the temporary name if no rename was possible.
    QByteArray keepAside() const
    {
        QByteArray stem = m_name;
        if (stem.size() > 3 && stem.right(3).toLower() == ".md")
            stem.chop(3);
        const QByteArray base =
            stem + " (conflict " + QDateTime::currentDateTime().toString(QStringLiteral("yyyy-MM-dd hhmmss")).toUtf8();
        for (int n = 1; n <= 99; ++n) {
            const QByteArray name = base + (n == 1 ? QByteArray() : ' ' + QByteArray::number(n)) + ").md";
            if (::renameat2(m_dir.get(), m_temp.constData(), m_dir.get(), name.constData(), RENAME_NOREPLACE) == 0)
                return name;
            if (errno != EEXIST)
                break;
        }
        return m_temp;
    }

    // A note with several names is rewritten in place so that every name sees the edit. The
    // write lease makes other programs' open() wait until we are done, so nobody writes between
    // our read and our write; space is reserved first, so the write cannot run out of it halfway.
    Outcome inPlace()
    {
        Fd note(step([&] { return ::openat(m_dir.get(), m_name.constData(), O_RDWR | O_CLOEXEC | O_NOFOLLOW); }));
        if (!note.isOpen())
            return fail(errno == ENOENT ? deletedWhileEditing(m_shown) : writeFailed(m_shown, reason(errno)));
        bool leased = false;
        for (int attempt = 0; attempt < 500 && !leased; ++attempt) {
            leased = takeLease(note.get(), F_WRLCK);
            if (!leased && errno != EAGAIN)
                break;
            if (!leased)
                ::usleep(200);
        }
        const auto release = qScopeGuard([&] {
            if (leased)
                dropLease(note.get());
        });
        const std::optional<QByteArray> before = readAll(note.get());
        if (!before)
            return fail(writeFailed(m_shown, reason(errno)));
        const std::optional<QByteArray> after = planOn(*before);
        if (!after)
            return Outcome::Done;

        if (after->size() > before->size()) {
            const int reserved =
                step([&] { return ::fallocate(note.get(), FALLOC_FL_KEEP_SIZE, 0, off_t(after->size())); });
            if (reserved != 0 && errno != EOPNOTSUPP)
                return fail(writeFailed(m_shown, reason(errno)));
        }
        const bool written = writeAll(note.get(), *after, 0)
            && (after->size() >= before->size()
                || step([&] { return ::ftruncate(note.get(), off_t(after->size())); }) == 0)
            && step([&] { return ::fdatasync(note.get()); }) == 0;
        if (!written) {
            const int error = errno;
            // Put the old bytes back: they fit in the space the file had, and the seam is off
            // for this so that a test sees the restore a real failure would get.
            bool restored = true;
            for (qint64 done = 0; restored && done < before->size();) {
                const ssize_t n = ::pwrite(note.get(), before->constData() + done, size_t(before->size() - done), done);
                restored = n > 0;
                done += qMax<ssize_t>(n, 0);
            }
            restored = restored && ::ftruncate(note.get(), off_t(before->size())) == 0 && ::fdatasync(note.get()) == 0;
            return fail(writeFailed(m_shown,
                                    restored ? reason(error)
                                             : QStringLiteral("%1, and the note could not be put back as "
                                                              "it was")
                                                   .arg(reason(error))));
        }
        m_result.written = *after;
        m_result.wroteAnything = true;
        return Outcome::Done;
    }

    QString m_shown;
    const FileReplace::Planner &m_plan;
    QByteArray m_name;
    QByteArray m_folder;
    QByteArray m_temp;
    Fd m_dir;
    FileReplace::Result m_result;
};

#endif

} // namespace

std::optional<QByteArray> FileReplace::readSettled(const QString &path, QString *reason)
{
#ifdef Q_OS_LINUX
    const Fd file(::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC | O_NONBLOCK));
    std::optional<QByteArray> bytes = file.isOpen() ? settledBytes(file.get()) : std::nullopt;
    if (!bytes && reason)
        *reason = qt_error_string(errno);
    return bytes;
#else
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (reason)
            *reason = file.errorString();
        return std::nullopt;
    }
    QByteArray bytes = file.readAll();
    if (file.error() != QFileDevice::NoError) {
        if (reason)
            *reason = file.errorString();
        return std::nullopt;
    }
    return bytes;
#endif
}

FileReplace::Result FileReplace::replace(const QString &real, const QString &shown, const Planner &plan)
{
#ifdef Q_OS_LINUX
    return Replacer(real, shown, plan).run();
#else
    // Elsewhere: QSaveFile's temporary file and rename, after a last look at the file.
    Result result;
    for (int round = 0; round < maxRounds; ++round) {
        ++result.rounds;
        QFile file(real);
        if (!file.open(QIODevice::ReadOnly)) {
            result.error = file.exists() ? writeFailed(shown, file.errorString()) : deletedWhileEditing(shown);
            return result;
        }
        const QByteArray before = file.readAll();
        file.close();
        EditError error;
        const std::optional<QByteArray> after = plan(before, &error);
        if (!after) {
            result.error = error;
            return result;
        }
        if (*after == before) {
            result.written = before;
            return result;
        }
        QSaveFile save(real);
        if (!save.open(QIODevice::WriteOnly)) {
            result.error = writeFailed(shown, save.errorString());
            return result;
        }
        save.setPermissions(QFileInfo(real).permissions());
        if (save.write(*after) != after->size()) {
            result.error = writeFailed(shown, save.errorString());
            save.cancelWriting();
            return result;
        }
        QFile again(real);
        if (!again.open(QIODevice::ReadOnly) || again.readAll() != before) {
            save.cancelWriting();
            continue;
        }
        if (!save.commit()) {
            result.error = writeFailed(shown, save.errorString());
            return result;
        }
        result.written = *after;
        result.wroteAnything = true;
        return result;
    }
    result.error = keepsChanging(shown);
    return result;
#endif
}

} // namespace debrief
