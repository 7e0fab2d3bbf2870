#include "parse/markdownbody.h"

#include "base/lineindex.h"
#include "base/textrepair.h"
#include "parse/cmarkdocument.h"
#include "parse/inlinescanner.h"
#include "parse/obsidiancomments.h"
#include "parse/taskline.h"

#include <cmark-gfm.h>

#include <QSet>

#include <algorithm>
#include <cstring>

namespace debrief {

namespace {

// "**Date**: value" or "**Date:** value" (label compared case-insensitively); empty otherwise.
QByteArrayView labelValue(QByteArrayView line, QByteArrayView label)
{
    line = line.trimmed();
    if (!line.startsWith("**") || line.size() < label.size() + 5)
        return {};
    const QByteArrayView name = line.sliced(2, label.size());
    if (name.compare(label, Qt::CaseInsensitive) != 0)
        return {};
    const QByteArrayView rest = line.sliced(2 + label.size());
    if (rest.startsWith("**:"))
        return rest.sliced(3).trimmed();
    if (rest.startsWith(":**"))
        return rest.sliced(3).trimmed();
    return {};
}

// Mojibake is made of non-ASCII characters: a pure ASCII line needs no closer look.
bool hasNonAscii(QByteArrayView bytes)
{
    for (const char c : bytes) {
        if (static_cast<unsigned char>(c) >= 0x80)
            return true;
    }
    return false;
}

bool looksLikeDelimiterRow(QByteArrayView line)
{
    bool pipe = false;
    bool dash = false;
    for (const char c : line) {
        if (c == '|')
            pipe = true;
        else if (c == '-')
            dash = true;
        else if (c != ':' && c != ' ' && c != '\t' && c != '>')
            return false;
    }
    return pipe && dash;
}

// cmark-gfm 0.29.0.gfm.6's table extension is quadratic twice over: it re-reads the whole
// paragraph above every line that looks like a delimiter row, and it walks a row's cell list
// for every cell it adds (seconds for a long note either way). Notes hold a few small tables:
// past these limits, tables are read as paragraphs.
constexpr int maxDelimiterRows = 64;
constexpr qsizetype maxCellsPerRow = 128;

// Whether `text` holds `c` twice in a row ("[[", "**"). QByteArrayView::contains() goes through
// a general substring search, measurably slow for the tens of short texts of every note.
bool hasPair(QByteArrayView text, char c)
{
    const char *at = text.data();
    const char *end = at + text.size();
    while (end - at >= 2) {
        at = static_cast<const char *>(std::memchr(at, c, size_t(end - at - 1)));
        if (!at)
            return false;
        if (at[1] == c)
            return true;
        at += 1;
    }
    return false;
}

// Whether cmark-gfm's table extension can read this body in reasonable time.
bool tablesAreSafe(const LineIndex &lines, int firstLine)
{
    int delimiterRows = 0;
    for (int number = firstLine; number <= lines.count(); ++number) {
        const QByteArrayView line = lines.line(number);
        if (std::count(line.begin(), line.end(), '|') > maxCellsPerRow)
            return false;
        if (looksLikeDelimiterRow(line) && ++delimiterRows > maxDelimiterRows)
            return false;
    }
    return true;
}

// Why a field that is there says nothing (TaskLine::Field::valid).
QString invalidFieldMessage(const TaskLine::Field &field)
{
    using Kind = TaskLine::FieldKind;
    if (field.kind == Kind::OnCompletion)
        return QStringLiteral("unknown on-completion action '%1' (Obsidian Tasks knows delete and keep)")
            .arg(field.value);
    const char *name = field.kind == Kind::Due ? "due"
        : field.kind == Kind::Scheduled        ? "scheduled"
        : field.kind == Kind::Start            ? "start"
        : field.kind == Kind::Created          ? "created"
        : field.kind == Kind::DoneDate         ? "done"
        : field.kind == Kind::CancelledDate    ? "cancelled"
                                               : "a";
    return QStringLiteral("the %1 date %2 does not exist: the action item has no %1 date")
        .arg(QLatin1StringView(name), field.value);
}

bool isTable(cmark_node *node)
{
    return std::strcmp(cmark_node_get_type_string(node), "table") == 0;
}

} // namespace

MarkdownBody::MarkdownBody(const LineIndex &lines, int lineOffset, bool titleKnown, Note *note)
    : m_lines(lines)
    , m_offset(lineOffset)
    , m_titleKnown(titleKnown)
    , m_note(note)
{
}

void MarkdownBody::parse(QByteArrayView body)
{
    // Markdown extensions that change which lines are list items, headings or tables. Autolink
    // is left out: it only turns bare URLs into links, which changes no text we show, and the
    // cmark-gfm 0.29.0.gfm.6 our distributions ship has known slow paths in it.
    using Extension = CmarkDocument::Extension;
    QList<Extension> extensions{Extension::Strikethrough, Extension::Tasklist};
    if (tablesAreSafe(m_lines, m_offset + 1))
        extensions.append(Extension::Table);
    // Obsidian comments are read as blank, like nothing at all: no tasks, links, tags or text.
    // Task lines themselves are still read as written (a comment inside one stays in its text).
    m_visible = ObsidianComments::blank(body);
    if (!m_visible.isEmpty()) {
        m_bodyBegin = body.data() - m_lines.bytes().data();
        body = m_visible;
    }
    const CmarkDocument document(body, extensions, CmarkDocument::Input::ValidateUtf8);
    if (document.root())
        walk(document.root());

    // Sections still open run to the end of the file.
    for (const qsizetype index : std::as_const(m_openSections))
        m_note->sections[index].lastLine = qMax(m_lines.count(), m_note->sections[index].headingLine);

    m_note->summary = m_summary.join(QStringLiteral("\n\n"));

    // Obsidian treats tags case-insensitively: keep the first spelling of each.
    QSet<QString> seen;
    for (const QString &tag : std::as_const(m_tags)) {
        const QString key = tag.toLower();
        if (!seen.contains(key)) {
            seen.insert(key);
            m_note->bodyTags.append(tag);
        }
    }
}

void MarkdownBody::walk(cmark_node *document)
{
    cmark_iter *iter = cmark_iter_new(document);
    cmark_event_type event;
    while ((event = cmark_iter_next(iter)) != CMARK_EVENT_DONE) {
        cmark_node *node = cmark_iter_get_node(iter);
        const cmark_node_type type = cmark_node_get_type(node);
        if (event == CMARK_EVENT_EXIT) {
            if (type == CMARK_NODE_ITEM && !m_items.isEmpty())
                m_items.removeLast();
            else if (type == CMARK_NODE_BLOCK_QUOTE)
                --m_quoteDepth;
            continue;
        }
        switch (type) {
        case CMARK_NODE_BLOCK_QUOTE: ++m_quoteDepth; break;
        case CMARK_NODE_ITEM: enterItem(node); break;
        case CMARK_NODE_PARAGRAPH:
            paragraph(node);
            cmark_iter_reset(iter, node, CMARK_EVENT_EXIT); // its inlines are read already
            break;
        case CMARK_NODE_HEADING:
            heading(node);
            cmark_iter_reset(iter, node, CMARK_EVENT_EXIT);
            break;
        case CMARK_NODE_CODE_BLOCK:
        case CMARK_NODE_HTML_BLOCK: break; // neither tasks, links, tags nor searchable text
        case CMARK_NODE_DOCUMENT:
        case CMARK_NODE_LIST:
        case CMARK_NODE_THEMATIC_BREAK: break;
        default: // extension blocks are known by name only
            if (isTable(node)) {
                table(node);
                cmark_iter_reset(iter, node, CMARK_EVENT_EXIT);
            }
            break;
        }
    }
    cmark_iter_free(iter);
}

int MarkdownBody::startLine(cmark_node *node) const
{
    return cmark_node_get_start_line(node) + m_offset;
}

int MarkdownBody::endLine(cmark_node *node) const
{
    return qMax(cmark_node_get_end_line(node) + m_offset, startLine(node));
}

void MarkdownBody::enterItem(cmark_node *node)
{
    OpenItem item;
    item.line = startLine(node);
    cmark_node *first = cmark_node_first_child(node);
    if (first && cmark_node_get_type(first) == CMARK_NODE_PARAGRAPH)
        item.paragraph = first;

    // Two items can start on one line ("- - [?] x"): the line is one task, counted once.
    if (item.line != m_lastTaskLine) {
        const QByteArrayView raw = m_lines.line(item.line);
        if (const std::optional<TaskLine> task = TaskLine::parse(raw)) {
            ActionItem action = task->toActionItem(raw);
            action.line = item.line;
            // Continuation lines belong to the item: deleting it must take them too.
            action.lastLine = item.paragraph ? qMax(item.line, endLine(item.paragraph)) : item.line;
            action.section = m_section;
            if (action.raw.isEmpty())
                action.raw = raw.toByteArray();
            if (!m_note->hasMojibake && hasNonAscii(raw) && TextRepair::hasMojibake(QString::fromUtf8(raw)))
                m_note->hasMojibake = true;
            addBlock(item.line, TextBlock::Kind::ActionItem, action.text);
            m_note->actionItems.append(std::move(action));
            for (const TaskLine::Field &field : task->fields) {
                if (!field.valid)
                    m_note->diagnostics.append({item.line, Diagnostic::Severity::Warning, invalidFieldMessage(field)});
            }
            item.kind = ItemKind::Task;
            m_lastTaskLine = item.line;
        }
    }
    if (item.kind == ItemKind::Plain && m_items.isEmpty()) {
        if (m_known == Known::Decisions)
            item.kind = ItemKind::Decision;
        else if (m_known == Known::KeyInformation)
            item.kind = ItemKind::KeyInformation;
    }
    m_items.append(item);
}

void MarkdownBody::paragraph(cmark_node *node)
{
    const int first = startLine(node);
    const int last = endLine(node);
    scanInline(first, last);

    const OpenItem *item = nullptr;
    if (!m_items.isEmpty() && m_items.last().paragraph == node)
        item = &m_items.last();
    if (!item && m_quoteDepth == 0)
        findLabels(first, last);
    if (item && item->kind == ItemKind::Task)
        return; // its block came from the task line

    const QString text = plainText(node);
    if (text.isEmpty())
        return;
    if (item && (item->kind == ItemKind::Decision || item->kind == ItemKind::KeyInformation)) {
        const Bullet bullet{item->line, bulletText(node), qMax(item->line, last)};
        if (item->kind == ItemKind::Decision) {
            m_note->decisions.append(bullet);
            addBlock(item->line, TextBlock::Kind::Decision, text);
        } else {
            m_note->keyInformation.append(bullet);
            addBlock(item->line, TextBlock::Kind::KeyInformation, text);
        }
        return;
    }
    const int line = item ? item->line : first;
    if (m_known == Known::Summary) {
        m_summary.append(text);
        addBlock(line, TextBlock::Kind::Summary, text);
    } else {
        addBlock(line, TextBlock::Kind::Text, text);
    }
}

void MarkdownBody::heading(cmark_node *node)
{
    const int line = startLine(node);
    const int level = cmark_node_get_heading_level(node);
    scanInline(line, endLine(node));
    const QString name = plainText(node);

    // A heading ends every open section of its level or deeper.
    while (!m_openSections.isEmpty()) {
        Section &open = m_note->sections[m_openSections.last()];
        if (open.level < level)
            break;
        open.lastLine = qMax(line - 1, open.headingLine);
        m_openSections.removeLast();
    }
    m_openSections.append(m_note->sections.size());
    m_note->sections.append({name, level, line, line});

    while (!m_headings.isEmpty() && m_headings.last().level >= level)
        m_headings.removeLast();
    m_headings.append({level, name, knownSection(name)});

    // The innermost known section names the place; else the innermost '##' or deeper heading.
    m_section.clear();
    m_known = Known::None;
    for (qsizetype i = m_headings.size() - 1; i >= 0; --i) {
        if (m_headings[i].known != Known::None) {
            m_section = m_headings[i].name;
            m_known = m_headings[i].known;
            break;
        }
    }
    if (m_known == Known::None) {
        for (qsizetype i = m_headings.size() - 1; i >= 0; --i) {
            if (m_headings[i].level >= 2) {
                m_section = m_headings[i].name;
                break;
            }
        }
    }

    // "# Summary" names a section, not the meeting: the title then falls back to the file name.
    if (level == 1 && !m_titleKnown && !name.isEmpty() && m_headings.last().known == Known::None) {
        m_titleKnown = true;
        m_note->title = name;
        addBlock(line, TextBlock::Kind::Title, name);
    } else {
        addBlock(line, TextBlock::Kind::Text, name);
    }
}

void MarkdownBody::table(cmark_node *node)
{
    const int first = startLine(node);
    scanInline(first, endLine(node));
    int index = 0;
    for (cmark_node *row = cmark_node_first_child(node); row; row = cmark_node_next(row), ++index) {
        QStringList cells;
        for (cmark_node *cell = cmark_node_first_child(row); cell; cell = cmark_node_next(cell)) {
            const QString text = plainText(cell);
            if (!text.isEmpty())
                cells.append(text);
        }
        if (cells.isEmpty())
            continue;
        // The delimiter row follows the header row and is no node of its own.
        int line = cmark_node_get_start_line(row) > 0 ? startLine(row) : first + index;
        if (line <= first && index > 0)
            line = first + index + 1;
        addBlock(line, TextBlock::Kind::Text, cells.join(QStringLiteral(" | ")));
    }
}

void MarkdownBody::scanInline(int firstLine, int lastLine)
{
    const qsizetype begin = m_lines.lineStart(firstLine);
    const qsizetype end = m_lines.lineEnd(lastLine);
    if (end <= begin)
        return;
    InlineScanner::scan(visible(begin, end), firstLine, &m_note->links, &m_tags);
}

void MarkdownBody::findLabels(int firstLine, int lastLine)
{
    for (int line = firstLine; line <= lastLine; ++line) {
        const QByteArrayView raw = visible(m_lines.lineStart(line), m_lines.lineEnd(line));
        if (!hasPair(raw, '*'))
            continue;
        if (m_dateValue.isEmpty())
            m_dateValue = labelValue(raw, "date").toByteArray();
        if (m_withValue.isEmpty())
            m_withValue = labelValue(raw, "with").toByteArray();
    }
}

QByteArrayView MarkdownBody::visible(qsizetype begin, qsizetype end) const
{
    if (m_visible.isEmpty() || begin < m_bodyBegin)
        return m_lines.bytes().sliced(begin, end - begin);
    return QByteArrayView(m_visible).sliced(begin - m_bodyBegin, end - begin);
}

void MarkdownBody::addBlock(int line, TextBlock::Kind kind, const QString &text)
{
    m_note->blocks.append({line, kind, text, m_section});
}

// The text a reader sees: literal text and code, breaks as spaces, wikilinks by their display
// text (outside code), markup and raw HTML dropped. Walks the inlines without recursion.
QString MarkdownBody::plainText(cmark_node *node)
{
    QByteArray text;
    QByteArray pending; // text since the last code span, where wikilinks are shown by name
    cmark_node *current = cmark_node_first_child(node);
    while (current) {
        switch (cmark_node_get_type(current)) {
        case CMARK_NODE_TEXT:
            if (const char *literal = cmark_node_get_literal(current))
                pending.append(literal);
            break;
        case CMARK_NODE_CODE:
            text.append(hasPair(pending, '[') ? InlineScanner::displayText(pending) : pending);
            pending.clear();
            if (const char *literal = cmark_node_get_literal(current))
                text.append(literal);
            break;
        case CMARK_NODE_SOFTBREAK:
        case CMARK_NODE_LINEBREAK: pending.append(' '); break;
        default: break;
        }
        if (cmark_node *child = cmark_node_first_child(current)) {
            current = child;
            continue;
        }
        while (current && current != node && !cmark_node_next(current))
            current = cmark_node_parent(current);
        current = (current && current != node) ? cmark_node_next(current) : nullptr;
    }
    const bool links = hasPair(pending, '[');
    if (text.isEmpty() && !links)
        return display(QByteArrayView(pending).trimmed());
    text.append(links ? InlineScanner::displayText(pending) : pending);
    return display(QByteArrayView(text).trimmed());
}

// A bullet as written after its marker, inline Markdown kept, continuation lines joined.
QString MarkdownBody::bulletText(cmark_node *paragraph)
{
    const int first = startLine(paragraph);
    const int last = endLine(paragraph);
    QByteArray text;
    for (int line = first; line <= last; ++line) {
        QByteArrayView raw = m_lines.line(line);
        if (line == first) {
            const qsizetype column =
                qBound(qsizetype(0), qsizetype(cmark_node_get_start_column(paragraph) - 1), raw.size());
            raw = raw.sliced(column);
        } else if (m_quoteDepth > 0) {
            raw = raw.trimmed();
            while (raw.startsWith('>'))
                raw = raw.sliced(1).trimmed();
        }
        raw = raw.trimmed();
        if (raw.isEmpty())
            continue;
        if (!text.isEmpty())
            text.append(' ');
        text.append(raw);
    }
    return display(text);
}

QString MarkdownBody::display(QByteArrayView utf8)
{
    const QString text = QString::fromUtf8(utf8);
    if (!hasNonAscii(utf8))
        return text;
    QString repaired = TextRepair::repair(text);
    if (!m_note->hasMojibake && repaired != text)
        m_note->hasMojibake = true;
    return repaired;
}

MarkdownBody::Known MarkdownBody::knownSection(const QString &name)
{
    const QString key = name.trimmed();
    const auto is = [&](QLatin1StringView known) { return key.compare(known, Qt::CaseInsensitive) == 0; };
    if (is(QLatin1StringView("Summary")))
        return Known::Summary;
    if (is(QLatin1StringView("Action Items")))
        return Known::ActionItems;
    if (is(QLatin1StringView("Decisions")))
        return Known::Decisions;
    if (is(QLatin1StringView("Key Information")))
        return Known::KeyInformation;
    if (is(QLatin1StringView("Related")))
        return Known::Related;
    return Known::None;
}

} // namespace debrief
