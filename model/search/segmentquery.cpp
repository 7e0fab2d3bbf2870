#include "search/segmentquery.h"

#include "search/fieldmatch.h"
#include "search/segmentbuilder.h"
#include "search/textfold.h"

#include <algorithm>
#include <iterator>
#include <limits>
#include <optional>

namespace debrief {

using namespace indexformat;

namespace {

constexpr quint32 maxPrefixTerms = 4096;

// Sorts by block and adds up the scores of a block's entries.
std::vector<Scored> sumByBlock(std::vector<Scored> entries)
{
    std::sort(entries.begin(), entries.end(), [](const Scored &x, const Scored &y) { return x.block < y.block; });
    std::vector<Scored> out;
    out.reserve(entries.size());
    for (const auto &entry : entries) {
        if (!out.empty() && out.back().block == entry.block)
            out.back().score += entry.score;
        else
            out.push_back(entry);
    }
    return out;
}

float scoreOf(const std::vector<Scored> &blocks, quint32 block, bool *found = nullptr)
{
    const auto it = std::lower_bound(blocks.begin(), blocks.end(), block,
                                     [](const Scored &entry, quint32 value) { return entry.block < value; });
    const bool hit = it != blocks.end() && it->block == block;
    if (found)
        *found = hit;
    return hit ? it->score : 0.0f;
}

std::vector<quint32> intersect(const std::vector<quint32> &a, const std::vector<quint32> &b)
{
    std::vector<quint32> out;
    std::set_intersection(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(out));
    return out;
}

std::vector<quint32> unite(const std::vector<quint32> &a, const std::vector<quint32> &b)
{
    std::vector<quint32> out;
    std::set_union(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(out));
    return out;
}

} // namespace

std::vector<Scored> SegmentQuery::wordBlocks(const QByteArray &word, bool titlesOnly)
{
    std::vector<Scored> out;
    const qint64 index = m_segment.findTerm(word);
    if (index < 0)
        return out;
    std::vector<Segment::Posting> postings;
    if (!m_segment.postings(quint32(index), postings)) {
        damaged = true;
        return out;
    }
    out.reserve(postings.size());
    const double idf = m_stats.idf(word);
    for (const Segment::Posting &posting : postings) {
        const BlockEntry block = m_segment.block(posting.block);
        if (titlesOnly ? block.kind != quint8(TextBlock::Kind::Title) : !inSections(block))
            continue;
        out.push_back(Scored{posting.block, block.note,
                             float(SearchStats::bm25(idf, posting.frequency, m_stats.lengthNorm(block.tokens))),
                             block.kind});
    }
    return out;
}

std::vector<quint32> SegmentQuery::fieldBlocks(const QByteArray &term)
{
    std::vector<quint32> blocks;
    const qint64 index = m_segment.findTerm(term);
    std::vector<Segment::Posting> postings;
    if (index < 0)
        return blocks;
    if (!m_segment.postings(quint32(index), postings))
        damaged = true;
    for (const Segment::Posting &posting : postings)
        blocks.push_back(posting.block);
    return blocks;
}

std::vector<Scored> SegmentQuery::phraseBlocks(const QList<QByteArray> &words)
{
    // The rarest word leads; the others follow its blocks, and word k must stand at p + k.
    const auto count = size_t(words.size());
    std::vector<Segment::Cursor> cursors(count);
    std::vector<double> idfs(count);
    std::vector<double> frequencies(count);
    size_t lead = 0;
    for (size_t w = 0; w < count; ++w) {
        const qint64 index = m_segment.findTerm(words[qsizetype(w)]);
        if (index < 0)
            return {};
        if (!cursors[w].open(m_segment, quint32(index))) {
            damaged = true;
            return {};
        }
        idfs[w] = m_stats.idf(words[qsizetype(w)]);
        frequencies[w] = m_segment.term(quint32(index)).documentFrequency;
        if (frequencies[w] < frequencies[lead])
            lead = w;
    }
    std::vector<Scored> out;
    out.reserve(size_t(frequencies[lead]));
    std::vector<std::vector<quint32>> positions(1);
    while (cursors[lead].next()) {
        const quint32 block = cursors[lead].block();
        bool all = true;
        for (size_t w = 0; all && w < count; ++w)
            all = w == lead || (cursors[w].seek(block) && cursors[w].block() == block);
        if (!all) {
            if (std::any_of(cursors.begin(), cursors.end(), [](const auto &c) { return c.damaged(); }))
                break;
            continue;
        }
        const BlockEntry entry = m_segment.block(block);
        if (!inSections(entry))
            continue;
        cursors[0].positions(positions[0]);
        bool found = false;
        for (const quint32 start : positions[0]) {
            found = true;
            for (size_t w = 1; found && w < count; ++w)
                found = cursors[w].hasPosition(start + quint32(w));
            if (found)
                break;
        }
        if (!found)
            continue;
        const double norm = m_stats.lengthNorm(entry.tokens);
        float total = 0;
        for (size_t w = 0; w < count; ++w)
            total += float(SearchStats::bm25(idfs[w], cursors[w].frequency(), norm));
        out.push_back(Scored{block, entry.note, total, entry.kind});
    }
    if (std::any_of(cursors.begin(), cursors.end(), [](const auto &c) { return c.damaged(); }))
        damaged = true;
    return out;
}

Evaluated SegmentQuery::evaluate(const QueryTerm &term)
{
    Evaluated result;
    result.notes.assign(m_segment.noteCount(), 0);
    using Type = QueryTerm::Type;
    if (term.type == Type::Word) {
        result.blocks = wordBlocks(term.words.constFirst(), false);
    } else if (term.type == Type::Prefix) {
        const auto [first, last] = m_segment.prefixRange(term.words.constFirst());
        std::vector<Scored> all;
        for (quint32 t = first; t < last && t < first + maxPrefixTerms; ++t) {
            const auto blocks = wordBlocks(m_segment.termText(t).toByteArray(), false);
            all.insert(all.end(), blocks.begin(), blocks.end());
        }
        result.blocks = sumByBlock(std::move(all));
    } else if (term.type == Type::Phrase) {
        result.blocks = phraseBlocks(term.words);
    } else if (term.type == Type::Title) {
        // Title blocks holding every word, in any order.
        std::vector<Scored> common = wordBlocks(term.words.constFirst(), true);
        for (qsizetype w = 1; w < term.words.size() && !common.empty(); ++w) {
            const auto next = wordBlocks(term.words[w], true);
            std::vector<Scored> both;
            auto it = next.begin();
            for (const auto &entry : common) {
                while (it != next.end() && it->block < entry.block)
                    ++it;
                if (it != next.end() && it->block == entry.block)
                    both.push_back(Scored{entry.block, entry.note, entry.score + it->score, entry.kind});
            }
            common = std::move(both);
        }
        result.blocks = std::move(common);
    } else {
        for (quint32 n = 0; n < m_segment.noteCount(); ++n)
            result.notes[n] = noteField(term, m_segment.note(n));
        return result;
    }
    for (const auto &entry : result.blocks)
        result.notes[entry.note] = true;
    return result;
}

bool SegmentQuery::noteField(const QueryTerm &term, const NoteEntry &note) const
{
    using Type = QueryTerm::Type;
    switch (term.type) {
    case Type::With:
        return FieldMatch::containsRun(m_segment.pool(note.participantsOffset, note.participantsLength), term.joined);
    case Type::Date: return note.date != 0 && note.date >= term.fromDay && note.date <= term.toDay;
    case Type::Tag: return FieldMatch::hasTag(m_segment.pool(note.tagsOffset, note.tagsLength), term.joined);
    case Type::Path: {
        const QByteArrayView path = m_segment.pool(note.pathOffset, note.pathLength);
        return TextFold::foldAll(QString::fromUtf8(path)).contains(term.value);
    }
    default: return false;
    }
}

bool SegmentQuery::itemField(const QueryTerm &term, const ItemEntry &item) const
{
    using Type = QueryTerm::Type;
    switch (term.type) {
    case Type::Owner:
        return FieldMatch::containsRun(m_segment.pool(item.ownerFoldedOffset, item.ownerFoldedLength), term.joined);
    case Type::Status: return item.status == quint8(term.status);
    case Type::Due: return item.due != 0 && item.due >= term.fromDay && item.due <= term.toDay;
    case Type::Tag: return FieldMatch::hasTag(m_segment.pool(item.tagsOffset, item.tagsLength), term.joined);
    default: return false;
    }
}

void SegmentQuery::collect(int source, std::vector<Candidate> &out)
{
    const bool itemMode = m_query.itemMode();
    QList<QList<Evaluated>> evaluated;
    for (const QList<QueryTerm> &clause : m_query.clauses) {
        QList<Evaluated> terms;
        for (const QueryTerm &term : clause) {
            // Item fields (and tags, in item mode) are checked on each item, not here.
            if (term.isItemField() || (itemMode && term.type == QueryTerm::Type::Tag))
                terms.append(Evaluated{});
            else
                terms.append(evaluate(term));
        }
        evaluated.append(terms);
    }
    // section: alone lists every block of that section.
    Evaluated everything;
    const bool sectionsOnly = m_query.clauses.isEmpty() && !m_query.sections.isEmpty();
    if (sectionsOnly) {
        everything.notes.assign(m_segment.noteCount(), 0);
        for (quint32 blockIndex = 0; blockIndex < m_segment.blockCount(); ++blockIndex) {
            const BlockEntry block = m_segment.block(blockIndex);
            if (inSections(block)) {
                everything.blocks.push_back(Scored{blockIndex, block.note, 0.0f, block.kind});
                everything.notes[block.note] = true;
            }
        }
    } else if (m_query.clauses.isEmpty() && !itemMode) {
        return;
    }

    // Blocks holding a positive text term, with their scores, sorted by block.
    std::vector<Scored> positive;
    int positiveLists = 0;
    for (qsizetype c = 0; c < evaluated.size(); ++c) {
        for (qsizetype t = 0; t < evaluated[c].size(); ++t) {
            const QueryTerm &term = m_query.clauses[c][t];
            if (!term.negated && (term.isText() || term.type == QueryTerm::Type::Title)) {
                positive.insert(positive.end(), evaluated[c][t].blocks.begin(), evaluated[c][t].blocks.end());
                ++positiveLists;
            }
        }
    }
    if (sectionsOnly) {
        positive.insert(positive.end(), everything.blocks.begin(), everything.blocks.end());
        ++positiveLists;
    }
    if (positiveLists > 1)
        positive = sumByBlock(std::move(positive));

    auto termOnNote = [&](const QueryTerm &term, const Evaluated &e, quint32 note) {
        return e.notes.size() > note && bool(e.notes[note]) != term.negated;
    };

    if (!itemMode) {
        std::vector<quint8> matched(m_segment.noteCount(), 0);
        for (quint32 n = 0; n < m_segment.noteCount(); ++n) {
            bool all = alive(n) && (!sectionsOnly || everything.notes[n]);
            for (qsizetype c = 0; all && c < evaluated.size(); ++c) {
                bool any = false;
                for (qsizetype t = 0; !any && t < evaluated[c].size(); ++t)
                    any = termOnNote(m_query.clauses[c][t], evaluated[c][t], n);
                all = any;
            }
            matched[n] = all;
        }
        std::vector<quint8> hasHit(m_segment.noteCount(), 0);
        out.reserve(out.size() + positive.size());
        quint32 lastNote = std::numeric_limits<quint32>::max();
        qint32 lastDate = 0;
        for (const Scored &entry : positive) {
            if (entry.note >= matched.size() || !matched[entry.note])
                continue;
            hasHit[entry.note] = true;
            if (entry.note != lastNote) { // blocks come in order: one note read per note
                lastNote = entry.note;
                lastDate = m_segment.note(entry.note).date;
            }
            out.push_back(Candidate{source, entry.block, entry.note,
                                    entry.score * SearchEngine::kindWeight(TextBlock::Kind(entry.kind)), lastDate});
        }
        for (quint32 n = 0; n < m_segment.noteCount(); ++n) {
            if (matched[n] && !hasHit[n]) {
                const NoteEntry note = m_segment.note(n);
                out.push_back(Candidate{source, note.firstBlock, n, 0.0, note.date});
            }
        }
        return;
    }

    // Item mode: cheap clauses (status, due) first, so most items are turned down early.
    QList<qsizetype> order;
    for (qsizetype c = 0; c < evaluated.size(); ++c) {
        bool cheap = true;
        for (const QueryTerm &term : m_query.clauses[c])
            cheap = cheap && (term.type == QueryTerm::Type::Status || term.type == QueryTerm::Type::Due);
        if (cheap)
            order.prepend(c);
        else
            order.append(c);
    }
    // Clauses made of item fields only can be decided from the item entry alone, before its
    // block and note are read.
    std::vector<bool> itemOnly(size_t(evaluated.size()), true);
    for (qsizetype c = 0; c < evaluated.size(); ++c) {
        for (const QueryTerm &term : m_query.clauses[c])
            itemOnly[size_t(c)] = itemOnly[size_t(c)] && (term.isItemField() || term.type == QueryTerm::Type::Tag);
    }
    auto clauseHolds = [&](qsizetype c, const ItemEntry &item, quint32 note) {
        for (qsizetype t = 0; t < evaluated[c].size(); ++t) {
            const QueryTerm &term = m_query.clauses[c][t];
            const Evaluated &e = evaluated[c][t];
            bool any = false;
            if (term.isItemField() || term.type == QueryTerm::Type::Tag)
                any = itemField(term, item) != term.negated;
            else if (term.isText() && !term.negated)
                scoreOf(e.blocks, item.block, &any); // the item's own text
            else
                any = termOnNote(term, e, note);
            if (any)
                return true;
        }
        return false;
    };
    // A clause of owner: and status: terms only narrows the items to those its field terms'
    // postings list; without one, every item is looked at.
    std::optional<std::vector<quint32>> candidates;
    for (const QList<QueryTerm> &clause : m_query.clauses) {
        bool indexed = true;
        for (const QueryTerm &term : clause)
            indexed = indexed && !term.negated
                && (term.type == QueryTerm::Type::Owner || term.type == QueryTerm::Type::Status);
        if (!indexed)
            continue;
        std::vector<quint32> blocks;
        for (const QueryTerm &term : clause) {
            std::vector<quint32> termBlocks;
            if (term.type == QueryTerm::Type::Status) {
                termBlocks = fieldBlocks(SegmentBuilder::itemFieldTerm('s', statusName(term.status).toUtf8()));
            } else {
                for (qsizetype w = 0; w < term.words.size(); ++w) {
                    std::vector<quint32> wordBlocks = fieldBlocks(SegmentBuilder::itemFieldTerm('o', term.words[w]));
                    if (w == 0)
                        termBlocks = std::move(wordBlocks);
                    else
                        termBlocks = intersect(termBlocks, wordBlocks);
                }
            }
            blocks = unite(blocks, termBlocks);
        }
        candidates = candidates ? intersect(*candidates, blocks) : std::move(blocks);
    }
    std::vector<quint32> itemIndexes;
    if (candidates) {
        for (const quint32 blockIndex : *candidates) {
            const NoteEntry note = m_segment.note(m_segment.block(blockIndex).note);
            for (quint32 i = note.firstItem; i < note.firstItem + note.itemCount; ++i) {
                if (m_segment.item(i).block == blockIndex)
                    itemIndexes.push_back(i);
            }
        }
    }
    const quint32 itemCount = candidates ? quint32(itemIndexes.size()) : m_segment.itemCount();
    for (quint32 k = 0; k < itemCount; ++k) {
        const quint32 i = candidates ? itemIndexes[k] : k;
        const ItemEntry item = m_segment.item(i);
        bool all = true;
        for (qsizetype c : std::as_const(order)) {
            if (itemOnly[size_t(c)] && !clauseHolds(c, item, 0)) {
                all = false;
                break;
            }
        }
        if (!all || item.block >= m_segment.blockCount())
            continue;
        const BlockEntry block = m_segment.block(item.block);
        if (!alive(block.note) || !inSections(block))
            continue;
        for (qsizetype c : std::as_const(order)) {
            if (!itemOnly[size_t(c)] && !clauseHolds(c, item, block.note)) {
                all = false;
                break;
            }
        }
        if (all)
            out.push_back(
                Candidate{source, item.block, block.note,
                          scoreOf(positive, item.block) * SearchEngine::kindWeight(TextBlock::Kind::ActionItem),
                          m_segment.note(block.note).date});
    }
}

} // namespace debrief
