#include "search/fieldmatch.h"

#include <algorithm>

namespace debrief {

namespace {

template<typename Check>
bool anyListed(QByteArrayView list, Check &&check)
{
    // Lists in the pool separate their values with '\x1f'. Values are short: plain loops beat
    // memchr's call overhead when an owner query checks every item of a large vault.
    while (!list.isEmpty()) {
        qsizetype separator = 0;
        while (separator < list.size() && list[separator] != '\x1f')
            ++separator;
        if (separator == list.size())
            separator = -1;
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
        // Only word starts can begin a match.
        for (qsizetype at = 0; at + needle.size() <= name.size(); ++at) {
            if (at > 0 && name[at - 1] != ' ')
                continue;
            const qsizetype end = at + needle.size();
            if ((end == name.size() || name[end] == ' ') && std::equal(needle.begin(), needle.end(), name.begin() + at))
                return true;
        }
        return false;
    });
}

bool FieldMatch::hasTag(QByteArrayView tags, QByteArrayView value)
{
    // tag:project also finds project/alpha, as Obsidian's nested tags do.
    return anyListed(tags, [&](QByteArrayView tag) {
        return tag == value || (tag.size() > value.size() && tag.startsWith(value) && tag[value.size()] == '/');
    });
}

} // namespace debrief
