#pragma once

#include "base/diagnostic.h"
#include "note/note.h"
#include "vault/linkresolver.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

namespace debrief {

// A folder of notes. Finds every *.md below the root (any case of ".md"), skipping dot-folders
// and dot-files (Obsidian ignores both), non-regular files, folders named x.md and symlink loops;
// parses them in parallel; resolves wikilinks the way Obsidian does. Paths are absolute and
// cleaned but not canonical: a note is named by the path it was found under.
class Vault final
{
public:
    using Progress = std::function<void(int done, int total)>;

    static constexpr qint64 maxNoteSize = 16 * 1024 * 1024;

    // The note files below `root`, sorted by path. Problems (an unreadable folder) go to `problems`.
    static QStringList findNotes(const QString &root, QList<Diagnostic> *problems = nullptr);

    // Reads one file: too large, binary (NUL bytes) or unreadable files give a Note with
    // parsed == false and one Error diagnostic (line 0) saying why; the path is not in its message.
    static Note readNote(const QString &path);

    // Finds and parses every note (QtConcurrent), then resolves links. `progress` gets (0, total)
    // first, then one call per note read, from worker threads and possibly at the same time.
    // A missing or unreadable root gives an invalid vault with one Error diagnostic naming it;
    // unreadable subfolders give Warning diagnostics and the rest is still read.
    static Vault load(const QString &root, const Progress &progress = {});

    // Finds the notes without reading them: a vault that knows its notes' names only, enough for
    // resolveLink() and resolveLinks(), with notes() empty. For resolving one note's links
    // without parsing the whole vault.
    static Vault namesOnly(const QString &root);

    // False when the root is missing, not a folder or unreadable; diagnostics() says why.
    bool isValid() const { return m_valid; }
    QString root() const { return m_root; }
    const QList<Note> &notes() const { return m_notes; }
    const QList<Diagnostic> &diagnostics() const { return m_diagnostics; }
    const Note *note(const QString &path) const;

    // The note a wikilink target names, by Obsidian's rule (see LinkResolver); empty when none.
    QString resolveLink(const QString &target) const;
    void resolveLinks(Note &note) const; // fills every Link::resolvedPath; an empty target is the note itself

    // Re-reads one file after it changed on disk, was added or removed; resolves its links, and
    // when a note came or went, the links elsewhere that name it (a new note can capture them).
    // Keeps notes() sorted by path.
    void reloadNote(const QString &path);
    void removeNote(const QString &path);

private:
    bool openRoot(const QString &root);
    void reindex();
    void indexPaths();
    void resolveLinksNamed(const QString &lowerBase);

    QString m_root;
    bool m_valid = false;
    QList<Note> m_notes;
    QList<Diagnostic> m_diagnostics;
    QHash<QString, qsizetype> m_byPath; // path -> index in m_notes
    LinkResolver m_links;
};

} // namespace debrief
