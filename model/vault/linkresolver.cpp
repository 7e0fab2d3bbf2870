#include "vault/linkresolver.h"

#include "vault/walkrule.h"

#include <algorithm>

namespace debrief {

namespace {

QString withoutNoteSuffix(const QString &name)
{
    return WalkRule::isNoteName(name) ? name.chopped(3) : name;
}

// A link target as resolve() compares it: lower case, no ".md", no leading "/".
QString wantedKey(const QString &target)
{
    QString wanted = withoutNoteSuffix(target.trimmed()).toLower();
    while (wanted.startsWith(u'/'))
        wanted.remove(0, 1);
    return wanted;
}

QString lastPart(const QString &path)
{
    return path.mid(path.lastIndexOf(u'/') + 1);
}

// Shortest vault-relative path first, then alphabetical: Obsidian's tie-break. All candidates
// share the root, so comparing absolute paths gives the same order.
bool resolvesBefore(const QString &a, const QString &b)
{
    return a.size() != b.size() ? a.size() < b.size() : a < b;
}

} // namespace

QString LinkResolver::targetBase(const QString &target)
{
    return lastPart(wantedKey(target));
}

QString LinkResolver::noteBase(const QString &path)
{
    return withoutNoteSuffix(lastPart(path)).toLower();
}

void LinkResolver::reset(const QString &root, const QStringList &paths)
{
    m_root = root;
    m_byBase.clear();
    for (const QString &path : paths)
        m_byBase[noteBase(path)].append(path);
    for (QStringList &candidates : m_byBase)
        std::sort(candidates.begin(), candidates.end(), resolvesBefore);
}

void LinkResolver::add(const QString &path)
{
    QStringList &candidates = m_byBase[noteBase(path)];
    if (!candidates.contains(path))
        candidates.insert(std::lower_bound(candidates.begin(), candidates.end(), path, resolvesBefore), path);
}

void LinkResolver::remove(const QString &path)
{
    const auto names = m_byBase.find(noteBase(path));
    if (names == m_byBase.end())
        return;
    names->removeAll(path);
    if (names->isEmpty())
        m_byBase.erase(names);
}

QString LinkResolver::relativeKey(const QString &path) const
{
    const QString relative = path.startsWith(m_root) && path.size() > m_root.size() && path.at(m_root.size()) == u'/'
        ? path.mid(m_root.size() + 1)
        : path;
    return withoutNoteSuffix(relative).toLower();
}

QString LinkResolver::resolve(const QString &target) const
{
    const QString wanted = wantedKey(target);
    if (wanted.isEmpty())
        return {};
    const QString suffix = u'/' + wanted;
    for (const QString &path : m_byBase.value(lastPart(wanted))) {
        const QString key = relativeKey(path);
        if (key == wanted || key.endsWith(suffix))
            return path;
    }
    return {};
}

} // namespace debrief
