#pragma once

#include "note/note.h"

#include <QList>

namespace debrief {

// Whether a note is a meeting rather than a person's, a project's or a transcript's page: it has
// a date, a summary or action items, and its frontmatter type is not one of those.
bool isMeetingNote(const Note &note);

// Newest meeting first; undated meetings last; ties by title, then path, so the order is stable.
bool isNewerMeeting(const Note &a, const Note &b);
// The same order on what a row keeps of its meeting.
bool isNewerMeetingKey(const QDate &dateA, const QString &titleA, const QString &pathA, const QDate &dateB,
                       const QString &titleB, const QString &pathB);

// The parsed notes in that order, as pointers into `notes`.
QList<const Note *> meetingsNewestFirst(const QList<Note> &notes);

} // namespace debrief
