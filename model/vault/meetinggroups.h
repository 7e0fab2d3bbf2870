#pragma once

#include "note/note.h"
#include "vault/meetinggroup.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace debrief {

// Finds the notes that record the same meeting: pipelines write several notes per call (a
// transcript summary, a person page, a note generated again). Two notes belong to one meeting
// when they have the same date and either
//  - name the same source: frontmatter source_ref, a link on the "*Source:*" line, or a link
//    to a transcript note (one in a folder named Transcripts, or whose type is transcript),
//    compared by file name without folders and extension, case and diacritics folded; or
//  - share most participants: the names both list (frontmatter participants or **With**:, plus
//    a non-empty person:) are more than half of the longer list; an empty list is no evidence.
// "Belongs to one meeting" is made transitive: a note joined to two others joins all three.
class MeetingGroups final
{
public:
    // The groups among `notes` (unparsed notes and notes without a date are never grouped),
    // ordered by date, then by first path. `root` is the vault's: a link that resolves to a
    // note in a Transcripts folder below it names a transcript; without it, only the link's
    // own folders and the notes' type say so.
    static QList<MeetingGroup> find(const QList<Note> &notes, const QString &root = {});
    // "Inbox/Transcripts/2025-10-30 - Call.md" and "2025-10-30 - call" give the same key.
    static QString sourceKey(const QString &reference);
    // The file name as shown: without folders, extension, alias or heading.
    static QString sourceName(const QString &reference);
    // The participants as compared: folded, person: added, without duplicates; `shown` gets
    // each one as written.
    static QStringList participantKeys(const Note &note, QStringList *shown = nullptr);
    // Case folded, diacritics removed, runs of white space as one space.
    static QString fold(const QString &text);
};

} // namespace debrief
