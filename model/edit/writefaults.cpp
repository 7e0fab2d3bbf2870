#include "edit/writefaults.h"

#include <atomic>

namespace debrief {

namespace {

std::atomic<int> armedStep{0};
std::atomic<int> armedError{0};
std::atomic<int> counted{0};

} // namespace

void WriteFaults::failAt(int step, int error)
{
    counted = 0;
    armedError = error;
    armedStep = step;
}

void WriteFaults::clear()
{
    failAt(0, 0);
}

int WriteFaults::steps()
{
    return counted;
}

int WriteFaults::next()
{
    if (armedStep.load(std::memory_order_relaxed) == 0)
        return 0;
    const int step = ++counted;
    return step == armedStep ? armedError.load() : 0;
}

} // namespace debrief
