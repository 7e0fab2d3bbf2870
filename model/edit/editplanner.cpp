#include "edit/editplanner.h"

#include "base/textrepair.h"
#include "edit/bulletedit.h"
#include "edit/editdraft.h"
#include "edit/frontmatteredit.h"
#include "edit/noteoutline.h"
#include "edit/sectionedit.h"
#include "parse/noteparser.h"

#include <QDir>
#include <QHash>
#include <QSet>

#include <algorithm>

namespace debrief {

namespace {

using Code = EditError::Code;
using Plan = EditPlanner::Plan;
using FileState = EditPlanner::FileState;

QString shown(const QString &path)
{
    return QDir::toNativeSeparators(path);
}

Plan failure(Code code, const QString &message)
{
    Plan plan;
    plan.error = EditError::make(code, message);
    return plan;
}

bool targetsLine(const NoteEdit &edit)
{
    return edit.kind == NoteEdit::Kind::Status || edit.kind == NoteEdit::Kind::Change
        || edit.kind == NoteEdit::Kind::Delete;
}

// What the edits expect of the file as a whole: a changed file is a conflict for an edit that
// has nothing to find its place by, and a preview must still be exactly what is on disk.
EditError checkExpectations(const TextLines &lines, const QString &path, const QList<NoteEdit> &edits, FileState state)
{
    std::optional<QByteArray> bytes;
    for (const NoteEdit &edit : edits) {
        const bool wholeFile = EditPlanner::readsWholeFile(edit);
        if (!targetsLine(edit) && !wholeFile)
            continue; // an addition is planned against the file as it is now
        if (edit.expected.isEmpty()) {
            if (state == FileState::Changed)
                return EditError::make(
                    Code::Conflict,
                    QStringLiteral("%1 changed on disk since it was read; nothing was written").arg(shown(path)));
            continue;
        }
        if (!wholeFile)
            continue; // found by its bytes later
        if (!bytes)
            bytes = lines.join();
        if (*bytes != edit.expected)
            return EditError::make(
                Code::Conflict,
                QStringLiteral("%1 changed on disk since it was previewed; nothing was written").arg(shown(path)));
    }
    return {};
}

// The line the edit means: its number, or where its expected bytes now stand. When the file
// changed, the old number proves nothing (lines added above may have moved a twin there), so the
// bytes must stand in one place only.
std::optional<int> findTarget(const TextLines &lines, const NoteOutline &outline, const QString &path,
                              const NoteEdit &edit, FileState state, EditError *error)
{
    const bool inRange = edit.line >= 1 && edit.line <= lines.count();
    if (edit.expected.isEmpty()) {
        if (!inRange) {
            *error = EditError::make(Code::NotActionItem,
                                     QStringLiteral("%1 has no line %2").arg(shown(path)).arg(edit.line));
            return std::nullopt;
        }
        return edit.line;
    }
    if (state == FileState::AsSeen && inRange && lines.content(edit.line) == edit.expected)
        return edit.line;
    QList<int> found;
    for (int line = 1; line <= lines.count() && found.size() < 2; ++line) {
        if (lines.content(line) == edit.expected && !outline.isCode(line))
            found.append(line);
    }
    if (found.size() == 1)
        return found.constFirst();
    *error = EditError::make(
        Code::Conflict,
        found.isEmpty() ? QStringLiteral("%1 changed on disk: line %2 is no longer as it was; nothing was written")
                              .arg(shown(path))
                              .arg(edit.line)
                        : QStringLiteral("%1 changed on disk and the text of line %2 now stands on several "
                                         "lines; nothing was written")
                              .arg(shown(path))
                              .arg(edit.line));
    return std::nullopt;
}

Plan replaceOne(const TextLines &lines, int line, const QByteArray &content)
{
    Plan plan;
    plan.line = line;
    const QByteArray &before = lines.lines.at(line - 1);
    if (content == TextLines::contentOf(before))
        return plan; // nothing to change, nothing to write
    QByteArray after = content;
    after += TextLines::endingOf(before);
    plan.patch = LinePatch({LineHunk{line, {before}, {after}}});
    return plan;
}

// What a Status or Change edit makes of a task line: the line itself, and for "done" on a
// recurring task its next occurrence above it; "🏁 delete" removes the ticked line.
struct TaskChange
{
    QByteArray content;
    std::optional<QByteArray> next;
    bool removeCompleted = false;
    QString notice;
};

// The task line after a Status or Change edit, or nothing when it is not a task.
std::optional<TaskChange> changedTask(QByteArrayView line, const NoteEdit &edit, QDate today)
{
    TaskChange change;
    QByteArray &content = change.content;
    content = line.toByteArray();
    const auto step = [&](std::optional<QByteArray> next) {
        if (next)
            content = *next;
        return next.has_value();
    };
    bool task = TaskLine::parse(content).has_value();
    if (task && edit.kind == NoteEdit::Kind::Status && edit.status == TaskEdit::StatusAction::Done) {
        const std::optional<TaskEdit::Completion> completion = TaskEdit::complete(content, today);
        task = completion.has_value();
        if (task) {
            content = completion->completed;
            change.next = completion->next;
            change.removeCompleted = completion->removeCompleted;
            change.notice = completion->notice;
        }
    } else if (task && edit.kind == NoteEdit::Kind::Status) {
        task = step(TaskEdit::setStatus(content, edit.status, today));
    }
    if (task && edit.text)
        task = step(TaskEdit::setText(content, *edit.text));
    if (task && edit.owner)
        task = step(TaskEdit::setOwner(content, *edit.owner));
    if (task && edit.due)
        task = step(TaskEdit::setDate(content, TaskLine::FieldKind::Due, *edit.due));
    if (task && edit.scheduled)
        task = step(TaskEdit::setDate(content, TaskLine::FieldKind::Scheduled, *edit.scheduled));
    if (task && edit.start)
        task = step(TaskEdit::setDate(content, TaskLine::FieldKind::Start, *edit.start));
    if (task && edit.priority)
        task = step(TaskEdit::setPriority(content, *edit.priority));
    if (task && edit.blockId)
        task = step(TaskEdit::setBlockId(content, *edit.blockId));
    if (!task)
        return std::nullopt;
    return change;
}

// The lines a deletion removes: lines `line` to `lastLine` (a list item and its continuation
// lines), and in a loose list one blank line too: the one after them between two blank lines,
// the one before them at the end of the file.
std::pair<int, int> deletedLines(const TextLines &lines, int line, int lastLine)
{
    const int count = lines.count();
    const auto blank = [&](int n) { return n >= 1 && n <= count && TextLines::isBlank(lines.lines.at(n - 1)); };
    if (blank(line - 1) && blank(lastLine + 1))
        return {line, lastLine + 1};
    if (blank(line - 1) && lastLine == count)
        return {line - 1, lastLine};
    return {line, lastLine};
}

Plan deleteLines(const TextLines &lines, int line, int lastLine)
{
    // The draft gives the hunk one unchanged line of context, so that the undo finds its place.
    EditDraft draft(lines);
    const auto [first, last] = deletedLines(lines, line, lastLine);
    draft.remove(first, last);
    Plan plan;
    plan.line = line;
    plan.patch = draft.patch();
    return plan;
}

// Writes a task change into the draft at `line` (its item ending at `lastLine`). The next
// occurrence of a recurring task goes above the ticked line, with that line's ending.
void applyTaskChange(EditDraft &draft, int line, int lastLine, const TaskChange &change)
{
    const TextLines &lines = draft.lines();
    if (change.removeCompleted && !change.next) {
        const auto [first, last] = deletedLines(lines, line, lastLine);
        draft.remove(first, last);
        return;
    }
    if (!change.next) {
        draft.replace(line, change.content);
        return;
    }
    const QByteArray before = lines.lines.at(line - 1);
    const QByteArrayView ending = TextLines::endingOf(before);
    QByteArray next = *change.next;
    next += ending.isEmpty() ? lines.preferredEnding() : ending.toByteArray();
    QList<QByteArray> after{next};
    if (!change.removeCompleted)
        after.append(change.content + ending.toByteArray());
    draft.apply(LinePatch({LineHunk{line, {before}, after}}));
}

Plan changeTask(const TextLines &lines, int line, int lastLine, const NoteEdit &edit, QDate today, const QString &where)
{
    const std::optional<TaskChange> change = changedTask(lines.content(line), edit, today);
    if (!change)
        return failure(Code::NotActionItem, QStringLiteral("%1 is not an action item").arg(where));
    Plan plan;
    if (!change->next && !change->removeCompleted) {
        plan = replaceOne(lines, line, change->content);
    } else {
        EditDraft draft(lines);
        applyTaskChange(draft, line, lastLine, *change);
        plan.line = line;
        plan.patch = draft.patch();
    }
    if (!change->notice.isEmpty())
        plan.notices.append(QStringLiteral("%1: %2").arg(where, change->notice));
    return plan;
}

Plan repairAll(const TextLines &lines)
{
    QList<LineHunk> hunks;
    for (int line = 1; line <= lines.count(); ++line) {
        const QByteArrayView content = lines.content(line);
        QByteArray repaired = TextRepair::repairBytes(content);
        if (repaired == content)
            continue;
        repaired += lines.ending(line);
        hunks.append(LineHunk{line, {lines.lines.at(line - 1)}, {repaired}});
    }
    Plan plan;
    plan.patch = LinePatch(std::move(hunks));
    return plan;
}

} // namespace

namespace {

// What the parser reads in the file, so that an edit only touches what the user sees as an item:
// a "- [ ]" in code, an HTML block or the frontmatter is left alone.
struct FileView
{
    NoteOutline outline;
    QSet<int> tasks;
    QHash<int, QString> bullets; // decisions and key information: their text, as shown
    QHash<int, int> lastLine;    // of each task and bullet: its continuation lines go with it

