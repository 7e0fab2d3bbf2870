#include "search/indexformat.h"

namespace debrief::indexformat {

SectionCode sectionCode(const QString &folded)
{
    if (folded.isEmpty())
        return NoSection;
    if (folded.startsWith(u"summary"))
        return Summary;
    if (folded.startsWith(u"decision"))
        return Decisions;
    if (folded.contains(u"action") || folded.startsWith(u"task"))
        return Actions;
    if (folded.startsWith(u"key"))
        return Key;
    if (folded.startsWith(u"related"))
        return Related;
    return OtherSection;
}

} // namespace debrief::indexformat
