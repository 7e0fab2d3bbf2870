#include "searchengine.h"

#include "snippet.h"
#include "textfold.h"

#include <QHash>

#include <algorithm>
#include <cmath>
#include <map>

namespace debrief {

using namespace indexformat;

namespace {

constexpr double k1 = 1.2;
constexpr double b = 0.75;
constexpr quint32 maxPrefixTerms = 4096;

struct Stats
{
    double blocks = 1;
    double averageLength = 1;
    QHash<QByteArray, double> documentFrequency; // across segments
};

using Bits = std::vector<bool>;

// What one term holds in one segment.
struct Evaluated
{
    std::vector<std::pair<quint32, float>> blocks; // text terms: block, score; sorted by block
    Bits notes;                                    // notes where the term holds
    Bits blockBits;                                // text terms in item mode
};

struct Candidate
{
    int source;
    quint32 block;
    quint32 note;
    double score;
    qint32 date;
};

template<typename Check>
bool anyListed(QByteArrayView list, Check &&check)
{
    // Lists in the pool separate their values with '\x1f'.
    while (!list.isEmpty()) {
        const qsizetype separator = list.indexOf('\x1f');
        const QByteArrayView value = separator < 0 ? list : list.first(separator);
        if (check(value))
            return true;
        if (separator < 0)
            break;
        list = list.sliced(separator + 1);
    }
    return false;
}

bool containsRun(QByteArrayView names, const QList<QByteArray> &words)
{
    // Each name is its folded words joined by spaces: the words must stand together in one name.
    const QByteArray needle = ' ' + words.join(' ') + ' ';
    return anyListed(names, [&](QByteArrayView name) {
        QByteArray padded;
        padded.reserve(name.size() + 2);
        padded.append(' ').append(name).append(' ');
        return padded.contains(needle);
    });
}

bool hasTag(QByteArrayView tags, const QString &wanted)
{
    const QByteArray value = wanted.toUtf8();
    // tag:project also finds project/alpha, as Obsidian's nested tags do.
    return anyListed(tags, [&](QByteArrayView tag) {
        return tag == value
            || (tag.size() > value.size() && tag.startsWith(value) && tag[value.size()] == '/');
    });
}

class Run
{
public:
    Run(const SearchQuery &query, const Segment &segment, const Bits *removed, const Stats &stats)
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
    float score(const QByteArray &word, const Segment::Posting &posting, double segmentDf) const;
    std::vector<std::pair<quint32, float>> wordBlocks(const QByteArray &word, bool titlesOnly);
    Evaluated evaluate(const QueryTerm &term);
    bool noteField(const QueryTerm &term, const NoteEntry &note) const;
    bool itemField(const QueryTerm &term, const ItemEntry &item) const;
    bool phraseIn(const QString &text, const QList<QByteArray> &words) const;

