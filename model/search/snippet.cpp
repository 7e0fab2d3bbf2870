#include "search/snippet.h"

#include "search/textfold.h"

#include <algorithm>

namespace debrief {

void Snippet::fill(SearchHit &hit, const SearchQuery &query)
{
    QList<QByteArray> words;
    QList<QByteArray> prefixes;
    QList<QList<QByteArray>> phrases;
    for (const QList<QueryTerm> &clause : query.clauses) {
        for (const QueryTerm &term : clause) {
            if (term.negated)
                continue;
            if (term.type == QueryTerm::Type::Word)
                words.append(term.words.constFirst());
            else if (term.type == QueryTerm::Type::Prefix)
                prefixes.append(term.words.constFirst());
            else if (term.type == QueryTerm::Type::Phrase)
                phrases.append(term.words);
            else if (term.type == QueryTerm::Type::Title && hit.kind == TextBlock::Kind::Title)
                words.append(term.words);
        }
    }

    const QList<TextFold::Word> found = TextFold::words(hit.text);
    QList<std::pair<qsizetype, qsizetype>> spans; // start, end
    for (qsizetype i = 0; i < found.size(); ++i) {
        const QByteArray &word = found[i].folded;
        bool match = words.contains(word);
        for (const QByteArray &prefix : prefixes)
            match = match || word.startsWith(prefix);
        if (match)
            spans.append({found[i].start, found[i].start + found[i].length});
        for (const QList<QByteArray> &phrase : phrases) {
            if (i + phrase.size() > found.size())
                continue;
            bool all = true;
            for (qsizetype k = 0; all && k < phrase.size(); ++k)
                all = found[i + k].folded == phrase[k];
            if (all) {
                const TextFold::Word &last = found[i + phrase.size() - 1];
                spans.append({found[i].start, last.start + last.length});
            }
        }
    }
    std::sort(spans.begin(), spans.end());
    QList<std::pair<qsizetype, qsizetype>> merged;
    for (const auto &span : spans) {
        if (!merged.isEmpty() && span.first <= merged.last().second)
            merged.last().second = std::max(merged.last().second, span.second);
        else
            merged.append(span);
    }

    qsizetype begin = 0;
    qsizetype end = hit.text.size();
    if (end > maxLength) {
        const qsizetype first = merged.isEmpty() ? 0 : merged.constFirst().first;
        begin = std::max<qsizetype>(0, first - maxLength / 4);
        if (begin > 0) {
            // Start at a word, not inside one.
            const qsizetype space = hit.text.indexOf(u' ', begin);
            if (space >= 0 && space < first)
                begin = space + 1;
        }
        end = std::min(hit.text.size(), begin + maxLength);
        if (end < hit.text.size()) {
            const qsizetype space = hit.text.lastIndexOf(u' ', end);
            if (space > begin && (merged.isEmpty() || space >= merged.constFirst().second))
                end = space;
        }
    }
    const QString lead = begin > 0 ? QStringLiteral("…") : QString();
    hit.snippet = lead + hit.text.mid(begin, end - begin) + (end < hit.text.size() ? QStringLiteral("…") : QString());
    hit.matches.clear();
    for (const auto &[start, stop] : merged) {
        if (start < begin || stop > end)
            continue;
        hit.matches.append(SearchHit::Match{int(start - begin + lead.size()), int(stop - start)});
    }
}

} // namespace debrief
