#include "meetingorder.h"

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
    if (a.date != b.date) {
        if (!a.date.isValid() || !b.date.isValid())
            return a.date.isValid();
        return a.date > b.date;
    }
    // Not localeAwareCompare: this runs for every pair of same-day meetings of a large vault.
    const int byTitle = a.title.compare(b.title, Qt::CaseInsensitive);
    if (byTitle != 0)
        return byTitle < 0;
    return a.path < b.path;
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
