// How long one edit takes, end to end (read, plan, QSaveFile write) and in memory, on a typical
// note and on a note with 20,000 tasks. Prints figures; not run by ctest.
#include "base/textlines.h"
#include "edit/editplanner.h"
#include "edit/noteeditor.h"
#include "edit/notefile.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>

using namespace debrief;

namespace {

QByteArray note(int tasks)
{
    QByteArray bytes = "---\ntype: meeting\ntitle: Bench\ndate: '2026-01-05'\nparticipants:\n- Ann\n- Bo\ntags: "
                       "[type/meeting]\n---\n\n"
                       "# Bench\n\n**Date**: 2026-01-05\n**With**: Ann, Bo\n\n## Summary\nA paragraph of summary "
                       "text.\n\n## Action Items\n";
    for (int i = 0; i < tasks; ++i) {
        bytes += "- [?] Follow up on item " + QByteArray::number(i)
            + " with the team. @Ann Park \xF0\x9F\x93\x85 2026-01-" + QByteArray::number(10 + i % 19)
            + " \xE2\x8F\xAB #task #proposed #auto\n";
    }
    bytes += "\n## Decisions\n- One.\n\n## Key Information\n- Two.\n\n---\n*Source: [[Bench]]*\n";
    return bytes;
}

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.at(values.size() / 2);
}

void measure(const char *name, int tasks, int rounds)
{
    const QByteArray bytes = note(tasks);
    const int target = 20 + tasks / 2; // a task in the middle
    const QDate today(2026, 11, 21);

    QList<double> memory;
    for (int i = 0; i < rounds; ++i) {
        QElapsedTimer timer;
        timer.start();
        TextLines lines = TextLines::split(bytes);
        const EditPlanner::Plan plan = EditPlanner::plan(
            lines, QStringLiteral("bench.md"), NoteEdit::setStatus(target, TaskEdit::StatusAction::Done), today);
        const std::optional<LinePatch> applied = plan.patch.apply(lines, LinePatch::Mode::Exact);
        const QByteArray result = lines.join();
        memory.append(timer.nsecsElapsed() / 1e6);
        if (!applied || result.size() <= bytes.size())
            std::fprintf(stderr, "edit failed\n");
    }

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("bench.md"));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        return;
    file.close();
    QList<double> disk;
    QList<double> undo;
    for (int i = 0; i < rounds; ++i) {
        QElapsedTimer timer;
        timer.start();
        const NoteFile::PatchResult result = NoteEditor::apply(
            path, {NoteEdit::setStatus(target, TaskEdit::StatusAction::Done)}, NoteFile::read(path).stamp, today);
        disk.append(timer.nsecsElapsed() / 1e6);
        timer.restart();
        const NoteFile::PatchResult undone = NoteEditor::undo(path, result.applied, result.stamp);
        undo.append(timer.nsecsElapsed() / 1e6);
        if (!result.ok() || !undone.ok())
            std::fprintf(stderr, "edit failed: %s\n", qPrintable(result.error.message + undone.error.message));
    }
    std::printf(
        "%-22s %6d tasks %9.1f KiB   in memory %8.3f ms   read+edit+write %8.3f ms   undo %8.3f ms   (median of %d)\n",
        name, tasks, bytes.size() / 1024.0, median(memory), median(disk), median(undo), rounds);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    measure("typical note", 13, 200);
    measure("20,000-task note", 20000, 20);
    return 0;
}
