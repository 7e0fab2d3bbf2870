#pragma once

#include "base/textlines.h"
#include "note/section.h"

#include <QList>
#include <QString>

namespace debrief {

// Where things are in a note's lines, for placing edits: the frontmatter, fenced code, the "---"
// rule before the *Source:* line, and the sections (from NoteParser, see useSections()).
struct NoteOutline
{
    struct Heading
    {
        int line = 0;
        int level = 0;
        QString text;     // repaired, trimmed, closing #s removed
        int lastLine = 0; // last line of its section, before the Source rule
    };

    int bodyStart = 1;       // first line after the frontmatter
    int sourceRuleLine = 0;  // the "---" line followed by a *Source: line, 0 when none
    QList<Heading> headings; // empty until useSections()

    static NoteOutline scan(const TextLines &lines);

    // Takes the parser's sections (setext headings, code that hides a '#' are its business); the
    // Source rule ends the section before it.
    void useSections(const QList<Section> &sections);

    const Heading *section(const QString &name) const; // case-insensitive; the first one
    bool isCode(int line) const;                       // inside a fenced code block or the frontmatter

    // A list item line: indentation, a bullet ('-', '*', '+', "1." or "1)") and a space.
    // Returns the length of that prefix, or 0.
    static qsizetype listPrefix(QByteArrayView content);

private:
    QList<bool> m_code; // per line, 0-based
};

} // namespace debrief
