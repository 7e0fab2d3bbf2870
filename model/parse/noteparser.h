#pragma once

#include "note/note.h"

#include <QByteArrayView>
#include <QString>

namespace debrief {

// Reads one note from its bytes: frontmatter, then the body through cmark-gfm, by the rules in
// docs/note-format.md. Note::frontmatter strings are repaired for display; Frontmatter::values
// keeps them as written. Thread-safe, never throws, linear in the size of the input.
class NoteParser final
{
public:
    static Note parse(QByteArrayView bytes, const QString &path);
};

} // namespace debrief
