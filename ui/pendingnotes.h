#pragma once

#include <QStringList>

namespace debrief {

// What changed since a view last caught up: some notes by path, or anything at all (as
// Session::notesChanged says with an empty list). Lets a view update only those notes' rows.
class PendingNotes final
{
public:
    void add(const QStringList &paths)
    {
        if (paths.isEmpty()) {
            m_all = true;
            m_paths.clear();
            return;
        }
        if (m_all)
            return;
        for (const QString &path : paths) {
            if (!m_paths.contains(path))
                m_paths.append(path);
        }
    }
    void setAll() { add({}); }
    bool isEmpty() const { return !m_all && m_paths.isEmpty(); }
    bool all() const { return m_all; }
    const QStringList &paths() const { return m_paths; }
    void clear()
    {
        m_all = false;
        m_paths.clear();
    }

private:
    bool m_all = false;
    QStringList m_paths;
};

} // namespace debrief
