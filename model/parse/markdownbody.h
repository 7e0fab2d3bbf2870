#pragma once

#include "note/note.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>
#include <QStringList>

struct cmark_node;

namespace debrief {

class LineIndex;

// Reads a note's body through cmark-gfm and fills the Note's sections, blocks, summary,
// decisions, key information, action items, links and body tags. cmark decides what is a list
// item, a heading or code; the raw lines (through LineIndex) give the text as written, for task
// lines, bullets and wikilinks. One walk over the tree, so the cost is linear in the body.
class MarkdownBody final
{
public:
    // `lineOffset` is the number of file lines before the body (the frontmatter's).
    // `titleKnown`: the title came from the frontmatter, so the first '#' heading is not it.
    MarkdownBody(const LineIndex &lines, int lineOffset, bool titleKnown, Note *note);

    void parse(QByteArrayView body);

    // "**Date**: ..." and "**With**: ..." values, as written (empty when absent).
    QByteArray dateValue() const { return m_dateValue; }
    QByteArray withValue() const { return m_withValue; }

private:
    enum class Known { None, Summary, ActionItems, Decisions, KeyInformation, Related };
    enum class ItemKind { Plain, Task, Decision, KeyInformation };

    struct OpenHeading
    {
        int level = 0;
        QString name;
        Known known = Known::None;
    };

    struct OpenItem
    {
        cmark_node *paragraph = nullptr; // the item's own first paragraph, if it starts with one
        int line = 0;
        ItemKind kind = ItemKind::Plain;
    };

    void walk(cmark_node *document);
    void enterItem(cmark_node *node);
    void paragraph(cmark_node *node);
    void heading(cmark_node *node);
    void table(cmark_node *node);
    void scanInline(int firstLine, int lastLine);
    void findLabels(int firstLine, int lastLine);
    void addBlock(int line, TextBlock::Kind kind, const QString &text);

    QString plainText(cmark_node *node);
    QString bulletText(cmark_node *paragraph);
    QString display(QByteArrayView utf8);
    QByteArrayView visible(qsizetype begin, qsizetype end) const; // file offsets; comments blanked
    int startLine(cmark_node *node) const;
    int endLine(cmark_node *node) const;

    static Known knownSection(const QString &name);

    const LineIndex &m_lines;
    int m_offset = 0;
    bool m_titleKnown = false;
    Note *m_note = nullptr;

    QList<OpenHeading> m_headings;   // enclosing headings, outermost first (at most 6)
    QList<qsizetype> m_openSections; // indices into m_note->sections still without lastLine
    QList<OpenItem> m_items;         // enclosing list items, outermost first
    QString m_section;               // the name ActionItem.section and TextBlock.section get
    Known m_known = Known::None;     // the innermost enclosing known section
    int m_quoteDepth = 0;
    int m_lastTaskLine = 0;
    QStringList m_summary;
    QStringList m_tags;
    QByteArray m_dateValue;
    QByteArray m_withValue;
    QByteArray m_visible;      // the body with its Obsidian comments blanked; empty when it has none
    qsizetype m_bodyBegin = 0; // where the body starts in the file
};

} // namespace debrief
