#pragma once

#include "note/note.h"
#include "search/itempair.h"
#include "search/wordrarity.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QSet>
#include <QStringList>

namespace debrief {

// Pairs the action items of one meeting's notes that say the same thing in other words. Two
// items are compared by their descriptions' words (WordRarity::comparisonWords: folded, stop
// words and fields gone), each weighted by its rarity in the vault: the score is the weight of
// the shared words over the geometric mean of each item's total (a cosine), plus a little for
// the same owner and for the same due date, which support a pair but are never required.
// Within two notes each item is paired at most once, best score first; rejected (cancelled)
// items are left out, so a pair goes once one of its twins is rejected.
class RestatedItems final
{
public:
    // Chosen on tests/fixtures/duplicates (see tst_restateditems): the restated items there
    // score 0.57 and more, the near misses (same person, same opening words) 0.39 and less,
    // but for one (0.50) whose item has a closer twin (0.93), which the pairing prefers.
    static constexpr double defaultThreshold = 0.45;
    static constexpr double ownerBonus = 0.05;
    static constexpr double dueBonus = 0.05;

    // What a meeting's own items say about a word: one found in many of them ("Harbor" in
    // every item of the Harbor pilot) tells little about which task an item is.
    struct Meeting
    {
        int items = 0;                    // the items compared
        QHash<QByteArray, int> itemsWith; // comparison word -> items it occurs in
        // 1 for a word in at most two items, less the more items it occurs in.
        double factor(const QByteArray &stem) const;
    };
    static Meeting meeting(const QList<const Note *> &notes);

    // The pairs among `notes` (one meeting), by the notes' order, then line.
    static QList<ItemPair> find(const QList<const Note *> &notes, const WordRarity &rarity,
                                double threshold = defaultThreshold);
    // find() for each meeting, on every core; the result is in the meetings' order.
    static QList<QList<ItemPair>> findEach(const QList<QList<const Note *>> &meetings, const WordRarity &rarity,
                                           double threshold = defaultThreshold);
    // The score of two items, with the shared words heaviest first in `words`.
    // Each word weighs its rarity in the vault times its factor in the meeting (1 when none).
    static double score(const ActionItem &a, const ActionItem &b, const WordRarity &rarity, QStringList *words,
                        const Meeting &meeting);
    static double score(const ActionItem &a, const ActionItem &b, const WordRarity &rarity,
                        QStringList *words = nullptr);
    // The comparison words of every item of these notes: what WordRarity::count must count.
    static QSet<QByteArray> wordsOf(const QList<const Note *> &notes);
};

} // namespace debrief
