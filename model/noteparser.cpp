#include "noteparser.h"

#include <cmark-gfm-core-extensions.h>

#include <mutex>

namespace debrief {

void NoteParser::registerMarkdownExtensions()
{
    static std::once_flag once;
    std::call_once(once, [] { cmark_gfm_core_extensions_ensure_registered(); });
}

} // namespace debrief
