#pragma once

#include "note/note.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QHash>
#include <QList>
#include <QSet>
#include <QStringView>

#include <string>
#include <string_view>

namespace debrief {

// How rare a word is across a vault: the number of notes it occurs in (its document
// frequency), and from that a weight, ln(1 + notes / frequency). Words are compared as
// comparisonWords() gives them: folded as search folds them, stop words dropped, a plain
// English suffix trimmed, so "shared", "sharing" and "share" are one word.
class WordRarity final
{
public:
    // Counts the notes each of `wanted` (comparison words) occurs in, reading each parsed
    // note's title and action items: rarity among tasks is what tells two tasks apart ("send"
    // is common there, whatever the summaries say), and it is a quarter of the text to fold.
    // Only the wanted words are counted, on every core.
    static WordRarity count(const QList<Note> &notes, const QSet<QByteArray> &wanted);

    int notes() const { return m_notes; }
    int frequency(const QByteArray &word) const { return m_frequency.value(word); }
    // A word found in no note (or not counted) weighs as one found in a single note.
    double weight(const QByteArray &word) const;

    // The words of a text as pairing compares them, in order, duplicates kept.
    static QList<QByteArray> comparisonWords(QStringView text);
    static bool isStopWord(QByteArrayView folded);
    static QByteArray stem(QByteArrayView folded);
    static void stemInto(std::string_view folded, std::string &out); // stem(), into a reused buffer

private:
    int m_notes = 0;
    QHash<QByteArray, int> m_frequency;
};

} // namespace debrief
