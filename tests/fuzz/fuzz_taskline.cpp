// libFuzzer harness for the byte-level task line parser and the mojibake repair: any input must
// parse without reading outside the line, with spans in order, and repairBytes never grows it.
#include "base/textrepair.h"
#include "parse/taskline.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using debrief::TaskLine;
    using debrief::TextRepair;

    const QByteArrayView line(reinterpret_cast<const char *>(data), qsizetype(size));
    if (const std::optional<TaskLine> task = TaskLine::parse(line)) {
        if (task->descriptionBegin > task->descriptionEnd || task->descriptionEnd > line.size())
            std::abort();
        qsizetype previous = task->descriptionBegin;
        for (const TaskLine::Field &field : task->fields) {
            if (field.begin < previous || field.begin >= field.end || field.end > line.size())
                std::abort();
            previous = field.end;
        }
        task->toActionItem(line);
    }
    // Repair only ever shortens: every run of two or more characters becomes one.
    if (TextRepair::repairBytes(line).size() > line.size())
        std::abort();
    TextRepair::repair(QString::fromUtf8(line));
    return 0;
}
