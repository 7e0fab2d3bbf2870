#include "parse/obsidiancomments.h"

namespace debrief {

namespace {

// A fence line: up to three spaces (after any '>' quote markers), then three or more '`' or '~'.
// Returns the fence's character and sets *length, or returns 0.
char fenceOf(QByteArrayView line, qsizetype *length)
{
    qsizetype i = 0;
    while (i < line.size() && (line[i] == '>' || line[i] == ' ' || line[i] == '\t')) {
        if (line[i] == '\t')
            return 0; // a tab indents by four: indented code, not a fence
        ++i;
    }
    if (i >= line.size() || (line[i] != '`' && line[i] != '~'))
        return 0;
    const char c = line[i];
    qsizetype run = 0;
    while (i + run < line.size() && line[i + run] == c)
        ++run;
    if (run < 3)
        return 0;
    *length = run;
    return c;
}

} // namespace

QByteArray ObsidianComments::blank(QByteArrayView bytes)
{
    if (!bytes.contains("%%"))
        return {};
    QByteArray result = bytes.toByteArray();
    bool inComment = false;
    char fence = 0;
    qsizetype fenceLength = 0;
    bool changed = false;
    qsizetype lineBegin = 0;
    while (lineBegin < bytes.size()) {
        qsizetype lineEnd = lineBegin;
        while (lineEnd < bytes.size() && bytes[lineEnd] != '\n' && bytes[lineEnd] != '\r')
            ++lineEnd;
        const QByteArrayView line = bytes.sliced(lineBegin, lineEnd - lineBegin);
        qsizetype length = 0;
        const char lineFence = inComment ? 0 : fenceOf(line, &length);
        if (fence) {
            if (lineFence == fence && length >= fenceLength)
                fence = 0; // a closing fence (whatever follows it is not read here)
        } else if (lineFence) {
            fence = lineFence;
            fenceLength = length;
        } else {
            for (qsizetype i = 0; i < line.size(); ++i) {
                if (!inComment && line[i] == '`') {
                    // A code span: the same run of backticks closes it on this line.
                    qsizetype run = 1;
                    while (i + run < line.size() && line[i + run] == '`')
                        ++run;
                    const qsizetype close = line.indexOf(line.sliced(i, run), i + run);
                    i = close < 0 ? i + run - 1 : close + run - 1;
                    continue;
                }
                if (line[i] == '%' && i + 1 < line.size() && line[i + 1] == '%') {
                    result[lineBegin + i] = ' ';
                    result[lineBegin + i + 1] = ' ';
                    inComment = !inComment;
                    changed = true;
                    ++i;
                    continue;
                }
                if (inComment)
                    result[lineBegin + i] = ' ';
            }
        }
        // The line ending, then the next line.
        if (lineEnd < bytes.size() && bytes[lineEnd] == '\r' && lineEnd + 1 < bytes.size()
            && bytes[lineEnd + 1] == '\n')
            ++lineEnd;
        lineBegin = lineEnd + 1;
    }
    return changed ? result : QByteArray();
}

} // namespace debrief
