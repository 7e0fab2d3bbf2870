#include "fieldmatch.h"

namespace debrief {

namespace {

template<typename Check>
bool anyListed(QByteArrayView list, Check &&check)
{
    // Lists in the pool separate their values with '\x1f'.
    while (!list.isEmpty()) {
        const qsizetype separator = list.indexOf('\x1f');
        const QByteArrayView value = separator < 0 ? list : list.first(separator);
        if (check(value))
            return true;
        if (separator < 0)
            break;
        list = list.sliced(separator + 1);
    }
    return false;
}

} // namespace

// `needle` is a name's folded words joined by spaces; they must stand together, as whole words,
// in one of the names.
bool FieldMatch::containsRun(QByteArrayView names, QByteArrayView needle)
{
    return anyListed(names, [&](QByteArrayView name) {
        for (qsizetype at = name.indexOf(needle); at >= 0; at = name.indexOf(needle, at + 1)) {
            const qsizetype end = at + needle.size();
            if ((at == 0 || name[at - 1] == ' ') && (end == name.size() || name[end] == ' '))
                return true;
        }
        return false;
    });
}

bool FieldMatch::hasTag(QByteArrayView tags, QByteArrayView value)
{
    // tag:project also finds project/alpha, as Obsidian's nested tags do.
    return anyListed(tags, [&](QByteArrayView tag) {
        return tag == value
            || (tag.size() > value.size() && tag.startsWith(value) && tag[value.size()] == '/');
    });
}

} // namespace debrief
