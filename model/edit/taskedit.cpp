#include "edit/taskedit.h"

#include "parse/recurrencerule.h"

#include <algorithm>

namespace debrief {

namespace {

using Kind = TaskLine::FieldKind;

QByteArray oneLine(const QString &text)
{
    // A field or a description must stay on its line.
    QString flat = text;
    flat.replace(QLatin1Char('\r'), QLatin1Char(' ')).replace(QLatin1Char('\n'), QLatin1Char(' '));
    return flat.trimmed().toUtf8();
}

qsizetype trimmedEnd(QByteArrayView line)
{
    qsizetype end = line.size();
    while (end > 0 && (line[end - 1] == ' ' || line[end - 1] == '\t'))
        --end;
    return end;
}

// Removes [begin, end) and exactly one adjacent space, the one before it if there is one.
QByteArray removeRange(QByteArrayView line, qsizetype begin, qsizetype end)
{
    if (begin > 0 && (line[begin - 1] == ' ' || line[begin - 1] == '\t'))
        --begin;
    else if (end < line.size() && (line[end] == ' ' || line[end] == '\t'))
        ++end;
    QByteArray result = line.first(begin).toByteArray();
    result += line.sliced(end);
    return result;
}

QByteArray replaceRange(QByteArrayView line, qsizetype begin, qsizetype end, QByteArrayView with)
{
    QByteArray result = line.first(begin).toByteArray();
    result += with;
    result += line.sliced(end);
    return result;
}

// Where the fields end: the end of the line, or before a block id, which must stay last.
qsizetype fieldsEnd(QByteArrayView line, const TaskLine &task)
{
    return trimmedEnd(task.blockIdBegin >= 0 ? line.first(task.blockIdBegin) : line);
}

QByteArray appendAtEnd(QByteArrayView line, const TaskLine &task, QByteArrayView field)
{
    const qsizetype end = fieldsEnd(line, task);
    QByteArray text(1, ' ');
    text += field;
    return replaceRange(line, end, end, text);
}

// New fields go before the tags that end the line (and the done or cancelled date that Obsidian
// Tasks writes after them), else at its end (before a block id).
QByteArray insertBeforeTrailingTags(QByteArrayView line, const TaskLine &task, QByteArrayView field)
{
    qsizetype firstTag = -1;
    for (auto it = task.fields.crbegin(); it != task.fields.crend(); ++it) {
        const bool trailing = it->kind == Kind::Tag || it->kind == Kind::DoneDate || it->kind == Kind::CancelledDate;
        if (!trailing || it->begin < task.descriptionEnd)
            break;
        firstTag = it->begin;
    }
    if (firstTag >= 0) {
        QByteArray text = field.toByteArray();
        text += ' ';
        return replaceRange(line, firstTag, firstTag, text);
    }
    return appendAtEnd(line, task, field);
}

// A new field before the trailing tags, unless it would not be read there: Tasks reads at most
// 21 passes from the end, so behind a long run of tags it goes to the end of the line instead.
QByteArray insertField(QByteArrayView line, const TaskLine &task, QByteArrayView field, Kind kind)
{
    QByteArray result = insertBeforeTrailingTags(line, task, field);
    const std::optional<TaskLine> written = TaskLine::parse(result);
    if (written && written->field(kind))
        return result;
    return appendAtEnd(line, task, field);
}

// The span of a Dataview field's value: "[due:: 2025-10-31]" -> "2025-10-31".
std::pair<qsizetype, qsizetype> dataviewValue(QByteArrayView line, const TaskLine::Field &field)
{
    qsizetype begin = line.sliced(field.begin, field.end - field.begin).indexOf("::") + field.begin + 2;
    while (begin < field.end - 1 && line[begin] == ' ')
        ++begin;
    qsizetype end = field.end - 1; // the closing bracket
    while (end > begin && line[end - 1] == ' ')
        --end;
    return {begin, end};
}

QByteArray dateText(QDate date)
{
    return date.toString(Qt::ISODate).toLatin1();
}

// Sets a date field: its date replaced where it stands (its own spelling kept), or a new field
// before the trailing tags (or at the end of the line for the done and cancelled dates).
QByteArray writeDate(QByteArrayView line, Kind kind, QDate date, bool atEnd)
{
    const std::optional<TaskLine> task = TaskLine::parse(line);
    const TaskLine::Field *field = task->field(kind);
    if (!date.isValid()) {
        QByteArray result = line.toByteArray();
        // Every one of them: a reopened task must not keep a second, older done date.
        while (const std::optional<TaskLine> current = TaskLine::parse(result)) {
            const TaskLine::Field *found = current->field(kind);
            if (!found)
                break;
            result = removeRange(result, found->begin, found->end);
        }
        return result;
    }
    if (field) {
        if (field->dataview) {
            const auto [begin, end] = dataviewValue(line, *field);
            return replaceRange(line, begin, end, dateText(date));
        }
        return replaceRange(line, field->end - 10, field->end, dateText(date));
    }
    QByteArray text = TaskEdit::signifier(kind);
    text += ' ';
    text += dateText(date);
    return atEnd ? appendAtEnd(line, *task, text) : insertField(line, *task, text, kind);
}

QByteArray withStatusChar(QByteArrayView line, char status)
{
    const std::optional<TaskLine> task = TaskLine::parse(line);
    return replaceRange(line, task->statusBegin, task->statusEnd, QByteArrayView(&status, 1));
}

QByteArray withoutProposedTag(QByteArray line)
{
    for (;;) {
        const std::optional<TaskLine> task = TaskLine::parse(line);
        const TaskLine::Field *proposed = nullptr;
        for (const TaskLine::Field &field : task->fields) {
            if (field.kind == Kind::Tag && field.value.compare(QLatin1StringView("proposed"), Qt::CaseInsensitive) == 0)
                proposed = &field;
        }
        if (!proposed)
            return line;
        line = removeRange(line, proposed->begin, proposed->end);
    }
}

// Every field of that kind removed (with one space each).
QByteArray withoutAll(QByteArrayView line, Kind kind)
{
    return writeDate(line, kind, QDate(), true);
}

QByteArray withoutBlockId(QByteArrayView line)
{
    const std::optional<TaskLine> task = TaskLine::parse(line);
    if (task->blockIdBegin < 0)
        return line.toByteArray();
    return line.first(trimmedEnd(line.first(task->blockIdBegin))).toByteArray();
}

// The next occurrence of a recurring task, or why there is none.
std::optional<QByteArray> nextOccurrence(QByteArrayView line, const TaskLine &task, QDate today, QString *notice)
{
    const TaskLine::Field *recurrence = task.field(Kind::Recurrence);
    const std::optional<RecurrenceRule> rule = RecurrenceRule::parse(recurrence->value);
    if (!rule) {
        *notice = QStringLiteral("Debrief cannot compute the next occurrence of “%1”; only this line was marked done")
                      .arg(recurrence->value);
        return std::nullopt;
    }
    RecurrenceRule::Dates dates;
    for (const auto &[kind, date] : {std::pair{Kind::Due, &dates.due}, std::pair{Kind::Scheduled, &dates.scheduled},
                                     std::pair{Kind::Start, &dates.start}}) {
        const TaskLine::Field *field = task.field(kind);
        if (!field)
            continue;
        if (!field->valid) {
            *notice = QStringLiteral("the date %1 does not exist, so the next occurrence of “%2” cannot be computed; "
                                     "only this line was marked done")
                          .arg(field->value, recurrence->value);
            return std::nullopt;
        }
        *date = QDate::fromString(field->value, Qt::ISODate);
    }
    const std::optional<RecurrenceRule::Dates> next = rule->nextOccurrence(dates, today);
    if (!next) {
        *notice = QStringLiteral("“%1” gives no next date; only this line was marked done").arg(recurrence->value);
        return std::nullopt;
    }
    QByteArray result = replaceRange(line, task.statusBegin, task.statusEnd, " ");
    result = withoutProposedTag(result);
    for (const Kind kind : {Kind::DoneDate, Kind::CancelledDate, Kind::Id, Kind::DependsOn})
        result = withoutAll(result, kind);
    result = withoutBlockId(result);
    if (next->due.isValid())
        result = writeDate(result, Kind::Due, next->due, false);
    if (next->scheduled.isValid())
        result = writeDate(result, Kind::Scheduled, next->scheduled, false);
    if (next->start.isValid())
        result = writeDate(result, Kind::Start, next->start, false);
    if (task.field(Kind::Created))
        result = writeDate(result, Kind::Created, today, false);
    return result;
}

} // namespace

std::optional<TaskEdit::Completion> TaskEdit::complete(QByteArrayView line, QDate today)
{
    const std::optional<TaskLine> task = TaskLine::parse(line);
    if (!task)
        return std::nullopt;
    Completion completion;
    completion.completed = *setStatus(line, StatusAction::Done, today);
    // Only a task that becomes done recurs or acts on its completion, as in Tasks.
    if (statusFromChar(task->statusChar) == TaskStatus::Done)
        return completion;
    const TaskLine::Field *onCompletion = task->field(Kind::OnCompletion);
    const bool remove = onCompletion && onCompletion->valid && onCompletion->value == u"delete";
    if (task->field(Kind::Recurrence)) {
        completion.next = nextOccurrence(line, *task, today, &completion.notice);
        if (!completion.next)
            return completion; // the series must not end silently: keep the ticked line
    }
    completion.removeCompleted = remove;
    return completion;
}

std::optional<QByteArray> TaskEdit::setStatus(QByteArrayView line, StatusAction action, QDate today)
{
    if (!TaskLine::parse(line))
        return std::nullopt;
    QByteArray result;
    switch (action) {
    case StatusAction::Accept: result = withoutProposedTag(withStatusChar(line, ' ')); break;
    case StatusAction::Reject:
        result = withoutProposedTag(withStatusChar(line, '-'));
        result = writeDate(result, Kind::DoneDate, {}, true);
        result = writeDate(result, Kind::CancelledDate, today, true);
        break;
    case StatusAction::Done:
        result = withoutProposedTag(withStatusChar(line, 'x'));
        result = writeDate(result, Kind::CancelledDate, {}, true);
        result = writeDate(result, Kind::DoneDate, today, true);
        break;
    case StatusAction::Reopen:
        result = withStatusChar(line, ' ');
        result = writeDate(result, Kind::DoneDate, {}, true);
        result = writeDate(result, Kind::CancelledDate, {}, true);
        break;
    case StatusAction::InProgress: result = withoutProposedTag(withStatusChar(line, '/')); break;
    }
    return result;
}

std::optional<QByteArray> TaskEdit::setText(QByteArrayView line, const QString &text)
{
    const std::optional<TaskLine> task = TaskLine::parse(line);
    if (!task)
        return std::nullopt;
    QByteArray body = oneLine(text);
    // Fields follow the description with a space; an empty description before them keeps theirs.
    if (task->descriptionEnd == task->descriptionBegin && task->descriptionEnd < trimmedEnd(line)
        && !body.isEmpty()) // fields or a block id
        body += ' ';
    return replaceRange(line, task->descriptionBegin, task->descriptionEnd, body);
}

std::optional<QByteArray> TaskEdit::setOwner(QByteArrayView line, const QString &owner)
{
    const std::optional<TaskLine> task = TaskLine::parse(line);
    if (!task)
        return std::nullopt;
    QByteArray name = oneLine(owner);
    if (name.startsWith('@'))
        name.remove(0, 1);
    const TaskLine::Field *field = task->field(Kind::Owner);
    if (name.isEmpty())
        return field ? removeRange(line, field->begin, field->end) : line.toByteArray();
    const QByteArray text = '@' + name;
    if (field)
        return replaceRange(line, field->begin, field->end, text);
    return insertField(line, *task, text, Kind::Owner);
}

std::optional<QByteArray> TaskEdit::setDate(QByteArrayView line, TaskLine::FieldKind kind, QDate date)
{
    if (!TaskLine::parse(line))
        return std::nullopt;
    return writeDate(line, kind, date, false);
}

std::optional<QByteArray> TaskEdit::setPriority(QByteArrayView line, Priority priority)
{
    const std::optional<TaskLine> task = TaskLine::parse(line);
    if (!task)
        return std::nullopt;
    const TaskLine::Field *field = task->field(Kind::Priority);
    if (priority == Priority::None)
        return field ? removeRange(line, field->begin, field->end) : line.toByteArray();
    if (field && field->dataview) {
        const auto [begin, end] = dataviewValue(line, *field);
        return replaceRange(line, begin, end, priorityName(priority).toLatin1());
    }
    if (field)
        return replaceRange(line, field->begin, field->end, priorityEmoji(priority));
    return insertField(line, *task, priorityEmoji(priority), Kind::Priority);
}

std::optional<QByteArray> TaskEdit::setBlockId(QByteArrayView line, const QString &id)
{
    const std::optional<TaskLine> task = TaskLine::parse(line);
    if (!task || !isBlockId(id))
        return std::nullopt;
    const QByteArray caretId = '^' + id.toLatin1();
    if (task->blockIdBegin >= 0)
        return replaceRange(line, task->blockIdBegin, trimmedEnd(line), caretId);
    return appendAtEnd(line, *task, caretId);
}

bool TaskEdit::isBlockId(const QString &id)
{
    return !id.isEmpty() && std::all_of(id.cbegin(), id.cend(), [](QChar c) {
        return c.unicode() < 0x80 && (c.isLetterOrNumber() || c == u'-');
    });
}

QByteArray TaskEdit::newTaskBody(const QString &text, const QString &owner, QDate due, Priority priority)
{
    QByteArray body = oneLine(text);
    QByteArray name = oneLine(owner);
    if (name.startsWith('@'))
        name.remove(0, 1);
    if (!name.isEmpty())
        body += " @" + name;
    if (due.isValid())
        body += ' ' + signifier(Kind::Due) + ' ' + dateText(due);
    if (priority != Priority::None)
        body += ' ' + priorityEmoji(priority);
    return body;
}

QByteArray TaskEdit::signifier(TaskLine::FieldKind kind)
{
    switch (kind) {
    case Kind::Due: return QByteArrayLiteral("\xF0\x9F\x93\x85");       // 📅 U+1F4C5
    case Kind::Scheduled: return QByteArrayLiteral("\xE2\x8F\xB3");     // ⏳ U+23F3
    case Kind::Start: return QByteArrayLiteral("\xF0\x9F\x9B\xAB");     // 🛫 U+1F6EB
    case Kind::Created: return QByteArrayLiteral("\xE2\x9E\x95");       // ➕ U+2795
    case Kind::DoneDate: return QByteArrayLiteral("\xE2\x9C\x85");      // ✅ U+2705
    case Kind::CancelledDate: return QByteArrayLiteral("\xE2\x9D\x8C"); // ❌ U+274C
    default: return {};
    }
}

QByteArray TaskEdit::priorityEmoji(Priority priority)
{
    switch (priority) {
    case Priority::Highest: return QByteArrayLiteral("\xF0\x9F\x94\xBA"); // 🔺
    case Priority::High: return QByteArrayLiteral("\xE2\x8F\xAB");        // ⏫
    case Priority::Medium: return QByteArrayLiteral("\xF0\x9F\x94\xBC");  // 🔼
    case Priority::Low: return QByteArrayLiteral("\xF0\x9F\x94\xBD");     // 🔽
    case Priority::Lowest: return QByteArrayLiteral("\xE2\x8F\xAC");      // ⏬
    case Priority::None: break;
    }
    return {};
}

} // namespace debrief
