#pragma once

#include "note/actionitem.h"
#include "note/textblock.h"

#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>

namespace debrief {

// One block of a note that a query found.
struct SearchHit
{
    struct Match
    {
        int start = 0; // in `snippet`, UTF-16 code units
        int length = 0;
        friend bool operator==(const Match &, const Match &) = default;
    };

    QString path; // relative to the vault root, '/'-separated
    int line = 0; // 1-based; 0 for a title taken from the frontmatter
    TextBlock::Kind kind = TextBlock::Kind::Text;
    QString text;         // the whole block
    QString section;      // the section it stands in; empty when none
    QString snippet;      // `text`, or an excerpt of it around the first match, with "…"
    QList<Match> matches; // the matched words and phrases in `snippet`
    double score = 0;
    QString noteTitle;
    QDate noteDate;
    bool isActionItem = false; // then status, owner and due are set
    TaskStatus status = TaskStatus::Open;
    QString owner;
    QDate due;

    friend bool operator==(const SearchHit &, const SearchHit &) = default;
};

struct SearchResult
{
    QList<SearchHit> hits; // best first, at most the limit asked for
    qsizetype total = 0;   // hits before the limit
    QStringList errors;    // malformed fields; no hits then
    bool damaged = false;  // the index was found damaged while reading: rebuild and ask again
};

} // namespace debrief
