#pragma once

#include "search/searchhit.h"
#include "search/searchquery.h"
#include "search/segment.h"

#include <QList>

#include <vector>

namespace debrief {

// Runs a parsed query over index segments: decides which notes (or action items) match,
// scores their blocks BM25-style, and reads back only the hits it returns.
class SearchEngine final
{
public:
    struct Source
    {
        const Segment *segment = nullptr;
        const std::vector<bool> *removed = nullptr; // notes of the segment that no longer count
    };

    // limit <= 0: every hit.
    static SearchResult run(const SearchQuery &query, const QList<Source> &sources, int limit);

    static double kindWeight(TextBlock::Kind kind);
};

} // namespace debrief
