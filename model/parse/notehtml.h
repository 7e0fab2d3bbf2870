#pragma once

#include <QByteArrayView>
#include <QString>

namespace debrief {

// A note's Markdown as HTML for display, through cmark-gfm in safe mode (no raw HTML, no
// javascript: links). Wikilinks become ordinary links: [[Target|Alias]] → <a href="SCHEME:Target">
// with the target percent-encoded, for the view to open the note. Task boxes become ☐ and ☑,
// since a text browser draws no form controls.
class NoteHtml final
{
public:
    static QString fromMarkdown(const QString &markdown, QStringView linkScheme);
    // The body of a note file (after its frontmatter), repaired for display.
    static QString body(QByteArrayView fileBytes, QStringView linkScheme);
};

} // namespace debrief
