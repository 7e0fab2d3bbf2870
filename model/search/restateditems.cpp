#include "search/restateditems.h"

#include "search/textfold.h"
#include "vault/meetinggroups.h"

#include <QHash>

#include <algorithm>
#include <cmath>

namespace debrief {

namespace {

// An item's comparison words, each once, with the spelling shown for it.
struct Words
{
    QList<QByteArray> stems;
    QHash<QByteArray, QByteArray> shown; // stem -> the folded word it came from first
};

Words itemWords(const ActionItem &item)
{
    Words words;
    TextFold::forEachWord(item.text, [&words](qsizetype, qsizetype, QByteArrayView folded) {
        if (WordRarity::isStopWord(folded))
            return;
        const QByteArray stem = WordRarity::stem(folded);
        if (!words.shown.contains(stem)) {
            words.stems.append(stem);
            words.shown.insert(stem, folded.toByteArray());
        }
    });
    return words;
}

bool compared(const ActionItem &item)
{
    return item.status != TaskStatus::Cancelled;
}

} // namespace

RestatedItems::Meeting RestatedItems::meeting(const QList<const Note *> &notes)
{
    Meeting result;
    for (const Note *note : notes) {
        for (const ActionItem &item : note->actionItems) {
            if (!compared(item))
                continue;
            ++result.items;
            for (const QByteArray &stem : itemWords(item).stems)
                ++result.itemsWith[stem];
        }
    }
    return result;
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
    const Words left = itemWords(a);
    const Words right = itemWords(b);
    const auto weightOf = [&](const QByteArray &stem) { return rarity.weight(stem) * meeting.factor(stem); };
    double leftWeight = 0;
    for (const QByteArray &stem : left.stems)
        leftWeight += weightOf(stem);
    double rightWeight = 0;
    QList<std::pair<double, QByteArray>> common;
    double sharedWeight = 0;
    for (const QByteArray &stem : right.stems) {
        const double weight = weightOf(stem);
        rightWeight += weight;
        if (left.shown.contains(stem)) {
            sharedWeight += weight;
            common.append({weight, left.shown.value(stem)});
        }
    }
    if (leftWeight <= 0 || rightWeight <= 0)
        return 0;
    double score = sharedWeight / std::sqrt(leftWeight * rightWeight);
    if (score > 0 && !a.owner.isEmpty() && MeetingGroups::fold(a.owner) == MeetingGroups::fold(b.owner))
        score += ownerBonus;
    if (score > 0 && a.due.isValid() && a.due == b.due)
        score += dueBonus;
    if (shared) {
        std::stable_sort(common.begin(), common.end(), [](const auto &x, const auto &y) { return x.first > y.first; });
        shared->clear();
        for (const auto &[weight, word] : common)
            shared->append(QString::fromUtf8(word));
    }
    return qMin(1.0, score);
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
    const Meeting context = meeting(notes);
    for (qsizetype x = 0; x < notes.size(); ++x) {
        for (qsizetype y = x + 1; y < notes.size(); ++y) {
            const Note &first = *notes[x];
            const Note &second = *notes[y];
            struct Candidate
            {
                double score;
                qsizetype i;
                qsizetype j;
                QStringList words;
            };
            QList<Candidate> candidates;
            for (qsizetype i = 0; i < first.actionItems.size(); ++i) {
                if (!compared(first.actionItems[i]))
                    continue;
                for (qsizetype j = 0; j < second.actionItems.size(); ++j) {
                    if (!compared(second.actionItems[j]))
                        continue;
                    QStringList words;
                    const double s = score(first.actionItems[i], second.actionItems[j], rarity, &words, context);
                    if (s >= threshold)
                        candidates.append(Candidate{s, i, j, words});
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
                found.append(ItemPair{
                    {first.path, a.line, a.text}, {second.path, b.line, b.text}, candidate.score, candidate.words});
            }
            std::sort(found.begin(), found.end(), [](const ItemPair &p, const ItemPair &q) {
                return p.a.line != q.a.line ? p.a.line < q.a.line : p.b.line < q.b.line;
            });
            pairs += found;
        }
    }
    return pairs;
}

} // namespace debrief
