#pragma once

#include "note.h"

#include <QList>

namespace debrief {

// Newest meeting first; undated meetings last; ties by title, then path, so the order is stable.
bool isNewerMeeting(const Note &a, const Note &b);

// The parsed notes in that order, as pointers into `notes`.
QList<const Note *> meetingsNewestFirst(const QList<Note> &notes);

} // namespace debrief
