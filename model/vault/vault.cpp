#include "vault/vault.h"

#include "parse/noteparser.h"

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

bool hasNoteSuffix(const QString &name)
{
    return name.size() > 3 && name.endsWith(u".md", Qt::CaseInsensitive);
}

QString withoutNoteSuffix(const QString &name)
{
    return hasNoteSuffix(name) ? name.chopped(3) : name;
}

QString baseName(const QString &path)
{
    return withoutNoteSuffix(path.mid(path.lastIndexOf(u'/') + 1));
}

// A link target as resolveLink() compares it: lower case, no ".md", no leading "/".
QString wantedKey(const QString &target)
{
    QString wanted = withoutNoteSuffix(target.trimmed()).toLower();
    while (wanted.startsWith(u'/'))
        wanted.remove(0, 1);
    return wanted;
}

QString wantedBase(const QString &wanted)
{
    return wanted.mid(wanted.lastIndexOf(u'/') + 1);
}

// Shortest vault-relative path first, then alphabetical: Obsidian's tie-break. All candidates
// share the root, so comparing absolute paths gives the same order.
bool resolvesBefore(const QString &a, const QString &b)
{
    return a.size() != b.size() ? a.size() < b.size() : a < b;
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
    note.title = baseName(path);
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

        // Without QDir::Hidden and QDir::System the listing leaves out dot-entries, fifos,
        // sockets, devices and broken symlinks.
        QDirIterator it(folder.path, QDir::Dirs | QDir::Files | QDir::NoDotAndDotDot);
        while (it.hasNext()) {
            const QFileInfo info = it.nextFileInfo();
            const QString name = info.fileName();
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
            } else if (info.isFile() && hasNoteSuffix(name)) {
                notes.append(info.filePath());
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
    // read(n) allocates n bytes up front: 16 MiB per note, fetched from the kernel and handed back
    // (with a TLB shootdown on every core) for each of a vault's notes. Read what the stat
    // promised, and more only if the file grew since.
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

Vault Vault::scan(const QString &root)
{
    Vault vault;
    if (vault.openRoot(root))
        vault.indexNames(findNotes(vault.m_root, &vault.m_diagnostics));
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

    NoteParser::registerMarkdownExtensions();
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

QString Vault::relativeKey(const QString &path) const
{
    const QString relative = path.startsWith(m_root) && path.size() > m_root.size() && path.at(m_root.size()) == u'/'
        ? path.mid(m_root.size() + 1)
        : path;
    return withoutNoteSuffix(relative).toLower();
}

void Vault::indexNames(const QStringList &paths)
{
    m_byBaseName.clear();
    for (const QString &path : paths)
        m_byBaseName[baseName(path).toLower()].append(path);

    for (QStringList &candidates : m_byBaseName)
        std::sort(candidates.begin(), candidates.end(), resolvesBefore);
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
    indexNames(paths);
    QtConcurrent::blockingMap(m_notes, [this](Note &note) { resolveLinks(note); });
}

QString Vault::resolveLink(const QString &target) const
{
    const QString wanted = wantedKey(target);
    if (wanted.isEmpty())
        return {};

    const QString base = wantedBase(wanted);
    const QString suffix = u'/' + wanted;
    for (const QString &path : m_byBaseName.value(base)) {
        const QString key = relativeKey(path);
        if (key == wanted || key.endsWith(suffix))
            return path;
    }
    return {};
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
            if (!link.target.trimmed().isEmpty() && wantedBase(wantedKey(link.target)) == base)
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
    NoteParser::registerMarkdownExtensions();
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
    const QString base = baseName(cleanPath).toLower();
    QStringList &candidates = m_byBaseName[base];
    if (!candidates.contains(cleanPath)) {
        candidates.insert(std::lower_bound(candidates.begin(), candidates.end(), cleanPath, resolvesBefore), cleanPath);
    }
    resolveLinksNamed(base);
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
    const QString base = baseName(cleanPath).toLower();
    const auto names = m_byBaseName.find(base);
    if (names != m_byBaseName.end()) {
        names->removeAll(cleanPath);
        if (names->isEmpty())
            m_byBaseName.erase(names);
    }
    resolveLinksNamed(base);
}

} // namespace debrief
