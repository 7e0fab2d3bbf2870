#include "session/searchservice.h"

#include "search/searchindex.h"
#include "vault/vault.h"

#include <QDir>
#include <QElapsedTimer>
#include <QPointer>
#include <QtConcurrent>

namespace debrief {

struct SearchService::State
{
    std::unique_ptr<SearchIndex> index;
    QString root;
    std::atomic<bool> quitting{false}; // stops a build from scratch, so quitting is prompt
};

SearchService::SearchService(QObject *parent)
    : QObject(parent)
    , m_state(std::make_shared<State>())
{
    m_pool.setMaxThreadCount(1);
}

SearchService::~SearchService()
{
    // Jobs not started yet are dropped; a build stops at its next batch, any other job
    // finishes; then the cache is saved.
    m_state->quitting = true;
    m_pool.clear();
    m_pool.waitForDone();
    if (m_state->index)
        m_state->index->save();
}

void SearchService::open(const QString &root, const QList<Note> &parsed)
{
    m_ready = false;
    const int generation = ++m_generation;
    const std::shared_ptr<State> state = m_state;
    const QPointer<SearchService> self(this);
    // Queued jobs are left to run (one thread, first in first out, and they are quick) rather
    // than dropped: a search view may be waiting on one of them.
    (void)QtConcurrent::run(&m_pool, [state, root, parsed, self, generation] {
        if (state->index)
            state->index->save();
        SearchIndex::Options options;
        options.cancelled = &state->quitting;
        state->index = std::make_unique<SearchIndex>(root, options);
        state->root = QDir::cleanPath(root);
        QElapsedTimer throttle;
        throttle.start();
        const SearchIndex::Progress progress = [&](int done, int total) {
            if (throttle.elapsed() < 50 && done < total)
                return;
            throttle.restart();
            QMetaObject::invokeMethod(
                self,
                [self, done, total] {
                    if (self)
                        Q_EMIT self->progress(done, total);
                },
                Qt::QueuedConnection);
        };
        if (parsed.isEmpty())
            state->index->open(progress);
        else
            state->index->open(parsed, progress);
        QMetaObject::invokeMethod(
            self,
            [self, generation] {
                if (self && generation == self->m_generation) {
                    self->m_ready = true;
                    Q_EMIT self->ready();
                }
            },
            Qt::QueuedConnection);
    });
}

void SearchService::updateNotes(const Vault &vault, const QStringList &paths)
{
    if (paths.isEmpty())
        return; // a whole new vault: open() reads it
    QList<Note> changed;
    QStringList removed;
    for (const QString &path : paths) {
        if (const Note *note = vault.note(path))
            changed.append(*note);
        else
            removed.append(path);
    }
    const std::shared_ptr<State> state = m_state;
    (void)QtConcurrent::run(&m_pool, [state, changed, removed] {
        if (!state->index)
            return;
        for (const Note &note : changed)
            state->index->updateNote(note);
        for (const QString &path : removed)
            state->index->removeNote(path);
    });
}

QFuture<SearchResult> SearchService::search(const QString &query, int limit, const QString &me)
{
    const std::shared_ptr<State> state = m_state;
    return QtConcurrent::run(&m_pool, [state, query, limit, me] {
        if (!state->index)
            return SearchResult{};
        SearchResult result = state->index->searchOrRepair(query, limit, me);
        for (SearchHit &hit : result.hits)
            hit.path = state->root + u'/' + hit.path;
        return result;
    });
}

} // namespace debrief
