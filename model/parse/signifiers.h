#pragma once

#include "parse/taskline.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

#include <array>

namespace debrief {

// Every spelling of every emoji signifier of the Obsidian Tasks format: the real one and its Mac
// Roman and Windows-1252 mojibake, each with and without the variation selector U+FE0F. Due has
// three emoji (📅 📆 🗓) and scheduled two (⏳ ⌛), as Tasks reads them.
class Signifiers final
{
public:
    struct Spelling
    {
        QByteArray bytes;
        TaskLine::FieldKind kind = TaskLine::FieldKind::Tag;
        const char *priority = nullptr; // "highest" ... "lowest" for the five priority emoji
    };

    static const Signifiers &instance(); // built once, thread-safe

    // The longest spelling that starts at `pos`, or nullptr.
    const Spelling *startingAt(QByteArrayView line, qsizetype pos) const;
    // The longest spelling that ends right before `end`, or nullptr.
    const Spelling *endingAt(QByteArrayView line, qsizetype end) const;

private:
    Signifiers();

    std::array<QList<Spelling>, 256> m_byFirstByte;
    std::array<QList<Spelling>, 256> m_byLastByte;
};

} // namespace debrief
