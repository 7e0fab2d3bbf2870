#pragma once

#include "note/actionitem.h"
#include "note/textblock.h"

#include <QByteArray>
#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>

namespace debrief {

struct Note;

// What the search index keeps of one note: its searchable blocks and the facets queries filter
// on. Smaller than a Note, and rebuilt from the index itself when segments are merged.
struct NoteRecord
{
    struct Block
    {
        int line = 0;
        TextBlock::Kind kind = TextBlock::Kind::Text;
        QString section;
        QString text;
    };
    struct Item
    {
        int block = 0; // index into blocks
        TaskStatus status = TaskStatus::Open;
        QString owner;
        QDate due;
        QStringList tags;
    };

    QByteArray relativePath; // UTF-8, '/'-separated, relative to the vault root
    qint64 size = -1;
    qint64 modifiedMsecs = 0;
    QString title;
    QDate date;
    QStringList participants;
    QStringList tags;    // frontmatter and body tags, without '#'
    QList<Block> blocks; // always starts with a title block
    QList<Item> items;

    // Takes the note's blocks, making sure there is a title block and one block per action item.
    static NoteRecord fromNote(const Note &note, const QByteArray &relativePath, qint64 size, qint64 modifiedMsecs);
};

} // namespace debrief
