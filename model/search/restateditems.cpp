#include "search/restateditems.h"

#include "search/textfold.h"
#include "vault/meetinggroups.h"

#include <QHash>
#include <QtConcurrent/QtConcurrentMap>

#include <algorithm>
#include <cmath>
#include <string>
#include <utility>
#include <vector>

namespace debrief {

namespace {

// An item's comparison words, each once, with where in the text each first stands (folded
// again only for the pairs that are shown).
struct Words
{
    QList<QByteArray> stems;
    QList<std::pair<qsizetype, qsizetype>> shown; // start and length in the item's text
};

Words itemWords(const ActionItem &item)
{
    Words words;
    std::string stem;
    TextFold::forEachWord(item.text, [&](qsizetype start, qsizetype length, QByteArrayView folded) {
        if (WordRarity::isStopWord(folded))
            return;
        WordRarity::stemInto(std::string_view(folded.data(), size_t(folded.size())), stem);
        const QByteArrayView key(stem.data(), qsizetype(stem.size()));
        if (std::none_of(words.stems.cbegin(), words.stems.cend(), [&](const QByteArray &s) { return s == key; })) {
            words.stems.append(key.toByteArray());
            words.shown.append({start, length});
        }
    });
    return words;
}

QString foldedWord(const ActionItem &item, std::pair<qsizetype, qsizetype> at)
{
    QString word;
    TextFold::forEachWord(QStringView(item.text).sliced(at.first, at.second),
                          [&word](qsizetype, qsizetype, QByteArrayView folded) {
                              if (word.isEmpty())
                                  word = QString::fromUtf8(folded);
                          });
    return word;
}

bool compared(const ActionItem &item)
{
    return item.status != TaskStatus::Cancelled;
}

// An item ready to be compared many times: its words as ids into the meeting's table, sorted,
// each with its weight. Scoring is then a merge of two short sorted lists.
struct Prepared
{
    std::vector<std::pair<int, double>> words; // (id, weight), by id
    std::vector<int> shownIndex;               // parallel to words: index into `text.shown`
    double total = 0;
    Words text;
    QString owner; // folded
};

class Table final
{
public:
    Prepared prepare(const ActionItem &item, Words words, const WordRarity &rarity,
                     const RestatedItems::Meeting &meeting)
    {
        Prepared prepared;
        prepared.text = std::move(words);
        std::vector<std::pair<int, int>> order; // (id, index in text)
        for (qsizetype i = 0; i < prepared.text.stems.size(); ++i) {
            const QByteArray &stem = prepared.text.stems[i];
            auto it = m_ids.constFind(stem);
            if (it == m_ids.cend()) {
                it = m_ids.insert(stem, int(m_weights.size()));
                m_weights.push_back(rarity.weight(stem) * meeting.factor(stem));
            }
            order.push_back({*it, int(i)});
        }
        std::sort(order.begin(), order.end());
        for (const auto &[id, index] : order) {
            prepared.words.push_back({id, m_weights[size_t(id)]});
            prepared.shownIndex.push_back(index);
        }
        // Summed in the text's order, so that both paths to a score add the same way.
        for (qsizetype i = 0; i < prepared.text.stems.size(); ++i)
            prepared.total += m_weights[size_t(m_ids.value(prepared.text.stems[i]))];
        prepared.owner = item.owner.isEmpty() ? QString() : MeetingGroups::fold(item.owner);
        return prepared;
    }

private:
    QHash<QByteArray, int> m_ids;
    std::vector<double> m_weights;
};

double scorePrepared(const Prepared &a, const Prepared &b, const ActionItem &itemA, const ActionItem &itemB,
                     QStringList *shared)
{
    if (a.total <= 0 || b.total <= 0)
        return 0;
    double sharedWeight = 0;
    std::vector<std::pair<double, int>> common; // (weight, index into a's shown words)
    auto x = a.words.cbegin();
    auto y = b.words.cbegin();
    size_t ax = 0;
    while (x != a.words.cend() && y != b.words.cend()) {
        if (x->first < y->first) {
            ++x;
            ++ax;
        } else if (y->first < x->first) {
            ++y;
        } else {
            sharedWeight += x->second;
            if (shared)
                common.push_back({x->second, a.shownIndex[ax]});
            ++x;
            ++ax;
            ++y;
        }
    }
    double score = sharedWeight / std::sqrt(a.total * b.total);
    if (score > 0 && !a.owner.isEmpty() && a.owner == b.owner)
        score += RestatedItems::ownerBonus;
    if (score > 0 && itemA.due.isValid() && itemA.due == itemB.due)
        score += RestatedItems::dueBonus;
    if (shared) {
        // Heaviest first; among equals, in the order the first item says them.
        std::stable_sort(common.begin(), common.end(), [](const auto &p, const auto &q) {
            return p.first != q.first ? p.first > q.first : p.second < q.second;
        });
        shared->clear();
        for (const auto &[weight, index] : common)
            shared->append(foldedWord(itemA, a.text.shown[index]));
    }
    return qMin(1.0, score);
}

} // namespace

namespace {

// The meeting's counts, from its items' words.
RestatedItems::Meeting meetingOf(const QList<QList<Words>> &words)
{
    RestatedItems::Meeting result;
    for (const QList<Words> &items : words) {
        for (const Words &item : items) {
            if (item.stems.isEmpty())
                continue;
            ++result.items;
            for (const QByteArray &stem : item.stems)
                ++result.itemsWith[stem];
        }
    }
    return result;
}

// Every item's words, by note (empty for a rejected item).
QList<QList<Words>> wordsByNote(const QList<const Note *> &notes)
{
    QList<QList<Words>> words;
    for (const Note *note : notes) {
        QList<Words> items;
        for (const ActionItem &item : note->actionItems)
            items.append(compared(item) ? itemWords(item) : Words());
        words.append(std::move(items));
    }
    return words;
}

} // namespace

RestatedItems::Meeting RestatedItems::meeting(const QList<const Note *> &notes)
{
    return meetingOf(wordsByNote(notes));
}

double RestatedItems::Meeting::factor(const QByteArray &stem) const
{
    const int with = itemsWith.value(stem);
    if (with <= 2 || items <= 2)
        return 1;
    return std::log(1.0 + double(items) / double(with)) / std::log(1.0 + double(items) / 2.0);
}

double RestatedItems::score(const ActionItem &a, const ActionItem &b, const WordRarity &rarity, QStringList *shared,
                            const Meeting &meeting)
{
    Table table;
    const Prepared left = table.prepare(a, itemWords(a), rarity, meeting);
    const Prepared right = table.prepare(b, itemWords(b), rarity, meeting);
    return scorePrepared(left, right, a, b, shared);
}

double RestatedItems::score(const ActionItem &a, const ActionItem &b, const WordRarity &rarity, QStringList *words)
{
    return score(a, b, rarity, words, Meeting());
}

QSet<QByteArray> RestatedItems::wordsOf(const QList<const Note *> &notes)
{
    QSet<QByteArray> words;
    for (const Note *note : notes) {
        for (const ActionItem &item : note->actionItems) {
            if (compared(item)) {
                for (const QByteArray &stem : WordRarity::comparisonWords(item.text))
                    words.insert(stem);
            }
        }
    }
    return words;
}

QList<ItemPair> RestatedItems::find(const QList<const Note *> &notes, const WordRarity &rarity, double threshold)
{
    QList<ItemPair> pairs;
    QList<QList<Words>> words = wordsByNote(notes);
    const Meeting context = meetingOf(words);
    Table table;
    QList<std::vector<Prepared>> prepared; // per note, per item (empty words for a rejected one)
    for (qsizetype n = 0; n < notes.size(); ++n) {
        std::vector<Prepared> items;
        for (qsizetype i = 0; i < notes[n]->actionItems.size(); ++i)
            items.push_back(table.prepare(notes[n]->actionItems[i], std::move(words[n][i]), rarity, context));
        prepared.append(std::move(items));
    }
    for (qsizetype x = 0; x < notes.size(); ++x) {
        for (qsizetype y = x + 1; y < notes.size(); ++y) {
            const Note &first = *notes[x];
            const Note &second = *notes[y];
            struct Candidate
            {
                double score;
                qsizetype i;
                qsizetype j;
            };
            std::vector<Candidate> candidates;
            for (qsizetype i = 0; i < first.actionItems.size(); ++i) {
                for (qsizetype j = 0; j < second.actionItems.size(); ++j) {
                    const double s = scorePrepared(prepared[x][size_t(i)], prepared[y][size_t(j)], first.actionItems[i],
                                                   second.actionItems[j], nullptr);
                    if (s >= threshold)
                        candidates.push_back(Candidate{s, i, j});
                }
            }
            // Best first, each item once: an item restated once is paired with its closest twin.
            std::stable_sort(candidates.begin(), candidates.end(),
                             [](const Candidate &p, const Candidate &q) { return p.score > q.score; });
            QSet<qsizetype> usedFirst;
            QSet<qsizetype> usedSecond;
            QList<ItemPair> found;
            for (const Candidate &candidate : candidates) {
                if (usedFirst.contains(candidate.i) || usedSecond.contains(candidate.j))
                    continue;
                usedFirst.insert(candidate.i);
                usedSecond.insert(candidate.j);
                const ActionItem &a = first.actionItems[candidate.i];
                const ActionItem &b = second.actionItems[candidate.j];
                QStringList words;
                scorePrepared(prepared[x][size_t(candidate.i)], prepared[y][size_t(candidate.j)], a, b, &words);
                found.append(
                    ItemPair{{first.path, a.line, a.text}, {second.path, b.line, b.text}, candidate.score, words});
            }
            std::sort(found.begin(), found.end(), [](const ItemPair &p, const ItemPair &q) {
                return p.a.line != q.a.line ? p.a.line < q.a.line : p.b.line < q.b.line;
            });
            pairs += found;
        }
    }
    return pairs;
}

QList<QList<ItemPair>> RestatedItems::findEach(const QList<QList<const Note *>> &meetings, const WordRarity &rarity,
                                               double threshold)
{
    return QtConcurrent::blockingMapped<QList<QList<ItemPair>>>(
        meetings, [&rarity, threshold](const QList<const Note *> &notes) { return find(notes, rarity, threshold); });
}

} // namespace debrief
