#include "edit/sectionedit.h"

#include "edit/taskedit.h"

#include <QDir>

namespace debrief {

namespace {

using Plan = EditPlanner::Plan;

QByteArray withEnding(QByteArrayView line, QByteArrayView ending)
{
    QByteArray result = TextLines::contentOf(line).toByteArray();
    result += ending;
    return result;
}

qsizetype indentOf(QByteArrayView content)
{
    qsizetype i = 0;
    while (i < content.size() && (content[i] == ' ' || content[i] == '\t'))
        ++i;
    return i;
}

// "- ", "  * ", "3. " -> the prefix of the item that follows it ("4. " for a numbered list).
QByteArray nextPrefix(QByteArrayView content)
{
    const qsizetype length = NoteOutline::listPrefix(content);
    QByteArray prefix = content.first(length).toByteArray();
    if (!prefix.endsWith(' ') && !prefix.endsWith('\t'))
        prefix += ' ';
    qsizetype digits = indentOf(prefix);
    qsizetype end = digits;
    while (end < prefix.size() && prefix[end] >= '0' && prefix[end] <= '9')
        ++end;
    if (end > digits) {
        const long long number = prefix.mid(digits, end - digits).toLongLong() + 1;
        prefix.replace(digits, end - digits, QByteArray::number(number));
    }
    return prefix;
}

// The level the note's own sections use.
int sectionLevel(const NoteOutline &outline)
{
    for (const char *name : {"Summary", "Action Items", "Decisions", "Key Information", "Related"}) {
        if (const NoteOutline::Heading *heading = outline.section(QString::fromLatin1(name)))
            return heading->level;
    }
    return 2;
}

// Inserts `added` (lines without endings) after line `after` (0: at the very top).
Plan insertAfter(const TextLines &lines, int after, const QList<QByteArray> &added)
{
    const QByteArray ending =
        after >= 1 && !lines.ending(after).isEmpty() ? lines.ending(after).toByteArray() : lines.preferredEnding();
    LineHunk hunk;
    Plan plan;
    if (after >= 1) {
        const QByteArray &anchor = lines.lines.at(after - 1);
        const bool atEndWithoutNewline = TextLines::endingOf(anchor).isEmpty();
        hunk.line = after;
        hunk.before = {anchor};
        hunk.after = {withEnding(anchor, ending)};
        for (qsizetype i = 0; i < added.size(); ++i) {
            const bool last = i + 1 == added.size();
            hunk.after.append(last && atEndWithoutNewline ? added.at(i) : added.at(i) + ending);
        }
    } else if (lines.count() > 0) {
        hunk.line = 1;
        hunk.before = {lines.lines.constFirst()};
        for (const QByteArray &line : added)
            hunk.after.append(line + ending);
        hunk.after.append(lines.lines.constFirst());
    } else {
        hunk.line = 1;
        for (const QByteArray &line : added)
            hunk.after.append(line + ending);
    }
    plan.patch = LinePatch({hunk});
    return plan;
}

int lastNonBlank(const TextLines &lines, int from, int to)
{
    for (int line = to; line >= from; --line) {
        if (!TextLines::isBlank(lines.lines.at(line - 1)))
            return line;
    }
    return 0;
}

} // namespace

Plan SectionEdit::addItem(const TextLines &lines, const NoteOutline &outline, const QString &path, const NoteEdit &edit)
{
    const bool task = edit.kind == NoteEdit::Kind::AddActionItem;
    const QString name = !edit.section.trimmed().isEmpty() ? edit.section.trimmed()
        : task                                             ? QStringLiteral("Action Items")
                                                           : QStringLiteral("Decisions");
    // A name across lines would write two headings, and the second would swallow the item.
    if (name.contains(QLatin1Char('\n')) || name.contains(QLatin1Char('\r'))) {
        Plan plan;
        plan.error = EditError::make(EditError::Code::InvalidEdit,
                                     QStringLiteral("a section name is one line; nothing was written to %1")
                                         .arg(QDir::toNativeSeparators(path)));
        return plan;
    }
    const QString text = edit.text.value_or(QString()).trimmed();
    if (text.isEmpty()) {
        Plan plan;
        plan.error = EditError::make(EditError::Code::InvalidEdit,
                                     QStringLiteral("nothing to add to %1").arg(QDir::toNativeSeparators(path)));
        return plan;
    }
    const QByteArray body = task ? QByteArrayLiteral("[ ] ")
            + TaskEdit::newTaskBody(text, edit.owner.value_or(QString()), edit.due.value_or(QDate()),
                                    edit.priority.value_or(Priority::None))
                                 : TaskEdit::newTaskBody(text, {}, {}, Priority::None);

    if (const NoteOutline::Heading *heading = outline.section(name)) {
        // The section's top-level items: the least indented list lines.
        QList<int> items;
        qsizetype indent = -1;
        for (int line = heading->line + 1; line <= heading->lastLine; ++line) {
            const QByteArrayView content = lines.content(line);
            // A list inside a block quote is another list.
            if (outline.isCode(line) || !NoteOutline::listPrefix(content) || content.trimmed().startsWith('>'))
                continue;
            const qsizetype here = indentOf(content);
            if (indent < 0 || here < indent) {
                indent = here;
                items.clear();
            }
            if (here == indent)
                items.append(line);
        }
        bool loose = false;
        for (qsizetype i = 1; i < items.size() && !loose; ++i) {
            for (int line = items.at(i - 1) + 1; line < items.at(i) && !loose; ++line)
                loose = TextLines::isBlank(lines.lines.at(line - 1));
        }
        int after = lastNonBlank(lines, heading->line, heading->lastLine);
        QByteArray prefix = QByteArrayLiteral("- ");
        if (!items.isEmpty()) {
            // After the last item and what belongs to it (its indented lines), not after a
            // paragraph that follows the list.
            int end = items.constLast();
            for (int line = end + 1; line <= heading->lastLine; ++line) {
                const QByteArrayView content = lines.content(line);
                if (TextLines::isBlank(lines.lines.at(line - 1)))
                    continue;
                if (indentOf(content) <= indent)
                    break;
                end = line;
            }
            after = end;
            prefix = nextPrefix(lines.content(items.constLast()));
        }
        QList<QByteArray> added;
        if (loose)
            added.append(QByteArray());
        added.append(prefix + body);
        Plan plan = insertAfter(lines, after, added);
        plan.line = after + int(added.size());
        return plan;
    }

    // A new section, before the sections that follow it in a note, else at the end.
    QStringList following{QStringLiteral("Key Information"), QStringLiteral("Related")};
    if (task)
        following.prepend(QStringLiteral("Decisions"));
    int before = outline.sourceRuleLine;
    for (const QString &next : following) {
        const NoteOutline::Heading *heading = outline.section(next);
        if (heading && (!before || heading->line < before))
            before = heading->line;
    }
    const QByteArray headingLine = QByteArray(sectionLevel(outline), '#') + ' ' + name.toUtf8();
    QByteArray item = QByteArrayLiteral("- ") + body;
    if (before) {
        const int anchor = before - 1;
        QList<QByteArray> added;
        if (anchor >= 1 && !TextLines::isBlank(lines.lines.at(anchor - 1)))
            added.append(QByteArray());
        added += {headingLine, item, QByteArray()};
        Plan plan = insertAfter(lines, anchor, added);
        plan.line = anchor + int(added.size()) - 1;
        return plan;
    }
    QList<QByteArray> added;
    if (lines.count() > 0 && !TextLines::isBlank(lines.lines.constLast()))
        added.append(QByteArray());
    added += {headingLine, item};
    Plan plan = insertAfter(lines, lines.count(), added);
    plan.line = lines.count() + int(added.size());
    return plan;
}

Plan SectionEdit::replaceSummary(const TextLines &lines, const NoteOutline &outline, const QString &text)
{
    QString normalized = text;
    normalized.replace(QStringLiteral("\r\n"), QStringLiteral("\n")).replace(QLatin1Char('\r'), QLatin1Char('\n'));
    QList<QByteArray> paragraphs;
    for (const QString &line : normalized.trimmed().split(QLatin1Char('\n')))
        paragraphs.append(line.trimmed().toUtf8());
    if (normalized.trimmed().isEmpty())
        paragraphs.clear();

    const NoteOutline::Heading *heading = outline.section(QStringLiteral("Summary"));
    if (!heading) {
        if (paragraphs.isEmpty())
            return {};
        // Before the first section after the title, else at the end.
        int before = 0;
        for (const NoteOutline::Heading &candidate : outline.headings) {
            if (candidate.level >= 2) {
                before = candidate.line;
                break;
            }
        }
        QList<QByteArray> added;
        const int anchor = before ? before - 1 : lines.count();
        if (anchor >= 1 && !TextLines::isBlank(lines.lines.at(anchor - 1)))
            added.append(QByteArray());
        added.append(QByteArray(sectionLevel(outline), '#') + " Summary");
        added.append(QByteArray());
        added += paragraphs;
        if (before)
            added.append(QByteArray());
        Plan plan = insertAfter(lines, anchor, added);
        plan.line = anchor + 1;
        return plan;
    }

    const int last = lastNonBlank(lines, heading->line + 1, heading->lastLine);
    if (!last) {
        if (paragraphs.isEmpty())
            return {};
        Plan plan = insertAfter(lines, heading->line, paragraphs);
        plan.line = heading->line + 1;
        return plan;
    }
    int first = heading->line + 1;
    while (TextLines::isBlank(lines.lines.at(first - 1)))
        ++first;
    // From the heading (kept, as context for the undo) through the last paragraph line.
    LineHunk hunk;
    hunk.line = heading->line;
    for (int line = heading->line; line <= last; ++line)
        hunk.before.append(lines.lines.at(line - 1));
    for (int line = heading->line; line < first; ++line)
        hunk.after.append(lines.lines.at(line - 1));
    const QByteArray ending = lines.preferredEnding();
    for (qsizetype i = 0; i < paragraphs.size(); ++i) {
        const bool isLast = i + 1 == paragraphs.size();
        hunk.after.append(paragraphs.at(i) + (isLast ? lines.ending(last).toByteArray() : ending));
    }
    if (paragraphs.isEmpty() && lines.ending(last).isEmpty())
        hunk.after.last() = TextLines::contentOf(hunk.after.constLast()).toByteArray();
    Plan plan;
    plan.line = first;
    plan.patch = LinePatch({hunk});
    return plan;
}

} // namespace debrief
