#pragma once

#include "note/actionitem.h"
#include "parse/taskline.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QDate>
#include <QString>

#include <optional>

namespace debrief {

// Edits of one task line's bytes (without its line ending), found through TaskLine so that a
// field is changed where it stands and nothing else on the line moves. Each function returns
// nothing when the line is not a task.
class TaskEdit final
{
public:
    enum class StatusAction { Accept, Reject, Done, Reopen, InProgress };

    // Accept: "[ ]", #proposed removed ("[ ?]" becomes "[ ]"). Reject: "[-]", #proposed removed,
    // "❌ today" appended. Done: "[x]", "✅ today" appended. Reopen: "[ ]", done and cancelled
    // dates removed. In progress: "[/]". Any status but proposed drops #proposed, and the date of
    // the other finished status (a done task that is rejected loses its ✅).
    static std::optional<QByteArray> setStatus(QByteArrayView line, StatusAction action, QDate today);

    // "done" as Obsidian Tasks does it, recurrence and on-completion included.
    struct Completion
    {
        QByteArray completed;           // the line ticked: setStatus(Done)
        std::optional<QByteArray> next; // a recurring task's next occurrence, to stand above it
        bool removeCompleted = false;   // "🏁 delete": the ticked line goes (the next one stays)
        QString notice;                 // why a recurring task got no next occurrence; else empty
    };
    // A task that was not done yet and has a recurrence gets its next occurrence: the same line
    // with "[ ]", the dates the rule moves (due, scheduled, start) moved, the created date made
    // `today` if it had one, and without #proposed, the done and cancelled dates, the id, the
    // depends-on list and a block id (Tasks drops those from the next occurrence). A rule Debrief
    // cannot compute, or a date of the task that does not exist, gives no next occurrence, keeps
    // the ticked line even with "🏁 delete", and says why in `notice`.
    static std::optional<Completion> complete(QByteArrayView line, QDate today);

    static std::optional<QByteArray> setText(QByteArrayView line, const QString &text);
    static std::optional<QByteArray> setOwner(QByteArrayView line, const QString &owner); // empty removes
    // kind is Due, Scheduled or Start; an invalid date removes the field.
    static std::optional<QByteArray> setDate(QByteArrayView line, TaskLine::FieldKind kind, QDate date);
    static std::optional<QByteArray> setPriority(QByteArrayView line, Priority priority); // None removes
    // The Obsidian block id " ^id" that ends the line: replaced where there is one, else appended
    // after the fields. `id` must be letters, digits and dashes (Obsidian's own rule); nullopt
    // for anything else, as for a line that is no task.
    static std::optional<QByteArray> setBlockId(QByteArrayView line, const QString &id);
    static bool isBlockId(const QString &id); // letters, digits and dashes, one at least

    // "text @Owner 📅 date ⏫" for a new task line, after the "- [ ] " prefix.
    static QByteArray newTaskBody(const QString &text, const QString &owner, QDate due, Priority priority);

    static QByteArray signifier(TaskLine::FieldKind kind); // real emoji: "📅", "⏳", "🛫", "✅", "❌"
    static QByteArray priorityEmoji(Priority priority);    // "🔺" ... "⏬", empty for None
};

} // namespace debrief
