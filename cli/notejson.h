#pragma once

#include "note/actionitem.h"
#include "note/note.h"

#include <QDate>
#include <QJsonObject>
#include <QJsonValue>

namespace debrief {

// The JSON shapes of `debrief show --json` and `debrief tasks --json` (README, "Command-line
// reference"). Keys are fixed: scripts depend on them. Missing values are null, never "".
// Paths are absolute, as the vault found them.
class NoteJson final
{
public:
    // path, title, date, participants, tags, frontmatter, summary, decisions, key_information,
    // links, action_items, diagnostics.
    static QJsonObject fromNote(const Note &note);

    // line, status, status_char, text, owner, due, scheduled, start, created, done_date,
    // cancelled_date, priority, recurrence, on_completion, id, depends_on, tags, section, raw.
    static QJsonObject fromActionItem(const ActionItem &item);

    static QJsonValue fromDate(QDate date);          // "YYYY-MM-DD", or null when invalid
    static QJsonValue fromText(const QString &text); // the text, or null when empty
};

} // namespace debrief
