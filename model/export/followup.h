#pragma once

#include "note/note.h"

#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>

namespace debrief {

// A Markdown follow-up message for the owners of action items, to paste into an email or a
// chat: per person, their unfinished items (proposed, open, in progress), new ones first
// (from meetings on or after `since`), then overdue ones (due before `today`, from any
// meeting), then the rest still open; each with its meeting and due date; then the decisions
// of the meetings since `since` that the person owns an item in or took part in.
class FollowUp final
{
public:
    struct Options
    {
        QString owner; // empty: one section per owner
        QDate since;
        QDate today;
    };

    static QString compose(const QList<Note> &notes, const Options &options);
    // The owners with unfinished items, by name, each spelled as first met.
    static QStringList owners(const QList<Note> &notes);
};

} // namespace debrief
