#pragma once

#include "note/actionitem.h"
#include "note/note.h"

#include <QDate>
#include <QList>
#include <QString>

namespace debrief {

// One action item on its way out, with what every format says about its meeting.
struct ExportItem
{
    ActionItem item;
    QString path;         // the note's absolute path
    QString relativePath; // to the vault's root, '/'-separated
    QString noteTitle;
    QDate noteDate;

    static ExportItem from(const Note &note, const ActionItem &item, const QString &vaultRoot);

    // The note as an Obsidian link target: the relative path without ".md".
    QString linkTarget() const;
    // A UID that survives edits of the item's fields: from its block id (or Tasks' 🆔 id) and
    // its note when it has one, else from its note and its text, so that a text edit of an item
    // without an id gives it a new UID (ids are written on request, see README "export").
    QString uid() const;
};

} // namespace debrief