    int lastLineOf(int line) const { return std::max(line, lastLine.value(line, line)); }
};

FileView viewOf(const TextLines &lines, const QString &path)
{
    FileView view{NoteOutline::scan(lines), {}, {}, {}};
    const Note note = NoteParser::parse(lines.join(), path);
    view.outline.useSections(note.sections);
    for (const ActionItem &item : note.actionItems) {
        view.tasks.insert(item.line);
        view.lastLine.insert(item.line, item.lastLine);
    }
    for (const Bullet &bullet : note.decisions + note.keyInformation) {
        view.bullets.insert(bullet.line, bullet.text);
        view.lastLine.insert(bullet.line, bullet.lastLine);
    }
    return view;
}

// A deletion removes an action item or a decision; other targeted edits change an action item.
EditError checkKind(const FileView &view, const QString &path, const NoteEdit &edit, int line)
{
    const QString where = QStringLiteral("%1:%2").arg(shown(path)).arg(line);
    if (edit.kind == NoteEdit::Kind::Delete) {
        if (!view.tasks.contains(line) && !view.bullets.contains(line))
            return EditError::make(Code::NotActionItem,
                                   QStringLiteral("%1 is not an action item or a decision").arg(where));
        return {};
    }
    // An empty text would leave "- [ ] " behind: a line no one can read, worse than a deletion.
    if (edit.kind == NoteEdit::Kind::Change && edit.text && edit.text->trimmed().isEmpty())
        return EditError::make(
            Code::InvalidEdit,
            QStringLiteral("%1: an item's text cannot be empty (delete the item to remove it)").arg(where));
    if (edit.kind == NoteEdit::Kind::Change && edit.blockId && !TaskEdit::isBlockId(*edit.blockId))
        return EditError::make(
            Code::InvalidEdit,
            QStringLiteral("%1: a block id is letters, digits and dashes, not '%2'").arg(where, *edit.blockId));
    if (view.bullets.contains(line) && edit.kind == NoteEdit::Kind::Change) {
        if (edit.owner || edit.due || edit.scheduled || edit.start || edit.priority || edit.blockId)
            return EditError::make(
                Code::NotActionItem,
                QStringLiteral("%1 is a decision, not an action item: only its text can be changed").arg(where));
        return {};
    }
    if (!view.tasks.contains(line))
        return EditError::make(Code::NotActionItem, QStringLiteral("%1 is not an action item").arg(where));
    return {};
}

// The text of the decision at `line` (lines `line` to `last` in `lines`) becomes the edit's text.
Plan changeBulletText(const TextLines &lines, int line, int last, const NoteEdit &edit, const QString &path)
{
    const std::optional<LinePatch> patch = BulletEdit::setText(lines, line, last, edit.text.value_or(QString()));
    if (!patch)
        return failure(Code::NotActionItem, QStringLiteral("%1:%2 is not a list item").arg(shown(path)).arg(line));
    Plan plan;
    plan.line = line;
    plan.patch = *patch;
    return plan;
}

// An edit of a decision or key information bullet, found by its line and the text the user saw.
Plan changeBullet(const TextLines &lines, const FileView &view, const QString &path, const NoteEdit &edit)
{
    const auto bullet = view.bullets.constFind(edit.line);
    if (bullet == view.bullets.constEnd() || bullet->trimmed() != edit.shownText.trimmed())
        return failure(Code::Conflict,
                       QStringLiteral("%1 changed on disk: line %2 is no longer as it was; "
                                      "nothing was written")
                           .arg(shown(path))
                           .arg(edit.line));
    const int last = view.lastLineOf(edit.line);
    if (edit.kind == NoteEdit::Kind::DeleteBullet)
        return deleteLines(lines, edit.line, last);
    return changeBulletText(lines, edit.line, last, edit, path);
}

Plan planOne(const TextLines &lines, const FileView &view, const QString &path, const NoteEdit &edit, QDate today,
             FileState state)
{
    if (!targetsLine(edit)) {
        switch (edit.kind) {
        case NoteEdit::Kind::EditBullet:
        case NoteEdit::Kind::DeleteBullet: return changeBullet(lines, view, path, edit);
        case NoteEdit::Kind::AddActionItem:
        case NoteEdit::Kind::AddDecision: return SectionEdit::addItem(lines, view.outline, path, edit);
        case NoteEdit::Kind::ReplaceSummary:
            return SectionEdit::replaceSummary(lines, view.outline, edit.text.value_or(QString()));
        case NoteEdit::Kind::Repair: return repairAll(lines);
        case NoteEdit::Kind::SetFrontmatter: return FrontmatterEdit::set(lines, path, edit.key, edit.text);
        default: break;
        }
        return {};
    }
    EditError error;
    const std::optional<int> line = findTarget(lines, view.outline, path, edit, state, &error);
    if (!line) {
        Plan plan;
        plan.error = error;
        return plan;
    }
    if (const EditError wrongKind = checkKind(view, path, edit, *line); wrongKind.isError()) {
        Plan plan;
        plan.error = wrongKind;
        return plan;
    }
    if (edit.kind == NoteEdit::Kind::Delete)
        return deleteLines(lines, *line, view.lastLineOf(*line));
    if (view.bullets.contains(*line))
        return changeBulletText(lines, *line, view.lastLineOf(*line), edit, path);
    return changeTask(lines, *line, view.lastLineOf(*line), edit, today,
                      QStringLiteral("%1:%2").arg(shown(path)).arg(*line));
}

// Several edits: every target is found in the file as read, then the edits change a draft one
// after another, so that each sees its neighbours as the edits before it left them.
Plan planBatch(const TextLines &lines, const FileView &view, const QString &path, const QList<NoteEdit> &edits,
               QDate today, FileState state)
{
    QList<int> targets(edits.size(), 0);
    for (qsizetype i = 0; i < edits.size(); ++i) {
        const NoteEdit &edit = edits.at(i);
        if (!targetsLine(edit))
            continue;
        EditError error;
        const std::optional<int> line = findTarget(lines, view.outline, path, edit, state, &error);
        if (!line)
            return failure(error.code, error.message);
        if (const EditError wrongKind = checkKind(view, path, edit, *line); wrongKind.isError())
            return failure(wrongKind.code, wrongKind.message);
        if (targets.contains(*line))
            return failure(Code::InvalidEdit,
                           QStringLiteral("the edits of %1 contradict each other: two of them change line %2; "
                                          "nothing was written")
                               .arg(shown(path))
                               .arg(*line));
        targets[i] = *line;
    }

    EditDraft draft(lines);
    FileView reparsed;
    Plan combined;
    for (qsizetype i = 0; i < edits.size(); ++i) {
        const NoteEdit &edit = edits.at(i);
        const auto overlap = [&](int line) {
            return failure(
                Code::InvalidEdit,
                QStringLiteral("the edits of %1 overlap (line %2); nothing was written").arg(shown(path)).arg(line));
        };
        if (targetsLine(edit)) {
            // Gone when an earlier edit of the batch rewrote or removed it.
            const int line = draft.lineOf(targets.at(i));
            if (!line)
                return overlap(targets.at(i));
            if (edit.kind == NoteEdit::Kind::Delete) {
                // Its continuation lines stand where they stood: edits of a batch change other
                // items' first lines, never another item's continuation.
                const int lastLine = std::max(line, draft.lineOf(view.lastLineOf(targets.at(i))));
                const auto [first, last] = deletedLines(draft.lines(), line, lastLine);
                draft.remove(first, last);
            } else if (view.bullets.contains(targets.at(i))) {
                const int lastLine = std::max(line, draft.lineOf(view.lastLineOf(targets.at(i))));
                const Plan one = changeBulletText(draft.lines(), line, lastLine, edit, path);
                if (!one.ok())
                    return one;
                if (!draft.apply(one.patch))
                    return overlap(targets.at(i));
            } else {
                const std::optional<TaskChange> change = changedTask(draft.lines().content(line), edit, today);
                if (!change)
                    return failure(Code::NotActionItem,
                                   QStringLiteral("%1:%2 is not an action item").arg(shown(path)).arg(targets.at(i)));
                const int lastLine = std::max(line, draft.lineOf(view.lastLineOf(targets.at(i))));
                applyTaskChange(draft, line, lastLine, *change);
                if (!change->notice.isEmpty())
                    combined.notices.append(
                        QStringLiteral("%1:%2: %3").arg(shown(path)).arg(targets.at(i)).arg(change->notice));
            }
            combined.line = line;
            continue;
        }
        // An addition, the summary or a repair: planned against the draft, parsed again once changed.
        if (draft.isChanged())
            reparsed = viewOf(draft.lines(), path);
        const Plan one = planOne(draft.lines(), draft.isChanged() ? reparsed : view, path, edit, today, state);
        if (!one.ok())
            return one;
        if (!draft.apply(one.patch))
            return overlap(one.line);
        combined.line = one.line;
        combined.notices += one.notices;
    }
    combined.patch = draft.patch();
    return combined;
}

} // namespace

bool EditPlanner::readsWholeFile(const NoteEdit &edit)
{
    return edit.kind == NoteEdit::Kind::Repair || edit.kind == NoteEdit::Kind::ReplaceSummary;
}

Plan EditPlanner::plan(const TextLines &lines, const QString &path, const NoteEdit &edit, QDate today, FileState state)
{
    return plan(lines, path, QList<NoteEdit>{edit}, today, state);
}

Plan EditPlanner::plan(const TextLines &lines, const QString &path, const QList<NoteEdit> &edits, QDate today,
                       FileState state)
{
    if (const EditError error = checkExpectations(lines, path, edits, state); error.isError())
        return failure(error.code, error.message);
    if (edits.size() == 1 && edits.constFirst().kind == NoteEdit::Kind::Repair)
        return repairAll(lines); // needs no parse
    const FileView view = viewOf(lines, path);
    if (edits.size() == 1)
        return planOne(lines, view, path, edits.constFirst(), today, state);
    return planBatch(lines, view, path, edits, today, state);
}

} // namespace debrief
