#pragma once

#include <QByteArray>
#include <QDate>
#include <QString>
#include <QStringList>

#include <optional>

namespace debrief {

enum class TaskStatus { Proposed, Open, InProgress, Done, Cancelled, Other };
enum class Priority { None, Lowest, Low, Medium, High, Highest };

// A Markdown task-list item, as NOTE-FORMAT.md defines it. Strings are repaired for display;
// `raw` keeps the line's bytes exactly as they are in the file.
struct ActionItem
{
    int line = 0;     // 1-based line in the file
    int lastLine = 0; // its last continuation line (= line when it fits on one)
    TaskStatus status = TaskStatus::Open;
    QString statusChar; // the character between the brackets ("?" for "[ ?]")
    QString text;       // description only, repaired
    QString owner;      // repaired, without '@'; empty when none
    QDate due;
    QDate scheduled;
    QDate start;
    QDate created;
    QDate doneDate;
    QDate cancelledDate;
    Priority priority = Priority::None;
    QString recurrence;    // e.g. "every week"; empty when none
    QString onCompletion;  // "delete" or "keep"; empty when none (or not one of those)
    QString id;            // Tasks' 🆔 id; empty when none
    QString blockId;       // the Obsidian block id ending the line ("^ship-1" gives "ship-1"); empty when none
    QStringList dependsOn; // the ids of ⛔, in line order
    QStringList tags;      // without '#', in line order
    QString section;       // name of the section the item stands in; empty when none
    QByteArray raw;        // the line's bytes, without its line ending

    friend bool operator==(const ActionItem &, const ActionItem &) = default;
};

TaskStatus statusFromChar(const QString &statusChar);
QString statusName(TaskStatus status);                         // "proposed", "open", ...
std::optional<TaskStatus> statusFromName(const QString &name); // inverse of statusName
QString priorityName(Priority priority);                       // "highest", ..., "" for None
std::optional<Priority> priorityFromName(const QString &name); // "none" gives Priority::None

} // namespace debrief
