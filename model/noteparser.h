#pragma once

#include "note.h"

#include <QByteArrayView>
#include <QString>

namespace debrief {

// Reads one note from its bytes: frontmatter, then the body through cmark-gfm.
// Thread-safe once registerMarkdownExtensions() has run (the vault and main() call it).
class NoteParser final
{
public:
    static Note parse(QByteArrayView bytes, const QString &path);

    // cmark-gfm's extension registry is a global list: fill it once, before any worker parses.
    static void registerMarkdownExtensions();
};

} // namespace debrief
