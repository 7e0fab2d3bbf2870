#include "edit/noteoutline.h"

#include "parse/frontmatter.h"

namespace debrief {

namespace {

qsizetype leadingSpaces(QByteArrayView content)
{
    qsizetype i = 0;
    while (i < content.size() && content[i] == ' ')
        ++i;
    return i;
}

// "```" or "~~~" (three or more) after at most three spaces: the fence's character and length.
std::pair<char, qsizetype> fence(QByteArrayView content)
{
    const qsizetype indent = leadingSpaces(content);
    if (indent > 3 || indent >= content.size())
        return {0, 0};
    const char c = content[indent];
    if (c != '`' && c != '~')
        return {0, 0};
    qsizetype length = 0;
    while (indent + length < content.size() && content[indent + length] == c)
        ++length;
    return length >= 3 ? std::pair{c, length} : std::pair{char(0), qsizetype(0)};
}

} // namespace

NoteOutline NoteOutline::scan(const TextLines &lines)
{
    NoteOutline outline;
    const int count = lines.count();
    outline.m_code.fill(false, count);
    if (count > 0 && lines.content(1).trimmed() == "---") {
        const Frontmatter frontmatter = Frontmatter::parse(lines.join());
        if (frontmatter.present && frontmatter.terminated) {
            outline.bodyStart = frontmatter.lineCount + 1;
            for (int i = 0; i < frontmatter.lineCount && i < count; ++i)
                outline.m_code[i] = true;
        }
    }

    std::pair<char, qsizetype> open{0, 0};
    for (int line = outline.bodyStart; line <= count; ++line) {
        const QByteArrayView content = lines.content(line);
        const auto [c, length] = fence(content);
        if (open.first) {
            outline.m_code[line - 1] = true;
            if (c == open.first && length >= open.second
                && content.trimmed().size() == length) // a closing fence has nothing after it
                open = {0, 0};
            continue;
        }
        if (c) {
            open = {c, length};
            outline.m_code[line - 1] = true;
            continue;
        }
        if (content.trimmed() == "---" && !outline.sourceRuleLine) {
            int next = line + 1;
            while (next <= count && TextLines::isBlank(lines.lines.at(next - 1)))
                ++next;
            if (next <= count) {
                const QByteArrayView text = lines.content(next).trimmed();
                if (text.startsWith("*Source:") || text.startsWith("_Source:"))
                    outline.sourceRuleLine = line;
            }
        }
    }

    return outline;
}

void NoteOutline::useSections(const QList<Section> &sections)
{
    headings.clear();
    for (const Section &section : sections) {
        Heading heading{section.headingLine, section.level, section.name.trimmed(), section.lastLine};
        if (sourceRuleLine > heading.line && sourceRuleLine <= heading.lastLine)
            heading.lastLine = sourceRuleLine - 1;
        headings.append(heading);
    }
}

const NoteOutline::Heading *NoteOutline::section(const QString &name) const
{
    for (const Heading &heading : headings) {
        if (heading.text.compare(name.trimmed(), Qt::CaseInsensitive) == 0)
            return &heading;
    }
    return nullptr;
}

bool NoteOutline::isCode(int line) const
{
    return line >= 1 && line <= m_code.size() && m_code.at(line - 1);
}

qsizetype NoteOutline::listPrefix(QByteArrayView content)
{
    qsizetype i = 0;
    while (i < content.size() && (content[i] == ' ' || content[i] == '\t'))
        ++i;
    while (i < content.size() && content[i] == '>') { // block quotes
        ++i;
        while (i < content.size() && content[i] == ' ')
            ++i;
    }
    if (i < content.size() && (content[i] == '-' || content[i] == '*' || content[i] == '+')) {
        ++i;
    } else {
        const qsizetype digits = i;
        while (i < content.size() && content[i] >= '0' && content[i] <= '9' && i - digits < 9)
            ++i;
        if (i == digits || i >= content.size() || (content[i] != '.' && content[i] != ')'))
            return 0;
        ++i;
    }
    if (i < content.size() && content[i] != ' ' && content[i] != '\t')
        return 0;
    if (i >= content.size())
        return i; // an empty item
    return i + 1;
}

} // namespace debrief
