#pragma once

#include "parse/taskline.h"

#include <QByteArrayView>
#include <QList>

namespace debrief {

// Reads the fields that end a task line the way Obsidian Tasks does: from the end of the line,
// one field at a time, each only if it ends what is left of the line, in passes that try every
// kind of field once, until a pass finds nothing (and at most 21 passes, Tasks' own limit). Text
// between fields therefore ends the reading, as it does in Tasks.
//
// Tasks' emoji fields and its Dataview spelling are read with Tasks' patterns: a date is
// "YYYY-MM-DD" whether or not the day exists (then the field is there, not valid); a recurrence
// is letters, digits, spaces, commas and '!'; an id is letters, digits, '-' and '_'; depends-on
// is a comma-separated list of ids; on-completion is a word. Debrief adds one field Tasks does
// not have: "@Owner Name", from '@' to the end of what is left, holding no signifier or tag.
class TrailingFields final
{
public:
    // Reads the fields that end line[begin, end) (end: before a block id). Returns them in line
    // order; *descriptionEnd is where the last of the text before them ends (trailing blanks
    // excluded). Linear in the line's length.
    static QList<TaskLine::Field> read(QByteArrayView line, qsizetype begin, qsizetype end, qsizetype *descriptionEnd);

    // Where an Obsidian tag that starts with the '#' at `hash` ends its name (the end of its
    // tag bytes, a signifier ending it too), or -1 when there is no tag there (a lone '#',
    // "#123", or a '#' inside a word). `limit` bounds the search.
    static qsizetype tagNameEnd(QByteArrayView line, qsizetype hash, qsizetype lineBegin, qsizetype limit);
};

} // namespace debrief
