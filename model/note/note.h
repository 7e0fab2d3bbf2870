#pragma once

#include "base/diagnostic.h"
#include "base/filestamp.h"
#include "note/actionitem.h"
#include "note/bullet.h"
#include "note/link.h"
#include "note/section.h"
#include "note/textblock.h"

#include <QDate>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace debrief {

// One meeting note as read from its file. Every string is repaired for display; the file's
// bytes themselves are never kept here (write-back reads them again, see NoteFile).
struct Note
{
    QString path;             // absolute path, as the vault found it
    QString title;            // frontmatter title, else first '#' heading, else the file's base name
    QDate date;               // frontmatter date, else **Date**:, else YYYY-MM-DD at the start of the file name
    QStringList participants; // frontmatter participants, else the **With**: names
    QStringList tags;         // frontmatter tags, without '#'
    QDate reviewed;           // frontmatter reviewed: the day the meeting was marked reviewed, else invalid
    QStringList bodyTags;     // #tags in the body outside code, without '#', first occurrence order
    QJsonObject frontmatter;  // every key, values converted as YAML's core schema reads them

    QString summary; // the Summary section's paragraphs, separated by blank lines
    QList<Bullet> decisions;
    QList<Bullet> keyInformation;
    QList<Link> links; // wikilinks outside code, in file order
    QList<ActionItem> actionItems;
    QList<Section> sections; // every heading, in file order
    QList<TextBlock> blocks; // everything searchable, in file order
    QList<Diagnostic> diagnostics;

    int frontmatterLines = 0; // lines taken by the frontmatter, delimiters included (0 when none)
    int lineCount = 0;
    bool hasMojibake = false; // some text in the note was repaired for display
    bool parsed = true;       // false when the file was listed but not read (too large, binary, unreadable)
    FileStamp stamp;          // of the bytes this note was parsed from
};

} // namespace debrief
