#include "searchengine.h"

#include "fieldmatch.h"
#include "searchstats.h"
#include "snippet.h"
#include "textfold.h"

#include <QHash>

#include <algorithm>
#include <cmath>

namespace debrief {

using namespace indexformat;

namespace {

constexpr quint32 maxPrefixTerms = 4096;

using Bits = std::vector<bool>;

// What one term holds in one segment.
struct Evaluated
{
    std::vector<std::pair<quint32, float>> blocks; // text terms: block, score; sorted by block
    Bits notes;                                    // notes where the term holds
};

struct Candidate
{
    int source;
    quint32 block;
    quint32 note;
    double score;
    qint32 date;
};

// Sorts by block and adds up the scores of a block's entries.
std::vector<std::pair<quint32, float>> sumByBlock(std::vector<std::pair<quint32, float>> entries)
{
    std::sort(entries.begin(), entries.end(), [](const auto &x, const auto &y) { return x.first < y.first; });
    std::vector<std::pair<quint32, float>> out;
    out.reserve(entries.size());
    for (const auto &entry : entries) {
        if (!out.empty() && out.back().first == entry.first)
            out.back().second += entry.second;
        else
            out.push_back(entry);
    }
    return out;
}

float scoreOf(const std::vector<std::pair<quint32, float>> &blocks, quint32 block, bool *found = nullptr)
{
    const auto it = std::lower_bound(blocks.begin(), blocks.end(), block,
                                     [](const auto &entry, quint32 value) { return entry.first < value; });
    const bool hit = it != blocks.end() && it->first == block;
    if (found)
        *found = hit;
    return hit ? it->second : 0.0f;
}

class Run
{
public:
    Run(const SearchQuery &query, const Segment &segment, const Bits *removed, SearchStats &stats)
        : m_query(query), m_segment(segment), m_removed(removed), m_stats(stats)
    {}

    bool damaged = false;

    void collect(int source, std::vector<Candidate> &out);

private:
    bool alive(quint32 note) const { return !m_removed || note >= m_removed->size() || !(*m_removed)[note]; }
    bool inSections(const BlockEntry &block) const
    {
        if (!m_query.sections.isEmpty() && !m_query.sections.contains(block.section))
            return false;
        return !m_query.excludedSections.contains(block.section);
    }
    float score(double idf, const Segment::Posting &posting) const;
    std::vector<std::pair<quint32, float>> wordBlocks(const QByteArray &word, bool titlesOnly);
    Evaluated evaluate(const QueryTerm &term);
    bool noteField(const QueryTerm &term, const NoteEntry &note) const;
    bool itemField(const QueryTerm &term, const ItemEntry &item) const;
    std::vector<std::pair<quint32, float>> phraseBlocks(const QList<QByteArray> &words);

    const SearchQuery &m_query;
    const Segment &m_segment;
    const Bits *m_removed;
    SearchStats &m_stats;
};

float Run::score(double idf, const Segment::Posting &posting) const
{
    return float(m_stats.bm25(idf, posting.frequency, m_segment.block(posting.block).tokens));
}

std::vector<std::pair<quint32, float>> Run::wordBlocks(const QByteArray &word, bool titlesOnly)
{
    std::vector<std::pair<quint32, float>> out;
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
        out.emplace_back(posting.block, score(idf, posting));
    }
    return out;
}

std::vector<std::pair<quint32, float>> Run::phraseBlocks(const QList<QByteArray> &words)
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
    std::vector<std::pair<quint32, float>> out;
    std::vector<std::vector<quint32>> positions(count);
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
        if (!inSections(m_segment.block(block)))
            continue;
        for (size_t w = 0; w < count; ++w)
            cursors[w].positions(positions[w]);
        bool found = false;
        for (const quint32 start : positions[0]) {
            found = true;
            for (size_t w = 1; found && w < count; ++w)
                found = std::binary_search(positions[w].begin(), positions[w].end(), start + quint32(w));
            if (found)
                break;
        }
        if (!found)
            continue;
        float total = 0;
        for (size_t w = 0; w < count; ++w)
            total += score(idfs[w], Segment::Posting{block, cursors[w].frequency(), 0});
        out.emplace_back(block, total);
    }
    if (std::any_of(cursors.begin(), cursors.end(), [](const auto &c) { return c.damaged(); }))
        damaged = true;
    return out;
}

