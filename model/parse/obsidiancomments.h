#pragma once

#include <QByteArray>
#include <QByteArrayView>

namespace debrief {

// Obsidian comments: "%%" opens one and the next "%%" closes it, on the same line or lines
// later; one left open runs to the end of the note. Obsidian shows none of it and Obsidian Tasks
// reads no task there, so a note is read as if every comment were blank. "%%" inside a fenced
// code block or a code span is literal text.
class ObsidianComments final
{
public:
    // `bytes` with every byte of every comment (its "%%" too) made a space, line endings kept, so
    // that offsets and line numbers stay those of `bytes`. Empty when there is no comment.
    static QByteArray blank(QByteArrayView bytes);
};

} // namespace debrief
