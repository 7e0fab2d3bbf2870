#include "edit/editdraft.h"

#include <algorithm>

namespace debrief {

EditDraft::EditDraft(const TextLines &original)
    : m_original(original)
    , m_lines(original)
{
    m_origin.reserve(original.count());
    for (int line = 1; line <= original.count(); ++line)
        m_origin.append(line);
}

int EditDraft::lineOf(int original) const
{
    // Edits never reorder lines, so origins only grow: a binary search would do, but the zeros of
    // changed lines are in the way and a batch is small.
    const qsizetype index = m_origin.indexOf(original);
    return index < 0 ? 0 : int(index + 1);
}

void EditDraft::replace(int line, const QByteArray &content)
{
    QByteArray &bytes = m_lines.lines[line - 1];
    if (TextLines::contentOf(bytes) == content)
        return;
    bytes = content + TextLines::endingOf(bytes).toByteArray();
    m_origin[line - 1] = 0;
    m_changed = true;
}

void EditDraft::remove(int first, int last)
{
    const bool endedFile = last == m_lines.count();
    const bool noFinalNewline = endedFile && TextLines::endingOf(m_lines.lines.constLast()).isEmpty();
    m_lines.lines.remove(first - 1, last - first + 1);
    m_origin.remove(first - 1, last - first + 1);
    if (noFinalNewline && first > 1) {
        QByteArray &now = m_lines.lines[first - 2];
        now = TextLines::contentOf(now).toByteArray(); // same text: still the same line
    }
    m_changed = true;
}

bool EditDraft::apply(const LinePatch &patch)
{
    if (patch.isEmpty())
        return true;
    const std::optional<LinePatch> applied = patch.apply(m_lines, LinePatch::Mode::Exact);
    if (!applied)
        return false;
    // From the last hunk up, so that the line numbers of the ones before stay right. Lines at
    // either end of a hunk that keep their text (its context) keep their origin.
    const QList<LineHunk> &hunks = applied->hunks();
    for (auto hunk = hunks.crbegin(); hunk != hunks.crend(); ++hunk) {
        const qsizetype before = hunk->before.size();
        const qsizetype after = hunk->after.size();
        const auto same = [&](qsizetype b, qsizetype a) {
            return TextLines::contentOf(hunk->before.at(b)) == TextLines::contentOf(hunk->after.at(a));
        };
        qsizetype head = 0;
        while (head < before && head < after && same(head, head))
            ++head;
        qsizetype tail = 0;
        while (tail < before - head && tail < after - head && same(before - 1 - tail, after - 1 - tail))
            ++tail;
        const qsizetype at = hunk->line - 1;
        QList<int> origins = m_origin.first(at + head);
        origins.insert(origins.size(), after - head - tail, 0);
        origins += m_origin.sliced(at + before - tail);
        m_origin = std::move(origins);
    }
    m_changed = true;
    return true;
}

namespace {

constexpr int maxContext = 6;

// Whether lines [from, to) (0-based) of `lines` stand nowhere else in it. An empty range stands
// anywhere.
bool occursOnce(const TextLines &lines, int from, int to)
{
    if (from >= to)
        return false;
    const qsizetype length = to - from;
    for (qsizetype at = 0; at + length <= lines.lines.size(); ++at) {
        if (at == from || lines.lines.at(at) != lines.lines.at(from))
            continue;
        bool same = true;
        for (qsizetype i = 1; same && i < length; ++i)
            same = lines.lines.at(at + i) == lines.lines.at(from + i);
        if (same)
            return false;
    }
    return true;
}

} // namespace

LinePatch EditDraft::patch() const
{
    // Runs of change between the lines that are still there as they were: original lines
    // [o1, o2) became draft lines [f1, f2) (0-based, end excluded).
    struct Run
    {
        int o1, o2, f1, f2;
    };
    const int originalCount = m_original.count();
    const int count = m_lines.count();
    QList<Run> runs;
    int o = 0;
    int f = 0;
    for (int j = 0; j < count; ++j) {
        const int origin = m_origin.at(j);
        if (!origin || m_lines.lines.at(j) != m_original.lines.at(origin - 1))
            continue;
        if (o < origin - 1 || f < j)
            runs.append(Run{o, origin - 1, f, j});
        o = origin;
        f = j + 1;
    }
    if (o < originalCount || f < count)
        runs.append(Run{o, originalCount, f, count});

    // Whether original line o (0-based) stands unchanged as draft line f.
    const auto unchanged = [&](int o, int f) {
        return o >= 0 && f >= 0 && o < originalCount && f < count && m_origin.at(f) == o + 1
            && m_lines.lines.at(f) == m_original.lines.at(o);
    };
    QList<Run> merged;
    for (Run run : runs) {
        if (run.o1 == run.o2 || run.f1 == run.f2) {
            if (run.o1 > 0) { // the unchanged line before
                --run.o1;
                --run.f1;
            } else if (run.o2 < originalCount) { // else the one after
                ++run.o2;
                ++run.f2;
            }
        }
        // In a file changed since, a hunk (and its undo) is placed only where its lines stand
        // once: a lone blank line of a loose list stands everywhere. Unchanged lines around it
        // are added until both sides are unique, or a few are.
        for (int widened = 0; widened < maxContext; ++widened) {
            if (occursOnce(m_original, run.o1, run.o2) && occursOnce(m_lines, run.f1, run.f2))
                break;
            if (unchanged(run.o1 - 1, run.f1 - 1)) {
                --run.o1;
                --run.f1;
            } else if (unchanged(run.o2, run.f2)) {
                ++run.o2;
                ++run.f2;
            } else {
                break;
            }
        }
        // Context can make two runs meet: then they are one hunk.
        if (!merged.isEmpty() && run.o1 < merged.constLast().o2) {
            merged.last().o2 = std::max(merged.constLast().o2, run.o2);
            merged.last().f2 = std::max(merged.constLast().f2, run.f2);
        } else {
            merged.append(run);
        }
    }

    QList<LineHunk> hunks;
    hunks.reserve(merged.size());
    for (const Run &run : merged) {
        hunks.append(LineHunk{run.o1 + 1, m_original.lines.mid(run.o1, run.o2 - run.o1),
                              m_lines.lines.mid(run.f1, run.f2 - run.f1)});
    }
    return LinePatch(std::move(hunks));
}

} // namespace debrief
