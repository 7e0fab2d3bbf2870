#include "vault/vault.h"

#include "parse/noteparser.h"
#include "vault/unspellablenames.h"
#include "vault/walkrule.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QSet>
#include <QtConcurrent/QtConcurrentMap>

#include <algorithm>
#include <atomic>

namespace debrief {

namespace {

// A note's file name without ".md", as its title when it cannot be read.
QString fileTitle(const QString &path)
{
    const QString name = path.mid(path.lastIndexOf(u'/') + 1);
    return WalkRule::isNoteName(name) ? name.chopped(3) : name;
}

Diagnostic error(const QString &message)
{
    return Diagnostic{0, Diagnostic::Severity::Error, message};
}

// A note that was listed but not parsed: it still shows up, named after its file.
Note unparsedNote(const QString &path, const QString &reason)
{
    Note note;
    note.path = path;
    note.title = fileTitle(path);
    note.parsed = false;
    note.diagnostics.append(error(reason));
    return note;
}

struct PendingFolder
{
    QString path;      // as found below the root
    QString canonical; // the real folder, to notice a second visit through a symlink
};

} // namespace

QStringList Vault::findNotes(const QString &root, QList<Diagnostic> *problems)
{
    const QFileInfo rootInfo(root);
    if (!rootInfo.isDir()) {
        if (problems)
            problems->append(error(QStringLiteral("'%1' is not a folder").arg(root)));
        return {};
    }

    // Real folders are walked before symlinked ones, so that a symlink to a folder inside the
    // vault does not list its notes a second time (or instead of their real path).
    QList<PendingFolder> folders{{QDir::cleanPath(rootInfo.absoluteFilePath()), rootInfo.canonicalFilePath()}};
    QList<PendingFolder> symlinkedFolders;
    QSet<QString> visited;
    QStringList notes;

    while (!folders.isEmpty() || !symlinkedFolders.isEmpty()) {
        const PendingFolder folder = folders.isEmpty() ? symlinkedFolders.takeLast() : folders.takeLast();
        if (folder.canonical.isEmpty() || visited.contains(folder.canonical))
            continue; // a symlink loop, or a folder already listed under its real path
        visited.insert(folder.canonical);

        // Without QDir::System the listing leaves out fifos, sockets, devices and broken symlinks.
        QDirIterator it(folder.path, QDir::Dirs | QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot);
        while (it.hasNext()) {
            const QFileInfo info = it.nextFileInfo();
            const QString name = info.fileName();
            if (WalkRule::skips(name))
                continue;
            if (info.isDir()) {
                if (!info.isReadable()) {
                    if (problems) {
                        problems->append(Diagnostic{0, Diagnostic::Severity::Warning,
                                                    QStringLiteral("cannot read folder '%1'").arg(info.filePath())});
                    }
                } else if (info.isSymLink()) {
                    symlinkedFolders.append({info.filePath(), info.canonicalFilePath()});
                } else {
                    folders.append({info.filePath(), folder.canonical + u'/' + name});
                }
            } else if (info.isFile() && WalkRule::isNoteName(name)) {
                notes.append(info.filePath());
            }
        }
        if (problems) {
            for (const QString &name : UnspellableNames::in(folder.path)) {
                problems->append(
                    Diagnostic{0, Diagnostic::Severity::Warning, UnspellableNames::warning(folder.path + u'/' + name)});
            }
        }
    }
    std::sort(notes.begin(), notes.end());
    return notes;
}

Note Vault::readNote(const QString &path)
{
    // One stat for type, size and time; checking the type first also keeps open() from
    // blocking on a fifo.
    const QFileInfo info(path);
    if (!info.exists())
        return unparsedNote(path, QStringLiteral("cannot read: no such file"));
    if (!info.isFile())
        return unparsedNote(path, QStringLiteral("cannot read: not a regular file"));

    FileStamp stamp;
    stamp.size = info.size();
    stamp.modifiedMsecs = info.lastModified().toMSecsSinceEpoch();
    if (stamp.size > maxNoteSize) {
        Note note =
            unparsedNote(path, QStringLiteral("not read: the file is larger than 16 MiB (%1 bytes)").arg(stamp.size));
        note.stamp = stamp;
        return note;
    }

    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return unparsedNote(path, QStringLiteral("cannot read: %1").arg(file.errorString()));
    }
    // read(n) allocates n bytes up front: asking for the largest note we take would fetch that
    // much memory from the kernel and hand it back for every note. Read what the stat promised,
    // and more only if the file grew since.
    const qint64 expected = std::min(maxNoteSize + 1, stamp.size + 4096);
    QByteArray bytes = file.read(expected);
    if (bytes.size() == expected && expected <= maxNoteSize)
        bytes += file.read(maxNoteSize + 1 - expected);
    if (file.error() != QFileDevice::NoError) {
        return unparsedNote(path, QStringLiteral("cannot read: %1").arg(file.errorString()));
    }
    stamp.size = bytes.size();
    stamp.hash = FileStamp::contentHash(bytes);
    if (bytes.size() > maxNoteSize) { // it grew since the stat
        Note note = unparsedNote(path, QStringLiteral("not read: the file is larger than 16 MiB"));
        note.stamp = stamp;
        return note;
    }
    if (bytes.contains('\0')) {
        Note note = unparsedNote(path, QStringLiteral("not read: a binary file (it contains NUL bytes)"));
        note.stamp = stamp;
        return note;
    }

