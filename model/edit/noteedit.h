#pragma once

#include "edit/taskedit.h"
#include "note/actionitem.h"

#include <QByteArray>
#include <QDate>
#include <QString>

#include <optional>

namespace debrief {

// One edit a user asks for, as a value: what NoteEditor turns into a line patch of the file.
struct NoteEdit
{
    enum class Kind {
        Status,         // accept, reject, done, reopen, in progress
        Change,         // any of text, owner, due, scheduled, start, priority, block id
        AddActionItem,  // a new "- [ ] text @Owner 📅 date ⏫" in `section` (default Action Items)
        AddDecision,    // a new bullet in `section` (default Decisions)
        Delete,         // removes the item's line (an action item or a decision) with its continuation lines
        EditBullet,     // the text of a Decisions or Key Information bullet becomes `text`
        DeleteBullet,   // removes such a bullet with its continuation lines
        ReplaceSummary, // the Summary section's paragraphs become `text`
        Repair,         // undoes the mojibake of the whole file
        SetFrontmatter, // the frontmatter key `key` gets the value `text` (nullopt: the key is removed)
    };

    Kind kind = Kind::Status;
    int line = 0; // the target line for Status, Change and Delete (1-based)
    // Status, Change, Delete: the target line's bytes as the caller saw them (ActionItem::raw), to
    // find it again when the file changed; empty: trust the line number.
    // ReplaceSummary, Repair: the whole file as the caller previewed it; the edit is refused when
    // the file no longer holds exactly these bytes. Empty: whatever is on disk.
    QByteArray expected;
    TaskEdit::StatusAction status = TaskEdit::StatusAction::Accept;

    std::optional<QString> text;  // Change, Add*, ReplaceSummary
    std::optional<QString> owner; // empty string removes
    std::optional<QDate> due;     // invalid date removes
    std::optional<QDate> scheduled;
    std::optional<QDate> start;
    std::optional<Priority> priority; // Priority::None removes
    std::optional<QString> blockId;   // Change: the item's Obsidian block id (letters, digits, '-')
    QString section;                  // Add*: empty for the default section
    QString key;                      // SetFrontmatter
    // EditBullet, DeleteBullet: the bullet's whole text as the caller saw it (Bullet::text). The
    // bullet at `line` must still read so in the file as it is now, else the edit is a conflict.
    QString shownText;

    static NoteEdit setStatus(int line, TaskEdit::StatusAction action, const QByteArray &expected = {})
    {
        NoteEdit edit;
        edit.kind = Kind::Status;
        edit.line = line;
        edit.status = action;
        edit.expected = expected;
        return edit;
    }
    static NoteEdit change(int line, const QByteArray &expected = {})
    {
        NoteEdit edit;
        edit.kind = Kind::Change;
        edit.line = line;
        edit.expected = expected;
        return edit;
    }
    static NoteEdit remove(int line, const QByteArray &expected = {})
    {
        NoteEdit edit;
        edit.kind = Kind::Delete;
        edit.line = line;
        edit.expected = expected;
        return edit;
    }
    static NoteEdit editBullet(int line, const QString &shown, const QString &text)
    {
        NoteEdit edit;
        edit.kind = Kind::EditBullet;
        edit.line = line;
        edit.shownText = shown;
        edit.text = text;
        return edit;
    }
    static NoteEdit deleteBullet(int line, const QString &shown)
    {
        NoteEdit edit = editBullet(line, shown, {});
        edit.kind = Kind::DeleteBullet;
        edit.text.reset();
        return edit;
    }
    static NoteEdit addActionItem(const QString &text, const QString &section = {})
    {
        NoteEdit edit;
        edit.kind = Kind::AddActionItem;
        edit.text = text;
        edit.section = section;
        return edit;
    }
    static NoteEdit addDecision(const QString &text, const QString &section = {})
    {
        NoteEdit edit = addActionItem(text, section);
        edit.kind = Kind::AddDecision;
        return edit;
    }
    static NoteEdit replaceSummary(const QString &text, const QByteArray &expected = {})
    {
        NoteEdit edit;
        edit.kind = Kind::ReplaceSummary;
        edit.text = text;
        edit.expected = expected;
        return edit;
    }
    static NoteEdit setFrontmatter(const QString &key, const std::optional<QString> &value)
    {
        NoteEdit edit;
        edit.kind = Kind::SetFrontmatter;
        edit.key = key;
        edit.text = value;
        return edit;
    }
    static NoteEdit repair(const QByteArray &expected = {})
    {
        NoteEdit edit;
        edit.kind = Kind::Repair;
        edit.expected = expected;
        return edit;
    }
};

} // namespace debrief
