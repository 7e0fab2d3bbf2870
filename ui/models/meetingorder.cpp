#include "models/meetingorder.h"

#include <algorithm>

namespace debrief {

bool isMeetingNote(const Note &note)
{
    if (!note.parsed)
        return false;
    const QString type = note.frontmatter.value(QStringLiteral("type")).toString().toLower();
    for (const char *other : {"person", "project", "transcript", "template"}) {
        if (type == QLatin1StringView(other))
            return false;
    }
    return note.date.isValid() || !note.summary.isEmpty() || !note.actionItems.isEmpty();
}

bool isNewerMeeting(const Note &a, const Note &b)
{
    return isNewerMeetingKey(a.date, a.title, a.path, b.date, b.title, b.path);
}

bool isNewerMeetingKey(const QDate &dateA, const QString &titleA, const QString &pathA, const QDate &dateB,
                       const QString &titleB, const QString &pathB)
{
    if (dateA != dateB) {
        if (!dateA.isValid() || !dateB.isValid())
            return dateA.isValid();
        return dateA > dateB;
    }
    // Not localeAwareCompare: this runs for every pair of same-day meetings of a large vault.
    const int byTitle = titleA.compare(titleB, Qt::CaseInsensitive);
    if (byTitle != 0)
        return byTitle < 0;
    return pathA < pathB;
}

QList<const Note *> meetingsNewestFirst(const QList<Note> &notes)
{
    QList<const Note *> sorted;
    sorted.reserve(notes.size());
    for (const Note &note : notes) {
        if (note.parsed)
            sorted.append(&note);
    }
    std::sort(sorted.begin(), sorted.end(), [](const Note *a, const Note *b) { return isNewerMeeting(*a, *b); });
    return sorted;
}

} // namespace debrief
