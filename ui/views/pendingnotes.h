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

    // Brings a model that shows notes up to date with `session` (whole vault or only the
    // changed notes), then forgets what was pending.
    template<typename Model, typename Session>
    void applyTo(Model *model, const Session &session)
    {
        if (m_all) {
            model->setNotes(session.notes());
        } else {
            for (const QString &changed : m_paths)
                model->updateNote(changed, session.note(changed));
        }
        clear();
    }

private:
    bool m_all = false;
    QStringList m_paths;
};

} // namespace debrief