Evaluated Run::evaluate(const QueryTerm &term)
{
    Evaluated result;
    result.notes.assign(m_segment.noteCount(), false);
    using Type = QueryTerm::Type;
    if (term.type == Type::Word) {
        result.blocks = wordBlocks(term.words.constFirst(), false);
    } else if (term.type == Type::Prefix) {
        const auto [first, last] = m_segment.prefixRange(term.words.constFirst());
        std::vector<std::pair<quint32, float>> all;
        for (quint32 t = first; t < last && t < first + maxPrefixTerms; ++t) {
            const auto blocks = wordBlocks(m_segment.termText(t).toByteArray(), false);
            all.insert(all.end(), blocks.begin(), blocks.end());
        }
        result.blocks = sumByBlock(std::move(all));
    } else if (term.type == Type::Phrase) {
        result.blocks = phraseBlocks(term.words);
    } else if (term.type == Type::Title) {
        // Title blocks holding every word, in any order.
        std::vector<std::pair<quint32, float>> common = wordBlocks(term.words.constFirst(), true);
        for (qsizetype w = 1; w < term.words.size() && !common.empty(); ++w) {
            const auto next = wordBlocks(term.words[w], true);
            std::vector<std::pair<quint32, float>> both;
            auto it = next.begin();
            for (const auto &entry : common) {
                while (it != next.end() && it->first < entry.first)
                    ++it;
                if (it != next.end() && it->first == entry.first)
                    both.emplace_back(entry.first, entry.second + it->second);
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
        result.notes[m_segment.block(entry.first).note] = true;
    return result;
}

bool Run::noteField(const QueryTerm &term, const NoteEntry &note) const
{
    using Type = QueryTerm::Type;
    switch (term.type) {
    case Type::With:
        return FieldMatch::containsRun(m_segment.pool(note.participantsOffset, note.participantsLength), term.joined);
    case Type::Date:
        return note.date != 0 && note.date >= term.fromDay && note.date <= term.toDay;
    case Type::Tag:
        return FieldMatch::hasTag(m_segment.pool(note.tagsOffset, note.tagsLength), term.joined);
    case Type::Path: {
        const QByteArrayView path = m_segment.pool(note.pathOffset, note.pathLength);
        return TextFold::foldAll(QString::fromUtf8(path)).contains(term.value);
    }
    default:
        return false;
    }
}

bool Run::itemField(const QueryTerm &term, const ItemEntry &item) const
{
    using Type = QueryTerm::Type;
    switch (term.type) {
    case Type::Owner:
        return FieldMatch::containsRun(m_segment.pool(item.ownerFoldedOffset, item.ownerFoldedLength), term.joined);
    case Type::Status:
        return item.status == quint8(term.status);
    case Type::Due:
        return item.due != 0 && item.due >= term.fromDay && item.due <= term.toDay;
    case Type::Tag:
        return FieldMatch::hasTag(m_segment.pool(item.tagsOffset, item.tagsLength), term.joined);
    default:
        return false;
    }
}

void Run::collect(int source, std::vector<Candidate> &out)
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
        everything.notes.assign(m_segment.noteCount(), false);
        for (quint32 blockIndex = 0; blockIndex < m_segment.blockCount(); ++blockIndex) {
            const BlockEntry block = m_segment.block(blockIndex);
            if (inSections(block)) {
                everything.blocks.emplace_back(blockIndex, 0.0f);
                everything.notes[block.note] = true;
            }
        }
    } else if (m_query.clauses.isEmpty() && !itemMode) {
        return;
    }

    // Blocks holding a positive text term, with their scores, sorted by block.
    std::vector<std::pair<quint32, float>> positive;
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
        return e.notes.size() > note && e.notes[note] != term.negated;
    };

    if (!itemMode) {
        std::vector<bool> matched(m_segment.noteCount(), false);
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
        std::vector<bool> hasHit(m_segment.noteCount(), false);
        for (const auto &[blockIndex, value] : positive) {
            const BlockEntry block = m_segment.block(blockIndex);
            if (block.note >= matched.size() || !matched[block.note])
                continue;
            hasHit[block.note] = true;
            out.push_back(Candidate{source, blockIndex, block.note,
                                    value * SearchEngine::kindWeight(TextBlock::Kind(block.kind)),
                                    m_segment.note(block.note).date});
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
    for (quint32 i = 0; i < m_segment.itemCount(); ++i) {
        const ItemEntry item = m_segment.item(i);
        if (item.block >= m_segment.blockCount())
            continue;
        const BlockEntry block = m_segment.block(item.block);
        if (!alive(block.note) || !inSections(block))
            continue;
        bool all = true;
        for (qsizetype c : std::as_const(order)) {
            bool any = false;
            for (qsizetype t = 0; !any && t < evaluated[c].size(); ++t) {
                const QueryTerm &term = m_query.clauses[c][t];
                const Evaluated &e = evaluated[c][t];
                if (term.isItemField() || term.type == QueryTerm::Type::Tag)
                    any = itemField(term, item) != term.negated;
                else if (term.isText() && !term.negated)
                    scoreOf(e.blocks, item.block, &any); // the item's own text
                else
                    any = termOnNote(term, e, block.note);
            }
            all = any;
            if (!all)
                break;
        }
        if (all)
            out.push_back(Candidate{source, item.block, block.note,
                                    scoreOf(positive, item.block) * SearchEngine::kindWeight(TextBlock::Kind::ActionItem),
                                    m_segment.note(block.note).date});
    }
}

} // namespace

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
        Run run(query, *sources[s].segment, sources[s].removed, stats);
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
            const int order = sources[x.source].segment->notePath(x.note).compare(
                sources[y.source].segment->notePath(y.note));
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
