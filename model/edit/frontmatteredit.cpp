#include "edit/frontmatteredit.h"

#include "parse/frontmatter.h"

#include <QDir>

namespace debrief {

namespace {

using Plan = EditPlanner::Plan;

Plan failure(const QString &message)
{
    Plan plan;
    plan.error = EditError::make(EditError::Code::InvalidEdit, message);
    return plan;
}

// Where the block is: its closing line (1-based), 0 when the file has no frontmatter; -1 when it
// opens but never closes (Obsidian then reads it all as Markdown, and a new block above it would
// turn the old opening line into a rule).
int closingLine(const TextLines &lines)
{
    if (lines.count() == 0 || lines.content(1).trimmed() != "---")
        return 0;
    const Frontmatter frontmatter = Frontmatter::parse(lines.join());
    if (!frontmatter.terminated)
        return -1;
    return frontmatter.lineCount;
}

// A top-level "key:" (no indentation), followed by a space, a tab or nothing.
bool isKeyLine(QByteArrayView content, const QByteArray &key)
{
    if (!content.startsWith(key) || content.size() <= key.size() || content.at(key.size()) != ':')
        return false;
    return content.size() == key.size() + 1 || content.at(key.size() + 1) == ' ' || content.at(key.size() + 1) == '\t';
}

// Lines that belong to the value above them: indented, or a block sequence's "- ".
bool continuesValue(QByteArrayView content)
{
    return !content.isEmpty() && (content.at(0) == ' ' || content.at(0) == '\t' || content.startsWith("- "));
}

} // namespace

int FrontmatterEdit::keyLine(const TextLines &lines, const QString &key)
{
    const int close = closingLine(lines);
    const QByteArray name = key.toUtf8();
    for (int line = 2; line < close; ++line) {
        if (isKeyLine(lines.content(line), name))
            return line;
    }
    return 0;
}

Plan FrontmatterEdit::set(const TextLines &lines, const QString &path, const QString &key,
                          const std::optional<QString> &value)
{
    const QByteArray name = key.toUtf8();
    if (name.isEmpty() || name.contains(':') || name.contains('\n') || name.contains('\r'))
        return failure(QStringLiteral("%1: not a frontmatter key: %2").arg(QDir::toNativeSeparators(path), key));
    const QByteArray bytes = value ? value->toUtf8() : QByteArray();
    if (bytes.contains('\n') || bytes.contains('\r'))
        return failure(QStringLiteral("%1: a frontmatter value on several lines").arg(QDir::toNativeSeparators(path)));
    const int close = closingLine(lines);
    if (close < 0)
        return failure(QStringLiteral("%1: the frontmatter is never closed; nothing was written")
                           .arg(QDir::toNativeSeparators(path)));
    Plan plan;
    if (const int line = keyLine(lines, key)) {
        int last = line;
        while (last + 1 < close && continuesValue(lines.content(last + 1)))
            ++last;
        QList<QByteArray> before = lines.lines.mid(line - 1, last - line + 1);
        QList<QByteArray> after;
        if (value) {
            const QByteArrayView content = lines.content(line);
            qsizetype valueStart = name.size() + 1;
            while (valueStart < content.size() && (content.at(valueStart) == ' ' || content.at(valueStart) == '\t'))
                ++valueStart;
            QByteArray separator = content.sliced(name.size() + 1, valueStart - name.size() - 1).toByteArray();
            if (separator.isEmpty())
                separator = " ";
            after.append(name + ':' + separator + bytes + lines.ending(line).toByteArray());
        }
        plan.line = line;
        if (!value && close == 3 && line == 2) {
            // The key was all the block held (as when it was added to a note without one): the
            // block goes with it, so that marking and unmarking gives back the same bytes.
            before = lines.lines.mid(0, 3);
            plan.line = 1;
            plan.patch = LinePatch({LineHunk{1, std::move(before), {}}});
            return plan;
        }
        if (before != after)
            plan.patch = LinePatch({LineHunk{line, std::move(before), std::move(after)}});
        return plan;
    }
    if (!value)
        return plan; // nothing to remove
    if (close > 0) {
        // At the end of the block, in the ending of the block's own last line.
        const int last = close - 1;
        const QByteArray newLine = name + ": " + bytes + lines.ending(last).toByteArray();
        plan.line = close;
        plan.patch = LinePatch({LineHunk{last, {lines.lines.at(last - 1)}, {lines.lines.at(last - 1), newLine}}});
        return plan;
    }
    const QByteArray ending = lines.preferredEnding();
    QList<QByteArray> block{"---" + ending, name + ": " + bytes + ending, "---" + ending};
    plan.line = 2;
    if (lines.count() == 0) {
        plan.patch = LinePatch({LineHunk{1, {}, block}});
    } else {
        block.append(lines.lines.at(0));
        plan.patch = LinePatch({LineHunk{1, {lines.lines.at(0)}, block}});
    }
    return plan;
}

} // namespace debrief
