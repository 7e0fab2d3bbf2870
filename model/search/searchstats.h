#pragma once

#include "search/searchengine.h"

#include <QByteArray>
#include <QHash>
#include <QList>

namespace debrief {

// Collection statistics over what is alive in every segment, so that scores do not depend on
// how the index happens to be split (a base with removed notes plus a delta, or one file).
// One per query: it caches document frequencies.
class SearchStats final
{
public:
    explicit SearchStats(const QList<SearchEngine::Source> &sources);

    double blocks() const { return m_blocks; }
    double averageLength() const { return m_averageLength; }
    double idf(const QByteArray &word);
    // BM25 of one word in one block, given the block's lengthNorm().
    static double bm25(double idf, double frequency, double lengthNorm);
    double lengthNorm(double blockLength) const;
    // Blocks holding the word, in notes that are alive.
    double documentFrequency(const QByteArray &word);

private:
    const QList<SearchEngine::Source> &m_sources;
    double m_blocks = 0;
    double m_averageLength = 1;
    QHash<QByteArray, double> m_documentFrequency;
    QList<bool> m_anyRemoved; // per source: whether any of its notes is removed
};

} // namespace debrief
