#pragma once

#include "note/note.h"

#include <QByteArrayView>
#include <QString>

namespace debrief {

// Reads one note from its bytes: frontmatter, then the body through cmark-gfm.
// Thread-safe, never throws, linear in the size of the input.
//
// Choices NOTE-FORMAT.md leaves open:
// - An unterminated frontmatter is no frontmatter: the whole file is Markdown (as in Obsidian)
//   and a diagnostic on line 1 says so. A broken one still ends at its '---'.
// - title: a level-1 heading named like a known section ("# Summary") is not taken as the title.
// - summary: every paragraph in the Summary section, list items' text included, tasks excluded.
// - decisions / keyInformation: top-level list items of those sections that are not tasks; the
//   text as written after the bullet (inline Markdown kept), continuation lines joined by ' '.
// - blocks: a Title block always comes first (line 0 unless it is the first '#' heading); a
//   heading's block carries the section it opens; a list item is its first paragraph; a table
//   row is its cells joined by " | "; code and HTML blocks are not searchable.
// - Plain text shows [[Target|Alias]] as "Alias" and [[Target#Heading]] as "Target > Heading".
// - links: [[#Heading]] (no target) is skipped; ![[embeds]] count; "\|" in tables is the bar.
// - bodyTags: Obsidian's rule ('#' after whitespace, not only digits), deduplicated ignoring case.
// - participants: "[[Ann Lee]]" or "[[People/Ann Lee|Ann]]" read as the name shown.
// - Note::frontmatter strings are repaired for display; Frontmatter::values keeps them as written.
class NoteParser final
{
public:
    static Note parse(QByteArrayView bytes, const QString &path);
};

} // namespace debrief
