#pragma once

#include "note/note.h"
#include "search/searchhit.h"

#include <QFuture>
#include <QObject>
#include <QThreadPool>

#include <memory>

namespace debrief {

class SearchIndex;
class Vault;

// The vault's search index, kept off the UI thread. Every job (open, update, search) runs on
// one worker thread in order, which is the threading SearchIndex asks for.
class SearchService final : public QObject
{
    Q_OBJECT

public:
    explicit SearchService(QObject *parent = nullptr);
    ~SearchService() override;

    // `parsed`: the notes the vault has read already, so the index need not parse them again
    // (files changed since are read from disk). Shares the notes' data; nothing is copied.
    void open(const QString &root, const QList<Note> &parsed = {});
    bool isReady() const { return m_ready; }
    // After notes were read again (empty `paths`: the whole vault, e.g. just loaded).
    void updateNotes(const Vault &vault, const QStringList &paths);
    // Hits with absolute paths. `me` is what owner:me means.
    QFuture<SearchResult> search(const QString &query, int limit, const QString &me);

Q_SIGNALS:
    void progress(int done, int total);
    void ready();

private:
    struct State;
    std::shared_ptr<State> m_state;
    QThreadPool m_pool;
    bool m_ready = false;
    int m_generation = 0;
};

} // namespace debrief
