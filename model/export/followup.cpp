#include "export/followup.h"

#include <QMap>

#include <algorithm>

namespace debrief {

namespace {

bool unfinished(const ActionItem &item)
{
    return item.status == TaskStatus::Proposed || item.status == TaskStatus::Open
        || item.status == TaskStatus::InProgress;
}

bool sameName(const QString &a, const QString &b)
{
    return a.compare(b, Qt::CaseInsensitive) == 0;
}

struct Entry
{
    const Note *note;
    const ActionItem *item;
};

QString meeting(const Note &note)
{
    return note.date.isValid() ? note.title + QStringLiteral(", ") + note.date.toString(Qt::ISODate) : note.title;
}

QString entryLine(const Entry &entry)
{
    QString line = QStringLiteral("- ") + entry.item->text;
    QStringList details;
    if (entry.item->due.isValid())
        details << QStringLiteral("due ") + entry.item->due.toString(Qt::ISODate);
    if (entry.item->status == TaskStatus::Proposed)
        details << QStringLiteral("proposed");
    else if (entry.item->status == TaskStatus::InProgress)
        details << QStringLiteral("in progress");
    details << QStringLiteral("from ") + meeting(*entry.note);
    return line + QStringLiteral(" (") + details.join(QStringLiteral("; ")) + u')';
}

// Oldest meeting first within a group; overdue ones by due date, the most overdue first.
void sortEntries(QList<Entry> &entries, bool byDue)
{
    std::stable_sort(entries.begin(), entries.end(), [byDue](const Entry &a, const Entry &b) {
        if (byDue && a.item->due != b.item->due)
            return a.item->due < b.item->due;
        if (a.note->date != b.note->date)
            return a.note->date < b.note->date;
        if (a.note->path != b.note->path)
            return a.note->path < b.note->path;
        return a.item->line < b.item->line;
    });
}

QString personSection(const QList<Note> &notes, const QString &owner, const FollowUp::Options &options,
                      const QString &heading)
{
    QList<Entry> fresh, overdue, open;
    QList<const Note *> meetings;
    for (const Note &note : notes) {
        const bool recent = note.date.isValid() && note.date >= options.since;
        bool involved = false;
        for (const QString &participant : note.participants)
            involved = involved || sameName(participant, owner);
        for (const ActionItem &item : note.actionItems) {
            if (!sameName(item.owner, owner))
                continue;
            involved = true;
            if (!unfinished(item))
                continue;
            const Entry entry{&note, &item};
            if (item.due.isValid() && item.due < options.today)
                overdue.append(entry);
            else if (recent)
                fresh.append(entry);
            else
                open.append(entry);
        }
        if (recent && involved && !note.decisions.isEmpty())
            meetings.append(&note);
    }
    sortEntries(fresh, false);
    sortEntries(overdue, true);
    sortEntries(open, false);
    std::stable_sort(meetings.begin(), meetings.end(), [](const Note *a, const Note *b) { return a->date < b->date; });

    QString out = heading + owner + u'\n';
    const QString sub = heading.startsWith(QStringLiteral("## ")) ? QStringLiteral("### ") : QStringLiteral("## ");
    const auto list = [&](const QString &title, const QList<Entry> &entries) {
        if (entries.isEmpty())
            return;
        out += u'\n' + sub + title + QStringLiteral("\n\n");
        for (const Entry &entry : entries)
            out += entryLine(entry) + u'\n';
    };
    if (fresh.isEmpty() && overdue.isEmpty() && open.isEmpty())
        out += QStringLiteral("\nNothing open.\n");
    list(QStringLiteral("New since ") + options.since.toString(Qt::ISODate), fresh);
    list(QStringLiteral("Overdue"), overdue);
    list(QStringLiteral("Still open"), open);
    if (!meetings.isEmpty()) {
        out += u'\n' + sub + QStringLiteral("Decisions\n");
        for (const Note *note : std::as_const(meetings)) {
            out += u'\n' + meeting(*note) + QStringLiteral(":\n\n");
            for (const Bullet &decision : note->decisions)
                out += QStringLiteral("- ") + decision.text + u'\n';
        }
    }
    return out;
}

} // namespace

QStringList FollowUp::owners(const QList<Note> &notes)
{
    QMap<QString, QString> byKey;
    for (const Note &note : notes) {
        for (const ActionItem &item : note.actionItems) {
            if (!item.owner.isEmpty() && unfinished(item) && !byKey.contains(item.owner.toCaseFolded()))
                byKey.insert(item.owner.toCaseFolded(), item.owner);
        }
    }
    return byKey.values();
}

QString FollowUp::compose(const QList<Note> &notes, const Options &options)
{
    if (!options.owner.isEmpty())
        return personSection(notes, options.owner, options, QStringLiteral("# Follow-up for "));
    QString out = QStringLiteral("# Follow-up since ") + options.since.toString(Qt::ISODate) + u'\n';
    const QStringList names = owners(notes);
    if (names.isEmpty())
        out += QStringLiteral("\nNobody has an open action item.\n");
    for (const QString &name : names)
        out += u'\n' + personSection(notes, name, options, QStringLiteral("## "));
    return out;
}

} // namespace debrief