    const SearchQuery &m_query;
    const Segment &m_segment;
    const Bits *m_removed;
    const Stats &m_stats;
    QHash<quint32, std::vector<Segment::RegionText>> m_regions;
};

float Run::score(const QByteArray &word, const Segment::Posting &posting, double segmentDf) const
{
    const double df = m_stats.documentFrequency.value(word, segmentDf);
    const double idf = std::log(1.0 + (m_stats.blocks - df + 0.5) / (df + 0.5));
    const double length = m_segment.block(posting.block).tokens;
    const double tf = posting.frequency;
    return float(idf * tf * (k1 + 1) / (tf + k1 * (1 - b + b * length / m_stats.averageLength)));
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
    const double df = m_segment.term(quint32(index)).documentFrequency;
    out.reserve(postings.size());
    for (const Segment::Posting &posting : postings) {
        const BlockEntry block = m_segment.block(posting.block);
        if (titlesOnly ? block.kind != quint8(TextBlock::Kind::Title) : !inSections(block))
            continue;
        out.emplace_back(posting.block, score(word, posting, df));
    }
    return out;
}

bool Run::phraseIn(const QString &text, const QList<QByteArray> &words) const
{
    const QList<QByteArray> found = TextFold::terms(text);
    for (qsizetype i = 0; i + words.size() <= found.size(); ++i) {
        if (std::equal(words.begin(), words.end(), found.begin() + i))
            return true;
    }
    return false;
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
        std::map<quint32, float> merged;
        for (quint32 t = first; t < last && t < first + maxPrefixTerms; ++t) {
            for (const auto &[block, value] : wordBlocks(m_segment.termText(t).toByteArray(), false))
                merged[block] += value;
        }
        result.blocks.assign(merged.begin(), merged.end());
    } else if (term.type == Type::Phrase || term.type == Type::Title) {
        // Blocks holding every word; a phrase is then checked in the block's text.
        const bool titles = term.type == Type::Title;
        std::vector<std::pair<quint32, float>> common = wordBlocks(term.words.constFirst(), titles);
        for (qsizetype w = 1; w < term.words.size() && !common.empty(); ++w) {
            const auto next = wordBlocks(term.words[w], titles);
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
        if (term.type == Type::Phrase) {
            std::vector<std::pair<quint32, float>> verified;
            for (const auto &entry : common) {
                const BlockEntry block = m_segment.block(entry.first);
                auto region = m_regions.find(block.note);
                if (region == m_regions.end()) {
                    region = m_regions.insert(block.note, {});
                    if (!m_segment.region(block.note, *region))
                        damaged = true;
                }
                const quint32 index = entry.first - m_segment.note(block.note).firstBlock;
                if (index < region->size() && phraseIn(region->at(index).text, term.words))
                    verified.push_back(entry);
            }
            common = std::move(verified);
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
        return containsRun(m_segment.pool(note.participantsOffset, note.participantsLength), term.words);
    case Type::Date:
        return note.date != 0 && note.date >= term.fromDay && note.date <= term.toDay;
    case Type::Tag:
        return hasTag(m_segment.pool(note.tagsOffset, note.tagsLength), term.value);
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
        return containsRun(m_segment.pool(item.ownerFoldedOffset, item.ownerFoldedLength), term.words);
    case Type::Status:
        return item.status == quint8(term.status);
    case Type::Due:
        return item.due != 0 && item.due >= term.fromDay && item.due <= term.toDay;
    case Type::Tag:
        return hasTag(m_segment.pool(item.tagsOffset, item.tagsLength), term.value);
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

    // Scores of blocks holding positive text terms.
    std::vector<float> scores(m_segment.blockCount(), 0.0f);
    std::vector<bool> scored(m_segment.blockCount(), false);
    auto addScores = [&](const Evaluated &e) {
        for (const auto &[block, value] : e.blocks) {
            scores[block] += value;
            scored[block] = true;
        }
    };
    for (qsizetype c = 0; c < evaluated.size(); ++c) {
        for (qsizetype t = 0; t < evaluated[c].size(); ++t) {
            const QueryTerm &term = m_query.clauses[c][t];
            if (!term.negated && (term.isText() || term.type == QueryTerm::Type::Title))
                addScores(evaluated[c][t]);
        }
    }
    addScores(everything);

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
        for (quint32 blockIndex = 0; blockIndex < m_segment.blockCount(); ++blockIndex) {
            if (!scored[blockIndex])
                continue;
            const BlockEntry block = m_segment.block(blockIndex);
            if (!matched[block.note])
                continue;
            hasHit[block.note] = true;
            out.push_back(Candidate{source, blockIndex, block.note,
                                    scores[blockIndex] * SearchEngine::kindWeight(TextBlock::Kind(block.kind)),
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

    for (qsizetype c = 0; c < evaluated.size(); ++c) {
        for (qsizetype t = 0; t < evaluated[c].size(); ++t) {
            Evaluated &e = evaluated[c][t];
            if (m_query.clauses[c][t].isText() && !m_query.clauses[c][t].negated) {
                e.blockBits.assign(m_segment.blockCount(), false);
                for (const auto &entry : e.blocks)
                    e.blockBits[entry.first] = true;
            }
        }
    }
    for (quint32 i = 0; i < m_segment.itemCount(); ++i) {
        const ItemEntry item = m_segment.item(i);
        if (item.block >= m_segment.blockCount())
            continue;
        const BlockEntry block = m_segment.block(item.block);
        if (!alive(block.note) || !inSections(block))
            continue;
        bool all = true;
        for (qsizetype c = 0; all && c < evaluated.size(); ++c) {
            bool any = false;
            for (qsizetype t = 0; !any && t < evaluated[c].size(); ++t) {
                const QueryTerm &term = m_query.clauses[c][t];
                const Evaluated &e = evaluated[c][t];
                if (term.isItemField() || term.type == QueryTerm::Type::Tag)
                    any = itemField(term, item) != term.negated;
                else if (term.isText() && !term.negated)
                    any = e.blockBits[item.block]; // the item's own text
                else
                    any = termOnNote(term, e, block.note);
            }
            all = any;
        }
        if (all)
            out.push_back(Candidate{source, item.block, block.note,
                                    scores[item.block] * SearchEngine::kindWeight(TextBlock::Kind::ActionItem),
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

    Stats stats;
    double tokens = 0;
    double blocks = 0;
    for (const Source &source : sources) {
        blocks += source.segment->blockCount();
        tokens += double(source.segment->header().totalTokens);
    }
    stats.blocks = std::max(1.0, blocks);
    stats.averageLength = std::max(1.0, tokens / stats.blocks);
    for (const QList<QueryTerm> &clause : query.clauses) {
        for (const QueryTerm &term : clause) {
            if (term.type == QueryTerm::Type::Prefix)
                continue;
            for (const QByteArray &word : term.words) {
                double df = 0;
                for (const Source &source : sources) {
                    const qint64 index = source.segment->findTerm(word);
                    if (index >= 0)
                        df += source.segment->term(quint32(index)).documentFrequency;
                }
                stats.documentFrequency.insert(word, df);
            }
        }
    }

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

    std::vector<Segment::RegionText> region;
    for (const Candidate &candidate : candidates) {
        const Segment &segment = *sources[candidate.source].segment;
        const NoteEntry note = segment.note(candidate.note);
        if (!segment.region(candidate.note, region) || candidate.block < note.firstBlock
            || candidate.block - note.firstBlock >= region.size()) {
            result.damaged = true;
            continue;
        }
        const Segment::RegionText &text = region[candidate.block - note.firstBlock];
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
