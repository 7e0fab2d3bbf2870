// Random edits and their inverses on fuzzed notes must round-trip byte for byte, and a line edit
// must leave every other line alone.
#include "base/textlines.h"
#include "edit/editplanner.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

using namespace debrief;

namespace {

void check(bool condition)
{
    if (!condition)
        std::abort();
}

NoteEdit pickEdit(uint8_t selector, int line)
{
    switch (selector % 12) {
    case 0: return NoteEdit::setStatus(line, TaskEdit::StatusAction::Accept);
    case 1: return NoteEdit::setStatus(line, TaskEdit::StatusAction::Reject);
    case 2: return NoteEdit::setStatus(line, TaskEdit::StatusAction::Done);
    case 3: return NoteEdit::setStatus(line, TaskEdit::StatusAction::Reopen);
    case 4: {
        NoteEdit e = NoteEdit::change(line);
        e.owner = (selector & 0x80) ? QString() : QStringLiteral("Ann");
        return e;
    }
    case 5: {
        NoteEdit e = NoteEdit::change(line);
        e.due = (selector & 0x80) ? QDate() : QDate(2026, 1, 2);
        return e;
    }
    case 6: {
        NoteEdit e = NoteEdit::change(line);
        e.priority = (selector & 0x80) ? Priority::None : Priority::High;
        return e;
    }
    case 7: {
        NoteEdit e = NoteEdit::change(line);
        e.text = QStringLiteral("New text");
        return e;
    }
    case 8: return NoteEdit::remove(line);
    case 9: return NoteEdit::addActionItem(QStringLiteral("Added"));
    case 10: return NoteEdit::addDecision(QStringLiteral("Added"));
    default: return NoteEdit::repair();
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 3 || size > 64 * 1024)
        return 0;
    const QByteArray bytes(reinterpret_cast<const char *>(data) + 3, qsizetype(size - 3));
    const TextLines lines = TextLines::split(bytes);
    check(lines.join() == bytes);
    const int line = lines.count() ? 1 + (data[1] | data[2] << 8) % lines.count() : 1;
    const NoteEdit edit = pickEdit(data[0], line);
    const EditPlanner::Plan plan = EditPlanner::plan(lines, QStringLiteral("fuzz.md"), edit, QDate(2026, 11, 21));
    if (!plan.ok())
        return 0;
    TextLines edited = lines;
    const std::optional<LinePatch> applied = plan.patch.apply(edited, LinePatch::Mode::Exact);
    check(applied.has_value());
    if (edit.kind == NoteEdit::Kind::Status || edit.kind == NoteEdit::Kind::Change) {
        check(edited.count() == lines.count());
        for (int n = 1; n <= lines.count(); ++n)
            check(n == line || edited.lines.at(n - 1) == lines.lines.at(n - 1));
    }
    check(applied->inverse().apply(edited, LinePatch::Mode::Exact).has_value());
    check(edited.join() == bytes);
    return 0;
}
