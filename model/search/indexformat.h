#pragma once

#include "base/bytehash.h"

#include <QByteArrayView>
#include <QString>
#include <QtGlobal>

// The search cache file: one flat, memory-mappable segment. Fixed-size tables are read with
// memcpy; every offset is checked against the file's size before use.
//
//   Header
//   note regions (per note: RegionBlock table + UTF-8 texts) <- each hashed on its own
//   notes | blocks | items | terms | string pool   <- "meta", hashed as a whole
//   postings (per term and block: varint block delta, varint tf, tf varint position deltas;
//   positions count words in the block)                   <- each list hashed on its own
//
// Only what a query touches is verified, so a warm `debrief search` reads a few pages.
namespace debrief::indexformat {

inline constexpr char magic[8] = {'D', 'B', 'R', 'F', 'S', 'R', 'C', 'H'};
inline constexpr quint32 version = 5;
inline constexpr quint32 endianMark = 0x01020304;

struct Header
{
    char magic[8];
    quint32 version;
    quint32 endian;
    quint32 noteCount;
    quint32 blockCount;
    quint32 itemCount;
    quint32 termCount;
    quint64 totalTokens;
    quint64 notesOffset;
    quint64 blocksOffset;
    quint64 itemsOffset;
    quint64 termsOffset;
    quint64 poolOffset;
    quint64 metaEnd;
    quint64 regionsOffset;
    quint64 regionsEnd;
    quint64 postingsOffset;
    quint64 postingsEnd;
    quint32 vaultOffset; // canonical vault path, in the pool
    quint32 vaultLength;
    quint64 metaHash;
    quint64 headerHash; // of the bytes before it
};

struct NoteEntry
{
    qint64 size;
    qint64 modifiedMsecs;
    quint32 pathOffset, pathLength; // UTF-8 relative path, in the pool
    quint32 titleOffset, titleLength;
    quint32 participantsOffset, participantsLength; // folded words, names separated by '\x1f'
    quint32 tagsOffset, tagsLength;                 // folded, separated by '\x1f'
    qint32 date;                                    // Julian day, 0 when none
    quint32 firstBlock, blockCount;
    quint32 firstItem, itemCount;
    quint32 regionLength;
    quint64 regionOffset; // from regionsOffset
    quint64 regionHash;
};

enum SectionCode : quint8 { NoSection, Summary, Decisions, Actions, Key, Related, OtherSection };

struct BlockEntry
{
    quint32 note;
    quint8 kind;    // TextBlock::Kind
    quint8 section; // SectionCode
    quint16 tokens; // words in the block, saturated
};

struct ItemEntry
{
    quint32 block;
    quint8 status; // TaskStatus
    quint8 reserved[3];
    qint32 due;                       // Julian day, 0 when none
    quint32 ownerOffset, ownerLength; // as written
    quint32 ownerFoldedOffset, ownerFoldedLength;
    quint32 tagsOffset, tagsLength; // folded, separated by '\x1f'
};

struct TermEntry
{
    quint32 termOffset, termLength; // folded UTF-8, terms sorted bytewise
    quint64 postingsOffset;         // from postingsOffset
    quint32 postingsLength;
    quint32 documentFrequency; // blocks holding the term
    quint64 hash;
};

struct RegionBlock
{
    qint32 line;
    quint32 textOffset, textLength; // from the region's start
    quint32 sectionOffset, sectionLength;
};

// Fast enough to verify what a query reads (four 8-byte lanes), stable across runs.
using debrief::hashBytes;

// Reads one varint of the postings (7 bits a byte, low first, at most five bytes) and advances
// `p`; false when the bytes end first. Inline: it is the innermost step of every query.
inline bool readVarint(const char *&p, const char *end, quint32 &value)
{
    value = 0;
    for (int shift = 0; shift < 35 && p < end; shift += 7) {
        const auto byte = quint8(*p++);
        value |= quint32(byte & 0x7F) << shift;
        if (!(byte & 0x80))
            return true;
    }
    return false;
}

SectionCode sectionCode(const QString &foldedSectionName);

} // namespace debrief::indexformat
