#include "search/searchstats.h"

#include <algorithm>
#include <cmath>

namespace debrief {

using namespace indexformat;

namespace {

constexpr double k1 = 1.2;
constexpr double b = 0.75;

} // namespace

SearchStats::SearchStats(const QList<SearchEngine::Source> &sources)
    : m_sources(sources)
{
    double tokens = 0;
    for (const SearchEngine::Source &source : sources) {
        const Segment &segment = *source.segment;
        m_blocks += segment.blockCount();
        tokens += double(segment.header().totalTokens);
        m_anyRemoved.append(false);
        if (!source.removed)
            continue;
        for (quint32 n = 0; n < segment.noteCount() && n < source.removed->size(); ++n) {
            if (!(*source.removed)[n])
                continue;
            m_anyRemoved.last() = true;
            const NoteEntry note = segment.note(n);
            m_blocks -= note.blockCount;
            for (quint32 i = 0; i < note.blockCount; ++i)
                tokens -= segment.block(note.firstBlock + i).tokens;
        }
    }
    m_blocks = std::max(1.0, m_blocks);
    m_averageLength = std::max(1.0, tokens / m_blocks);
}

double SearchStats::idf(const QByteArray &word)
{
    const double df = documentFrequency(word);
    return std::log(1.0 + (m_blocks - df + 0.5) / (df + 0.5));
}

double SearchStats::lengthNorm(double blockLength) const
{
    return k1 * (1 - b + b * blockLength / m_averageLength);
}

double SearchStats::bm25(double idf, double frequency, double lengthNorm)
{
    return idf * frequency * (k1 + 1) / (frequency + lengthNorm);
}

double SearchStats::documentFrequency(const QByteArray &word)
{
    const auto cached = m_documentFrequency.constFind(word);
    if (cached != m_documentFrequency.cend())
        return *cached;
    double df = 0;
    std::vector<Segment::Posting> postings;
    for (qsizetype s = 0; s < m_sources.size(); ++s) {
        const SearchEngine::Source &source = m_sources.at(s);
        const Segment &segment = *source.segment;
        const qint64 index = segment.findTerm(word);
        if (index < 0)
            continue;
        if (!m_anyRemoved.at(s)) {
            df += segment.term(quint32(index)).documentFrequency;
            continue;
        }
        // Removed notes still sit in the segment: count only the live ones.
        segment.postings(quint32(index), postings);
        for (const Segment::Posting &posting : postings) {
            const quint32 note = segment.block(posting.block).note;
            if (note >= source.removed->size() || !(*source.removed)[note])
                ++df;
        }
    }
    m_documentFrequency.insert(word, df);
    return df;
}

} // namespace debrief
