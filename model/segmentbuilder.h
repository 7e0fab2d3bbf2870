#pragma once

#include "indexformat.h"
#include "noterecord.h"

#include <QByteArray>
#include <QHash>
#include <QIODevice>
#include <QString>

#include <string>
#include <vector>

namespace debrief {

// Writes one index segment (see indexformat.h) from note records. Records must come in
// ascending byte order of their relative paths, which lets a reopen compare them with the
// vault's sorted file list in one pass.
class SegmentBuilder final
{
public:
    explicit SegmentBuilder(const QString &vaultPath);

    // Returns false (and skips the record) when it is out of order or a duplicate.
    bool add(const NoteRecord &record);
    qsizetype noteCount() const { return qsizetype(m_notes.size()); }

    bool write(QIODevice &device);
    QByteArray toByteArray();

private:
    struct Postings
    {
        std::string bytes;
        quint32 lastBlock = 0;
        quint32 documentFrequency = 0;
    };

    quint32 addString(QByteArrayView bytes);
    quint32 addString(const QString &text) { return addString(QByteArrayView(text.toUtf8())); }
    quint32 addFoldedList(const QStringList &values);

    QByteArray m_vaultPath;
    QByteArray m_pool;
    QByteArray m_regions;
    std::vector<indexformat::NoteEntry> m_notes;
    std::vector<indexformat::BlockEntry> m_blocks;
    std::vector<indexformat::ItemEntry> m_items;
    QHash<QByteArray, Postings> m_postings;
    QByteArray m_lastPath;
    quint64 m_totalTokens = 0;
};

} // namespace debrief
