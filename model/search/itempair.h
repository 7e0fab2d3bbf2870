#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace debrief {

// Two action items, in two notes of one meeting, that state the same task (RestatedItems).
struct ItemPair
{
    struct Side
    {
        QString path; // the note's path
        int line = 0; // 1-based
        QString text; // the description, repaired
        friend bool operator==(const Side &, const Side &) = default;
    };

    Side a; // from the note whose path sorts first
    Side b;
    double score = 0;  // 0..1
    QStringList words; // the shared words that made the score, folded, heaviest first

    friend bool operator==(const ItemPair &, const ItemPair &) = default;
};

} // namespace debrief
