#include "edit/bulletedit.h"

#include "edit/noteoutline.h"

namespace debrief {

std::optional<LinePatch> BulletEdit::setText(const TextLines &lines, int first, int last, const QString &text)
{
    const QByteArrayView content = lines.content(first);
    qsizetype prefix = NoteOutline::listPrefix(content);
    if (prefix == 0)
        return std::nullopt;
    while (prefix < content.size() && content[prefix] == ' ')
        ++prefix;
    QByteArray after = content.first(prefix).toByteArray() + text.trimmed().toUtf8();
    after += lines.ending(last);
    if (first == last && after == lines.lines.at(first - 1))
        return LinePatch(); // nothing to change, nothing to write
    return LinePatch({LineHunk{first, lines.lines.mid(first - 1, last - first + 1), {after}}});
}

} // namespace debrief
