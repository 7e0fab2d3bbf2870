// libFuzzer harness for reading a note. Build with clang (see CMakeLists.txt), then e.g.
//   build-fuzz/tests/fuzz/fuzz_note -max_total_time=600 -max_len=65536 corpus/ resources/sample-vault/Meetings
//
// The first input byte picks a mode, so one harness covers both kinds of hostile input:
//   even: the rest is a note as it is;
//   odd:  the rest is a chunk repeated up to (second byte + 1) * 2 KiB (at most 512 KiB),
//         to catch work that grows faster than the input (libFuzzer's -timeout reports it).
#include "base/textrepair.h"
#include "parse/frontmatter.h"
#include "parse/noteparser.h"
#include "parse/taskline.h"

#include <QByteArray>
#include <QString>

#include <cstddef>
#include <cstdint>
#include <cstdlib>

namespace {

QByteArray repeatedChunk(const uint8_t *data, size_t size)
{
    if (size < 2)
        return {};
    const qsizetype target = (qsizetype(data[0]) + 1) * 2048;
    const QByteArray chunk(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
    QByteArray bytes;
    bytes.reserve(target);
    while (bytes.size() < target)
        bytes += chunk;
    bytes.truncate(target);
    return bytes;
}

void exerciseLines(const QByteArray &bytes)
{
    qsizetype start = 0;
    while (start <= bytes.size()) {
        qsizetype end = bytes.indexOf('\n', start);
        if (end < 0)
            end = bytes.size();
        const QByteArrayView line(bytes.constData() + start, end - start);
        if (const auto task = debrief::TaskLine::parse(line)) {
            // The spans other code slices with must stay inside the line and in order.
            if (task->statusBegin > task->statusEnd || task->descriptionBegin > task->descriptionEnd
                || task->descriptionEnd > line.size())
                std::abort();
            for (const auto &field : task->fields) {
                if (field.begin < 0 || field.begin >= field.end || field.end > line.size())
                    std::abort();
            }
            (void)task->toActionItem(line);
        }
        start = end + 1;
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    const bool repeat = data[0] & 1;
    const QByteArray bytes = repeat ? repeatedChunk(data + 1, size - 1)
                                    : QByteArray(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));

    const debrief::Note note = debrief::NoteParser::parse(bytes, QStringLiteral("/vault/fuzz.md"));
    // Every line number handed to the UI and to write-back must point into the file.
    for (const auto &item : note.actionItems) {
        if (item.line < 1 || item.line > note.lineCount)
            std::abort();
    }
    (void)debrief::Frontmatter::parse(bytes);
    exerciseLines(bytes);

    const QString text = QString::fromUtf8(bytes);
    const QString repaired = debrief::TextRepair::repair(text);
    // Repair is one layer deep by design, but already-repaired text must not change again
    // unless it still holds a second layer of mojibake; at the least it must not grow.
    if (repaired.size() > text.size())
        std::abort();
    (void)debrief::TextRepair::repairBytes(bytes);
    return 0;
}
