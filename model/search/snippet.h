#pragma once

#include "search/searchhit.h"
#include "search/searchquery.h"

#include <QString>

namespace debrief {

// Finds a query's words, prefixes and phrases in a block's text and cuts an excerpt around them.
class Snippet final
{
public:
    static constexpr qsizetype maxLength = 200;

    // Fills hit.snippet and hit.matches from hit.text. Title terms count on title blocks only.
    static void fill(SearchHit &hit, const SearchQuery &query);
};

} // namespace debrief
