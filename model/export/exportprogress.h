#pragma once

#include <QtGlobal>

#include <functional>

namespace debrief {

// How a writer tells how far it has come and learns that it should stop: the callback gets the
// items written and their total, and returns false to stop (the writer then returns nothing).
class ExportProgress final
{
public:
    using Callback = std::function<bool(qsizetype done, qsizetype total)>;

    ExportProgress(const Callback &callback, qsizetype total)
        : m_callback(callback)
        , m_total(total)
    {
    }

    // After each item: false when the writing is to stop. Calls back every 256 items and after
    // the last, so that the callback's cost never shows.
    bool step()
    {
        ++m_done;
        if (!m_callback || (m_done % 256 != 0 && m_done != m_total))
            return true;
        return m_callback(m_done, m_total);
    }

private:
    const Callback &m_callback;
    qsizetype m_total = 0;
    qsizetype m_done = 0;
};

} // namespace debrief
