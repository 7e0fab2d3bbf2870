#include "edit/linepatch.h"

#include <QHash>

#include <algorithm>
#include <utility>

namespace debrief {

namespace {

bool matchesAt(const TextLines &lines, int line, const QList<QByteArray> &before)
{
    const int index = line - 1;
    if (index < 0 || index + before.size() > lines.lines.size())
        return false;
    for (qsizetype i = 0; i < before.size(); ++i) {
        if (lines.lines.at(index + i) != before.at(i))
            return false;
    }
    return true;
}

// Where each line of a file stands, so that relocating many hunks (the undo of a repair) does not
// scan the whole file for each.
using LineIndex = QHash<QByteArrayView, QList<int>>;

LineIndex indexOf(const TextLines &lines)
{
    LineIndex index;
    for (int line = 1; line <= lines.count(); ++line)
        index[QByteArrayView(lines.lines.at(line - 1))].append(line);
    return index;
}

// The one line where `before` stands, or 0 when it stands nowhere or in several places.
int uniqueMatch(const TextLines &lines, const LineIndex &index, const QList<QByteArray> &before)
{
    int found = 0;
    for (const int line : index.value(QByteArrayView(before.constFirst()))) {
        if (matchesAt(lines, line, before)) {
            if (found)
                return 0;
            found = line;
        }
    }
    return found;
}

bool sortedAndDisjoint(const QList<LineHunk> &hunks)
{
    for (qsizetype i = 1; i < hunks.size(); ++i) {
        const LineHunk &previous = hunks.at(i - 1);
        // An empty `before` occupies no line but still fixes a position.
        const qsizetype previousEnd = previous.line + std::max<qsizetype>(previous.before.size(), 1);
        if (hunks.at(i).line < previousEnd)
            return false;
    }
    return true;
}

} // namespace

LinePatch::LinePatch(QList<LineHunk> hunks)
    : m_hunks(std::move(hunks))
{
    std::stable_sort(m_hunks.begin(), m_hunks.end(),
                     [](const LineHunk &a, const LineHunk &b) { return a.line < b.line; });
}

int LinePatch::changedLines() const
{
    int count = 0;
    for (const LineHunk &hunk : m_hunks) {
        // Context lines that stay the same are not changes.
        qsizetype common = 0;
        while (common < hunk.before.size() && common < hunk.after.size()
               && hunk.before.at(common) == hunk.after.at(common))
            ++common;
        count += int(hunk.before.size() - common + hunk.after.size() - common);
    }
    return count;
}

LinePatch LinePatch::inverse() const
{
    QList<LineHunk> result;
    result.reserve(m_hunks.size());
    qsizetype shift = 0;
    for (const LineHunk &hunk : m_hunks) {
        result.append(LineHunk{int(hunk.line + shift), hunk.after, hunk.before});
        shift += hunk.after.size() - hunk.before.size();
    }
    LinePatch patch;
    patch.m_hunks = std::move(result);
    return patch;
}

std::optional<LinePatch> LinePatch::apply(TextLines &lines, Mode mode, int *failedLine) const
{
    QList<LineHunk> placed = m_hunks;
    const LineIndex index = mode == Mode::Relocate ? indexOf(lines) : LineIndex();
    for (LineHunk &hunk : placed) {
        int line = 0;
        if (hunk.before.isEmpty()) {
            // Only an insertion into an empty file carries no context: in a file that changed
            // since, nothing tells where it belongs.
            if (mode == Mode::Exact && hunk.line >= 1 && hunk.line <= lines.count() + 1)
                line = hunk.line;
        } else if (mode == Mode::Exact) {
            line = matchesAt(lines, hunk.line, hunk.before) ? hunk.line : 0;
        } else {
            // The file changed: its old number proves nothing (lines above may have moved a twin
            // there), so the lines must stand in one place only.
            line = uniqueMatch(lines, index, hunk.before);
        }
        if (!line) {
            if (failedLine)
                *failedLine = hunk.line;
            return std::nullopt;
        }
        hunk.line = line;
    }
    std::stable_sort(placed.begin(), placed.end(),
                     [](const LineHunk &a, const LineHunk &b) { return a.line < b.line; });
    if (!sortedAndDisjoint(placed)) {
        if (failedLine)
            *failedLine = placed.isEmpty() ? 0 : placed.constFirst().line;
        return std::nullopt;
    }

    // Build the new list in one pass: hunks are sorted, so this stays linear in the file.
    QList<QByteArray> result;
    result.reserve(lines.lines.size());
    qsizetype next = 0;
    for (const LineHunk &hunk : placed) {
        const qsizetype index = hunk.line - 1;
        for (; next < index; ++next)
            result.append(lines.lines.at(next));
        result.append(hunk.after);
        next = index + hunk.before.size();
    }
    for (; next < lines.lines.size(); ++next)
        result.append(lines.lines.at(next));
    lines.lines = std::move(result);

    LinePatch applied;
    applied.m_hunks = std::move(placed);
    return applied;
}

} // namespace debrief
