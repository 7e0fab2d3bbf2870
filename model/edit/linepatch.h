#pragma once

#include "base/textlines.h"

#include <QByteArray>
#include <QList>

#include <optional>

namespace debrief {

// One change to a file's lines: at 1-based `line`, the lines `before` (with their endings)
// become `after`. A replacement has one of each; an insertion carries the line before it as
// context (before = {L}, after = {L, new}) so that it can still be found after the file moved.
struct LineHunk
{
    int line = 1;
    QList<QByteArray> before;
    QList<QByteArray> after;

    friend bool operator==(const LineHunk &, const LineHunk &) = default;
};

// A list of hunks, sorted by line and not overlapping, with line numbers of the file before the
// patch. Applying one checks that every `before` is there; its inverse() restores the bytes.
class LinePatch final
{
public:
    enum class Mode {
        Exact,    // every hunk's `before` must stand at its line
        Relocate, // the file changed since: at the one place where those lines stand, wherever it
                  // is; a hunk whose lines stand twice, or that has none (an insertion into an
                  // empty file), cannot be placed
    };

    LinePatch() = default;
    explicit LinePatch(QList<LineHunk> hunks);

    const QList<LineHunk> &hunks() const { return m_hunks; }
    bool isEmpty() const { return m_hunks.isEmpty(); }
    int changedLines() const; // lines removed plus lines added, for messages and tests

    // The patch that undoes this one once it has been applied.
    LinePatch inverse() const;

    // Applies to `lines` in place and returns the patch as applied (relocated line numbers), or
    // nothing when a hunk's lines are not there (then `lines` is untouched and, when given,
    // `failedLine` tells which hunk's line could not be found).
    std::optional<LinePatch> apply(TextLines &lines, Mode mode, int *failedLine = nullptr) const;

    friend bool operator==(const LinePatch &, const LinePatch &) = default;

private:
    QList<LineHunk> m_hunks;
};

} // namespace debrief
