#pragma once

#include <QHash>
#include <QString>
#include <QStringList>

namespace debrief {

// Obsidian's rule for which note a wikilink names: the note whose vault-relative path without
// ".md" equals the target or ends with "/target", case-insensitively, the target's own ".md" and
// leading "/" ignored; among several, the shortest path, then the alphabetically first.
class LinkResolver final
{
public:
    // `root` is the vault's cleaned absolute path; `paths` its notes, absolute, below it.
    void reset(const QString &root, const QStringList &paths);
    void add(const QString &path);
    void remove(const QString &path);

    // The note's path, or empty when nothing matches (or the target is empty).
    QString resolve(const QString &target) const;

    // The lower-case base name a target or a note's path is filed under: only a link whose
    // target has the base name of a note that came or went can resolve differently after it.
    static QString targetBase(const QString &target);
    static QString noteBase(const QString &path);

private:
    QString relativeKey(const QString &path) const;

    QString m_root;
    QHash<QString, QStringList> m_byBase; // lower-case base name -> paths, in resolving order
};

} // namespace debrief
