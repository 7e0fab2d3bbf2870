#include "parse/taskline.h"

#include "parse/linebytes.h"
#include "parse/trailingfields.h"

#include <QDate>

#include <algorithm>
#include <array>

namespace debrief {

namespace {

using namespace linebytes;
using Kind = TaskLine::FieldKind;
using Field = TaskLine::Field;

// The length of the UTF-8 sequence at `pos`, or 1 for a byte that starts none.
qsizetype utf8Length(QByteArrayView line, qsizetype pos)
{
    const uchar lead = uchar(line[pos]);
    const qsizetype count = lead < 0xC2 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : lead <= 0xF4 ? 4 : 1;
    if (pos + count > line.size())
        return 1;
    for (qsizetype i = 1; i < count; ++i) {
        if ((uchar(line[pos + i]) & 0xC0) != 0x80)
            return 1;
    }
    return count;
}

// The '^' of a block id ending the line at or after `from`, or -1.
qsizetype blockIdAt(QByteArrayView line, qsizetype from)
{
    qsizetype end = line.size();
    while (end > from && isSpace(line[end - 1]))
        --end;
    qsizetype begin = end;
    while (begin > from && (isAsciiAlnum(line[begin - 1]) || line[begin - 1] == '-'))
        --begin;
    const qsizetype caret = begin - 1;
    if (begin == end || caret < from || line[caret] != '^' || caret == 0 || !isSpace(line[caret - 1]))
        return -1;
    return caret;
}

// The status box and what precedes it; returns false for a line that is no task.
bool parsePrefix(QByteArrayView line, TaskLine &task)
{
    const qsizetype n = line.size();
    qsizetype i = 0;
    const auto skipBlanks = [&] {
        while (i < n && (line[i] == ' ' || line[i] == '\t'))
            ++i;
    };
    skipBlanks();
    while (i < n && line[i] == '>') {
        ++i;
        skipBlanks();
    }
    if (i < n && (line[i] == '-' || line[i] == '*' || line[i] == '+')) {
        ++i;
    } else {
        const qsizetype digits = i;
        while (i < n && isDigit(line[i]) && i - digits < 9)
            ++i;
        if (i == digits || i >= n || (line[i] != '.' && line[i] != ')'))
            return false;
        ++i;
    }
    const qsizetype bullet = i;
    skipBlanks();
    if (i == bullet || i >= n || line[i] != '[')
        return false;

    task.statusBegin = ++i;
    if (i + 1 < n && line[i] == ' ' && line[i + 1] == ']') {
        task.statusChar = QStringLiteral(" ");
        task.statusEnd = i + 1;
    } else {
        if (i < n && line[i] == ' ')
            ++i; // "[ ?]" reads as "?"
        if (i >= n || uchar(line[i]) <= ' ')
            return false;
        const qsizetype length = utf8Length(line, i);
        if (i + length >= n || line[i + length] != ']')
            return false;
        task.statusChar = QString::fromUtf8(line.sliced(i, length));
        task.statusEnd = i + length;
    }
    i = task.statusEnd + 1;
    if (i < n && !isSpace(line[i]))
        return false;
    while (i < n && isSpace(line[i]))
        ++i;
    task.descriptionBegin = i;
    return true;
}

} // namespace

std::optional<TaskLine> TaskLine::parse(QByteArrayView line)
{
    TaskLine task;
    if (!parsePrefix(line, task))
        return std::nullopt;

    // Fields and text end where a block id begins.
    task.blockIdBegin = blockIdAt(line, task.descriptionBegin);
    const qsizetype n = task.blockIdBegin >= 0 ? task.blockIdBegin : line.size();
    const QList<Field> trailing = TrailingFields::read(line, task.descriptionBegin, n, &task.descriptionEnd);

    // Tags inside the description count too (Obsidian reads them anywhere); nothing else does.
    for (qsizetype pos = task.descriptionBegin; pos < task.descriptionEnd; ++pos) {
        if (line[pos] != '#')
            continue;
        const qsizetype end = TrailingFields::tagNameEnd(line, pos, task.descriptionBegin, task.descriptionEnd);
        if (end < 0)
            continue;
        task.fields.append({Kind::Tag, pos, end, decode(line.sliced(pos + 1, end - pos - 1))});
        pos = end - 1;
    }
    task.fields += trailing;
    return task;
}

ActionItem TaskLine::toActionItem(QByteArrayView line) const
{
    ActionItem item;
    item.statusChar = statusChar;
    item.status = statusFromChar(statusChar);
    item.text = decode(line.sliced(descriptionBegin, descriptionEnd - descriptionBegin));
    item.raw = line.toByteArray();
    if (blockIdBegin >= 0)
        item.blockId = QString::fromLatin1(line.sliced(blockIdBegin + 1)).trimmed(); // ASCII letters, digits, '-'
    for (const Field &field : fields) {
        if (field.kind == FieldKind::Tag) {
            item.tags.append(field.value);
            continue;
        }
        if (&field != this->field(field.kind))
            continue;
        const auto date = [&] { return field.valid ? QDate::fromString(field.value, Qt::ISODate) : QDate(); };
        switch (field.kind) {
        case FieldKind::Owner: item.owner = field.value; break;
        case FieldKind::Due: item.due = date(); break;
        case FieldKind::Scheduled: item.scheduled = date(); break;
        case FieldKind::Start: item.start = date(); break;
        case FieldKind::Created: item.created = date(); break;
        case FieldKind::DoneDate: item.doneDate = date(); break;
        case FieldKind::CancelledDate: item.cancelledDate = date(); break;
        case FieldKind::Priority: item.priority = priorityFromName(field.value).value_or(Priority::None); break;
        case FieldKind::Recurrence: item.recurrence = field.value; break;
        case FieldKind::OnCompletion: item.onCompletion = field.valid ? field.value : QString(); break;
        case FieldKind::Id: item.id = field.value; break;
        case FieldKind::DependsOn: item.dependsOn = field.value.split(QLatin1Char(',')); break;
        case FieldKind::Tag: break;
        }
    }
    return item;
}

const TaskLine::Field *TaskLine::field(FieldKind kind) const
{
    // Owners and tags: the last one. Tasks' fields: the first one, which Tasks reads last.
    if (kind == FieldKind::Owner || kind == FieldKind::Tag) {
        for (auto it = fields.crbegin(); it != fields.crend(); ++it) {
            if (it->kind == kind)
                return &*it;
        }
        return nullptr;
    }
    for (const Field &field : fields) {
        if (field.kind == kind)
            return &field;
    }
    return nullptr;
}

} // namespace debrief
