#include "search/noterecord.h"

#include "note/note.h"

namespace debrief {

NoteRecord NoteRecord::fromNote(const Note &note, const QByteArray &relativePath, qint64 size, qint64 modifiedMsecs)
{
    NoteRecord record;
    record.relativePath = relativePath;
    record.size = size;
    record.modifiedMsecs = modifiedMsecs;
    record.title = note.title;
    if (record.title.isEmpty()) {
        const QString path = QString::fromUtf8(relativePath);
        record.title = path.section(u'/', -1);
        if (record.title.endsWith(u".md", Qt::CaseInsensitive))
            record.title.chop(3);
    }
    record.date = note.date;
    record.participants = note.participants;
    record.tags = note.tags;
    for (const QString &tag : note.bodyTags) {
        if (!record.tags.contains(tag))
            record.tags.append(tag);
    }

    bool hasTitle = false;
    for (const TextBlock &block : note.blocks)
        hasTitle = hasTitle || block.kind == TextBlock::Kind::Title;
    // A title from the frontmatter or the file name has no block of its own: hits need one.
    if (!hasTitle)
        record.blocks.append(Block{0, TextBlock::Kind::Title, QString(), record.title});
    for (const TextBlock &block : note.blocks) {
        // A heading names its section but is not in it: section:decisions lists decisions.
        bool heading = false;
        for (const Section &section : note.sections)
            heading = heading || (section.headingLine == block.line && block.kind != TextBlock::Kind::ActionItem);
        record.blocks.append(Block{block.line, block.kind, heading ? QString() : block.section, block.text});
    }

    for (const ActionItem &item : note.actionItems) {
        qsizetype blockIndex = -1;
        for (qsizetype i = 0; i < record.blocks.size(); ++i) {
            if (record.blocks[i].kind == TextBlock::Kind::ActionItem && record.blocks[i].line == item.line) {
                blockIndex = i;
                break;
            }
        }
        if (blockIndex < 0) {
            blockIndex = record.blocks.size();
            record.blocks.append(Block{item.line, TextBlock::Kind::ActionItem, item.section, item.text});
        }
        record.items.append(Item{int(blockIndex), item.status, item.owner, item.due, item.tags});
    }
    return record;
}

} // namespace debrief
