#pragma once

#include "note/actionitem.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>

#include <optional>

namespace debrief {

// The anatomy of one task line, in byte offsets into the raw line (no line ending), so that
// both reading (ActionItem) and writing back (replacing one field in place) share one parser.
// Works on bytes because a line may hold mojibake or invalid UTF-8 that must survive edits.
struct TaskLine
{
    enum class FieldKind {
        Owner,         // @Name With Spaces (Debrief's own field)
        Due,           // 📅 📆 🗓 / [due:: ]
        Scheduled,     // ⏳ ⌛ / [scheduled:: ]
        Start,         // 🛫 / [start:: ]
        Created,       // ➕ / [created:: ]
        DoneDate,      // ✅ / [completion:: ]
        CancelledDate, // ❌ / [cancelled:: ]
        Priority,      // 🔺 ⏫ 🔼 🔽 ⏬ / [priority:: ]
        Recurrence,    // 🔁 every ... / [repeat:: ]
        OnCompletion,  // 🏁 delete|keep / [onCompletion:: ]
        Id,            // 🆔 abc123 / [id:: ]
        DependsOn,     // ⛔ abc123,def456 / [dependsOn:: ]
        Tag,           // #tag
    };

    struct Field
    {
        FieldKind kind = FieldKind::Tag;
        qsizetype begin = 0; // first byte of the field (its signifier, '@', '#' or '[')
        qsizetype end = 0;   // one past its last byte (trailing whitespace excluded)
        // Repaired value: owner name, "2025-10-31", priority name, tag without '#', "abc,def" for
        // depends-on (spaces dropped), on-completion in lower case.
        QString value;
        bool dataview = false; // written as [key:: value]
        // False for a field that is there but says nothing Tasks can use: a date that does not
        // exist ("📅 2024-02-30"), an on-completion action other than delete or keep.
        bool valid = true;

        friend bool operator==(const Field &, const Field &) = default;
    };

    qsizetype statusBegin = 0;      // first byte inside the brackets ("[ ?]" -> the space)
    qsizetype statusEnd = 0;        // the closing ']'
    QString statusChar;             // "?" for both "[?]" and "[ ?]"
    qsizetype descriptionBegin = 0; // after "] " and any further blanks
    qsizetype descriptionEnd = 0;   // before the trailing fields, trailing whitespace excluded
    // The '^' of an Obsidian block id that ends the line (" ^ship-1": whitespace, '^', letters,
    // digits and dashes, then only whitespace), or -1. It is neither text nor a field, and it must
    // stay last: links to the block find it there.
    qsizetype blockIdBegin = -1;
    // Every field, in line order. The trailing ones (begin >= descriptionEnd) are read from the
    // end of the line as Obsidian Tasks reads them (see TrailingFields). Before them only tags
    // count (they stay part of the description too); a date or priority inside the description
    // is plain text, as in Tasks. Emoji are recognised in their real, U+FE0F, Mac Roman and
    // cp1252 spellings.
    QList<Field> fields;

    // The line must be a list item with a [c] status box: optional indentation (and '>' quote
    // markers), a bullet (-, *, +, 1. or 1)), one space, '[', one character or ' ' + one
    // character, ']', then a space or the end of the line. Linear in the line's length.
    static std::optional<TaskLine> parse(QByteArrayView line);

    // The fields read into an ActionItem (line, section are left for the caller). A Tasks field
    // given twice counts once, from the one nearest the description, as in Tasks (it reads from
    // the end and each field it meets overrides the one before); an invalid one counts too, as
    // an invalid (null) date. An owner given twice counts from the last one. Every tag is kept,
    // in line order.
    ActionItem toActionItem(QByteArrayView line) const;

    // The field of that kind that counts (see toActionItem), or nullptr. For Tag: the last tag.
    const Field *field(FieldKind kind) const;
};

} // namespace debrief