    Note note = NoteParser::parse(bytes, path);
    note.path = path;
    note.stamp = stamp;
    return note;
}

bool Vault::openRoot(const QString &root)
{
    const QFileInfo info(root);
    m_root = QDir::cleanPath(info.absoluteFilePath());
    if (!info.exists())
        m_diagnostics.append(error(QStringLiteral("folder not found: '%1'").arg(root)));
    else if (!info.isDir())
        m_diagnostics.append(error(QStringLiteral("'%1' is a file, not a folder").arg(root)));
    else if (!info.isReadable())
        m_diagnostics.append(error(QStringLiteral("cannot read folder '%1'").arg(root)));
    else
        m_valid = true;
    return m_valid;
}

Vault Vault::namesOnly(const QString &root)
{
    Vault vault;
    if (vault.openRoot(root))
        vault.m_links.reset(vault.m_root, findNotes(vault.m_root, &vault.m_diagnostics));
    return vault;
}

Vault Vault::load(const QString &root, const Progress &progress)
{
    Vault vault;
    if (!vault.openRoot(root))
        return vault;

    const QStringList paths = findNotes(vault.m_root, &vault.m_diagnostics);
    const int total = int(paths.size());
    if (progress)
        progress(0, total);

    // Filled in place: mapping into a new list would keep a second copy of every note in the
    // future's result store until the end.
    vault.m_notes.resize(paths.size());
    for (qsizetype i = 0; i < paths.size(); ++i)
        vault.m_notes[i].path = paths.at(i);
    std::atomic<int> done = 0;
    QtConcurrent::blockingMap(vault.m_notes, [&](Note &note) {
        note = readNote(note.path);
        const int count = ++done;
        if (progress)
            progress(count, total);
    });

    vault.reindex();
    return vault;
}

const Note *Vault::note(const QString &path) const
{
    const auto it = m_byPath.constFind(path);
    return it == m_byPath.constEnd() ? nullptr : &m_notes.at(*it);
}

void Vault::indexPaths()
{
    m_byPath.clear();
    m_byPath.reserve(m_notes.size());
    for (qsizetype i = 0; i < m_notes.size(); ++i)
        m_byPath.insert(m_notes.at(i).path, i);
}

void Vault::reindex()
{
    indexPaths();
    QStringList paths;
    paths.reserve(m_notes.size());
    for (const Note &note : std::as_const(m_notes))
        paths.append(note.path);
    m_links.reset(m_root, paths);
    QtConcurrent::blockingMap(m_notes, [this](Note &note) { resolveLinks(note); });
}

QString Vault::resolveLink(const QString &target) const
{
    return m_links.resolve(target);
}

void Vault::resolveLinks(Note &note) const
{
    for (Link &link : note.links) {
        // [[#Heading]] points into the note itself.
        link.resolvedPath = link.target.trimmed().isEmpty() ? note.path : resolveLink(link.target);
    }
}

void Vault::resolveLinksNamed(const QString &base)
{
    // Only a link whose last path part is this base name can resolve to the note that came or
    // went; a note's own links and links to other names keep what they had.
    QtConcurrent::blockingMap(m_notes, [this, &base](Note &note) {
        for (Link &link : note.links) {
            if (!link.target.trimmed().isEmpty() && LinkResolver::targetBase(link.target) == base)
                link.resolvedPath = resolveLink(link.target);
        }
    });
}

void Vault::reloadNote(const QString &path)
{
    const QString cleanPath = QDir::cleanPath(QFileInfo(path).absoluteFilePath());
    if (!QFileInfo(cleanPath).isFile()) {
        removeNote(cleanPath);
        return;
    }
    Note note = readNote(cleanPath);
    const auto it = m_byPath.constFind(cleanPath);
    if (it != m_byPath.constEnd()) {
        // The set of names is unchanged, so no other note's links can resolve differently.
        resolveLinks(note);
        m_notes[*it] = std::move(note);
        return;
    }
    const auto at = std::lower_bound(m_notes.begin(), m_notes.end(), cleanPath,
                                     [](const Note &n, const QString &p) { return n.path < p; });
    m_notes.insert(at, std::move(note));
    indexPaths();
    // A new name can capture links elsewhere (a shorter path wins), and its own links too.
    m_links.add(cleanPath);
    resolveLinksNamed(LinkResolver::noteBase(cleanPath));
    resolveLinks(m_notes[m_byPath.value(cleanPath)]);
}

void Vault::removeNote(const QString &path)
{
    const QString cleanPath = QDir::cleanPath(QFileInfo(path).absoluteFilePath());
    const auto it = m_byPath.constFind(cleanPath);
    if (it == m_byPath.constEnd())
        return;
    m_notes.removeAt(*it);
    indexPaths();
    // Links that reached it now reach the next candidate, or nothing.
    m_links.remove(cleanPath);
    resolveLinksNamed(LinkResolver::noteBase(cleanPath));
}

} // namespace debrief
