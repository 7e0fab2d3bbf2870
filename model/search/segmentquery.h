#pragma once

#include "search/searchengine.h"
#include "search/searchquery.h"
#include "search/searchstats.h"
#include "search/segment.h"

#include <QByteArray>
#include <QList>

#include <vector>

namespace debrief {

// A hit before it is read back: enough to rank it.
struct Candidate
{
    int source;
    quint32 block;
    quint32 note;
    double score;
    qint32 date;
};

// A block holding a term, with what the later steps need of its entry, so that the block
// table (megabytes, read in scattered places) is read once per block.
struct Scored
{
    quint32 block;
    quint32 note;
    float score;
    quint8 kind;
};

// What one term holds in one segment.
struct Evaluated
{
    std::vector<Scored> blocks; // text terms: sorted by block
    // Notes where the term holds, a byte each: read once per note per term in every query,
    // which std::vector<bool>'s bit arithmetic made a tenth of a common word's query.
    std::vector<quint8> notes;
};

// One query over one segment: which notes (or action items) match, and their blocks' scores.
class SegmentQuery final
{
public:
    SegmentQuery(const SearchQuery &query, const Segment &segment, const std::vector<bool> *removed, SearchStats &stats)
        : m_query(query)
        , m_segment(segment)
        , m_removed(removed)
        , m_stats(stats)
    {
    }

    bool damaged = false; // something read was damaged: the caller rebuilds

    // Adds a candidate hit for every matching block (or action item) of this segment.
    void collect(int source, std::vector<Candidate> &out);

private:
    bool alive(quint32 note) const { return !m_removed || note >= m_removed->size() || !(*m_removed)[note]; }
    bool inSections(const indexformat::BlockEntry &block) const
    {
        if (!m_query.sections.isEmpty() && !m_query.sections.contains(block.section))
            return false;
        return !m_query.excludedSections.contains(block.section);
    }
    std::vector<Scored> wordBlocks(const QByteArray &word, bool titlesOnly);
    Evaluated evaluate(const QueryTerm &term);
    bool noteField(const QueryTerm &term, const indexformat::NoteEntry &note) const;
    bool itemField(const QueryTerm &term, const indexformat::ItemEntry &item) const;
    std::vector<Scored> phraseBlocks(const QList<QByteArray> &words);
    std::vector<quint32> fieldBlocks(const QByteArray &term);

    const SearchQuery &m_query;
    const Segment &m_segment;
    const std::vector<bool> *m_removed;
    SearchStats &m_stats;
};

} // namespace debrief
