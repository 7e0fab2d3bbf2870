#include "search/searchengine.h"

#include "search/searchstats.h"
#include "search/segmentquery.h"
#include "search/snippet.h"

#include <algorithm>
#include <cmath>

namespace debrief {

using namespace indexformat;

double SearchEngine::kindWeight(TextBlock::Kind kind)
{
    switch (kind) {
    case TextBlock::Kind::Title: return 3.0;
    case TextBlock::Kind::Decision: return 2.0;
    case TextBlock::Kind::ActionItem: return 2.0;
    case TextBlock::Kind::KeyInformation: return 1.4;
    case TextBlock::Kind::Summary: return 1.2;
    case TextBlock::Kind::Text: return 1.0;
    }
    return 1.0;
}

SearchResult SearchEngine::run(const SearchQuery &query, const QList<Source> &sources, int limit)
{
    SearchResult result;
    result.errors = query.errors;
    if (!query.errors.isEmpty())
        return result;

    SearchStats stats(sources);
    std::vector<Candidate> candidates;
    for (int s = 0; s < sources.size(); ++s) {
        SegmentQuery run(query, *sources[s].segment, sources[s].removed, stats);
        run.collect(s, candidates);
        result.damaged = result.damaged || run.damaged;
    }
    result.total = qsizetype(candidates.size());

    auto better = [&](const Candidate &x, const Candidate &y) {
        if (x.score != y.score)
            return x.score > y.score;
        if (x.date != y.date)
            return x.date > y.date; // newer meetings first
        if (x.source != y.source || x.note != y.note) {
            const int order =
                sources[x.source].segment->notePath(x.note).compare(sources[y.source].segment->notePath(y.note));
            if (order != 0)
                return order < 0;
        }
        return x.block < y.block;
    };
    const size_t count = limit > 0 ? std::min(candidates.size(), size_t(limit)) : candidates.size();
    std::partial_sort(candidates.begin(), candidates.begin() + qsizetype(count), candidates.end(), better);
    candidates.resize(count);

    Segment::RegionText text;
    for (const Candidate &candidate : candidates) {
        const Segment &segment = *sources[candidate.source].segment;
        const NoteEntry note = segment.note(candidate.note);
        if (!segment.blockText(candidate.block, text)) {
            result.damaged = true;
            continue;
        }
        const BlockEntry block = segment.block(candidate.block);
        SearchHit hit;
        hit.path = QString::fromUtf8(segment.pool(note.pathOffset, note.pathLength));
        hit.line = text.line;
        hit.kind = TextBlock::Kind(block.kind);
        hit.text = text.text;
        hit.section = text.section;
        hit.score = std::round(candidate.score * 1000.0) / 1000.0;
        hit.noteTitle = QString::fromUtf8(segment.pool(note.titleOffset, note.titleLength));
        hit.noteDate = note.date ? QDate::fromJulianDay(note.date) : QDate();
        for (quint32 i = 0; i < note.itemCount; ++i) {
            const ItemEntry item = segment.item(note.firstItem + i);
            if (item.block != candidate.block)
                continue;
            hit.isActionItem = true;
            hit.status = TaskStatus(item.status);
            hit.owner = QString::fromUtf8(segment.pool(item.ownerOffset, item.ownerLength));
            hit.due = item.due ? QDate::fromJulianDay(item.due) : QDate();
            break;
        }
        Snippet::fill(hit, query);
        result.hits.append(hit);
    }
    return result;
}

} // namespace debrief
