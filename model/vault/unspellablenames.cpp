#include "vault/unspellablenames.h"

#include "vault/walkrule.h"

#include <QFile>

#include <algorithm>

#ifdef Q_OS_UNIX
#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#endif

namespace debrief {

namespace {

// Length of the UTF-8 sequence a lead byte starts, or 0 for a byte that starts none.
int sequenceLength(unsigned char lead)
{
    if (lead < 0x80)
        return 1;
    if (lead >= 0xC2 && lead <= 0xDF)
        return 2;
    if (lead >= 0xE0 && lead <= 0xEF)
        return 3;
    if (lead >= 0xF0 && lead <= 0xF4)
        return 4;
    return 0;
}

} // namespace

QString UnspellableNames::spell(QByteArrayView name)
{
    QString out;
    qsizetype i = 0;
    while (i < name.size()) {
        const int length = sequenceLength(static_cast<unsigned char>(name[i]));
        const QByteArrayView sequence =
            length > 0 && i + length <= name.size() ? name.sliced(i, length) : QByteArrayView();
        if (!sequence.isEmpty() && sequence.isValidUtf8()) {
            out += QString::fromUtf8(sequence);
            i += length;
        } else {
            out += u"\\x"_qs + QString::number(static_cast<unsigned char>(name[i]), 16).toUpper();
            ++i;
        }
    }
    return out;
}

QString UnspellableNames::warning(const QString &spelledPath)
{
    return QStringLiteral("skipped '%1': its name is not valid UTF-8, so it cannot be opened; rename it")
        .arg(spelledPath);
}

QStringList UnspellableNames::in(const QString &folder)
{
    QStringList found;
#ifdef Q_OS_UNIX
    DIR *dir = ::opendir(QFile::encodeName(folder).constData());
    if (!dir)
        return found;
    while (const dirent *entry = ::readdir(dir)) {
        const QByteArrayView name(entry->d_name);
        if (name.isValidUtf8() || WalkRule::skips(name))
            continue;
        // As the walks judge an entry: through a symlink, a folder or a regular *.md file;
        // a dangling link, a fifo or a socket is no note that went missing.
        bool isFolder = entry->d_type == DT_DIR;
        bool isFile = entry->d_type == DT_REG;
        if (entry->d_type == DT_LNK || entry->d_type == DT_UNKNOWN) {
            struct stat st = {};
            if (::fstatat(::dirfd(dir), entry->d_name, &st, 0) != 0)
                continue;
            isFolder = S_ISDIR(st.st_mode);
            isFile = S_ISREG(st.st_mode);
        }
        if (isFolder || (isFile && WalkRule::isNoteName(name)))
            found.append(spell(name));
    }
    ::closedir(dir);
    std::sort(found.begin(), found.end());
#else
    Q_UNUSED(folder);
#endif
    return found;
}

} // namespace debrief
