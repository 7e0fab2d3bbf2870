#pragma once

#include "note/link.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>
#include <QStringList>

namespace debrief {

// Finds Obsidian wikilinks and #tags in the raw source of one Markdown block. cmark-gfm knows
// neither (it splits "[[" into separate text nodes), so this reads the block's lines as written,
// skipping inline code spans. Linear in the block's length.
class InlineScanner final
{
public:
    // `text` is the raw source of one non-code block whose first line is `firstLine`.
    // Appends links (target, alias, heading repaired) and tags (without '#', unrepaired order).
    static void scan(QByteArrayView text, int firstLine, QList<Link> *links, QStringList *tags);

    // Plain text with each [[Target|Alias]] shown as Obsidian shows it: "Alias", else "Target",
    // or "Target > Heading".
    static QByteArray displayText(QByteArrayView plain);

    // Splits the inside of [[...]] into target, heading and alias.
    static Link parseLink(QByteArrayView inner);
};

} // namespace debrief
