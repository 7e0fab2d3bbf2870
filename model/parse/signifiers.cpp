#include "parse/signifiers.h"

#include "base/textrepair.h"

#include <algorithm>

namespace debrief {

namespace {

using Kind = TaskLine::FieldKind;

struct Emoji
{
    char32_t codePoint;
    Kind kind;
    const char *priority;
};

constexpr Emoji emoji[] = {
    {0x1F4C5, Kind::Due, nullptr},          // 📅
    {0x1F4C6, Kind::Due, nullptr},          // 📆
    {0x1F5D3, Kind::Due, nullptr},          // 🗓
    {0x23F3, Kind::Scheduled, nullptr},     // ⏳
    {0x231B, Kind::Scheduled, nullptr},     // ⌛
    {0x1F6EB, Kind::Start, nullptr},        // 🛫
    {0x2795, Kind::Created, nullptr},       // ➕
    {0x2705, Kind::DoneDate, nullptr},      // ✅
    {0x274C, Kind::CancelledDate, nullptr}, // ❌
    {0x1F53A, Kind::Priority, "highest"},   // 🔺
    {0x23EB, Kind::Priority, "high"},       // ⏫
    {0x1F53C, Kind::Priority, "medium"},    // 🔼
    {0x1F53D, Kind::Priority, "low"},       // 🔽
    {0x23EC, Kind::Priority, "lowest"},     // ⏬
    {0x1F501, Kind::Recurrence, nullptr},   // 🔁
    {0x1F3C1, Kind::OnCompletion, nullptr}, // 🏁
    {0x1F194, Kind::Id, nullptr},           // 🆔
    {0x26D4, Kind::DependsOn, nullptr},     // ⛔
};

} // namespace

Signifiers::Signifiers()
{
    for (const Emoji &e : emoji) {
        const char32_t withSelector[2] = {e.codePoint, 0xFE0F};
        for (const qsizetype length : {1, 2}) {
            const QString text = QString::fromUcs4(withSelector, length);
            for (const QByteArray &spelling : TextRepair::mojibakeSpellings(text)) {
                m_byFirstByte[uchar(spelling.front())].append({spelling, e.kind, e.priority});
                m_byLastByte[uchar(spelling.back())].append({spelling, e.kind, e.priority});
            }
        }
    }
    // Longest first, so that "📅" + U+FE0F is taken whole rather than as "📅".
    const auto longestFirst = [](const Spelling &a, const Spelling &b) { return a.bytes.size() > b.bytes.size(); };
    for (QList<Spelling> &list : m_byFirstByte)
        std::stable_sort(list.begin(), list.end(), longestFirst);
    for (QList<Spelling> &list : m_byLastByte)
        std::stable_sort(list.begin(), list.end(), longestFirst);
}

const Signifiers &Signifiers::instance()
{
    static const Signifiers table;
    return table;
}

const Signifiers::Spelling *Signifiers::startingAt(QByteArrayView line, qsizetype pos) const
{
    if (pos < 0 || pos >= line.size() || uchar(line[pos]) < 0xC0)
        return nullptr;
    for (const Spelling &spelling : m_byFirstByte[uchar(line[pos])]) {
        if (line.sliced(pos).startsWith(spelling.bytes))
            return &spelling;
    }
    return nullptr;
}

const Signifiers::Spelling *Signifiers::endingAt(QByteArrayView line, qsizetype end) const
{
    if (end <= 0 || end > line.size() || uchar(line[end - 1]) < 0x80)
        return nullptr;
    for (const Spelling &spelling : m_byLastByte[uchar(line[end - 1])]) {
        if (line.first(end).endsWith(spelling.bytes))
            return &spelling;
    }
    return nullptr;
}

} // namespace debrief
