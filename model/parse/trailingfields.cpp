#include "parse/trailingfields.h"

#include "note/actionitem.h"
#include "parse/linebytes.h"
#include "parse/signifiers.h"

#include <algorithm>

namespace debrief {

namespace {

using namespace linebytes;
using Kind = TaskLine::FieldKind;
using Field = TaskLine::Field;

constexpr int maxPasses = 21;                // Tasks: "do { ... runs++ } while (matched && runs <= 20)"
constexpr qsizetype maxDataviewLength = 256; // a Dataview field's brackets are looked for this far back

bool isRecurrenceByte(char c)
{
    return isAsciiAlnum(c) || c == ' ' || c == ',' || c == '!';
}

bool isIdByte(char c)
{
    return isAsciiAlnum(c) || c == '-' || c == '_';
}

bool isDependsOnByte(char c)
{
    return isIdByte(c) || c == ',' || c == ' ';
}

// Tasks' tag pattern: '#' then anything but white space and !@#$%^&*(),.?":{}|<>.
bool isTasksTagByte(char c)
{
    static constexpr QByteArrayView excluded(" !@#$%^&*(),.?\":{}|<>");
    return !isSpace(c) && !excluded.contains(c);
}

// "abc, def,ghi" -> "abc,def,ghi" when it is a list of ids (Tasks: id( *, *id *)*), else empty.
QString dependsOnValue(QByteArrayView text)
{
    QString value;
    bool needId = true;
    bool inId = false;
    bool spaceAfterId = false;
    for (const char c : text) {
        if (isIdByte(c)) {
            if (spaceAfterId)
                return {}; // "a b": two ids without a comma
            inId = true;
            needId = false;
            value += QLatin1Char(c);
        } else if (c == ' ') {
            spaceAfterId = inId;
        } else { // ','
            if (needId)
                return {};
            needId = true;
            inId = false;
            spaceAfterId = false;
            value += QLatin1Char(',');
        }
    }
    return needId ? QString() : value;
}

struct DataviewKey
{
    const char *name;
    Kind kind;
};

constexpr DataviewKey dataviewKeys[] = {
    {"due", Kind::Due},
    {"scheduled", Kind::Scheduled},
    {"start", Kind::Start},
    {"created", Kind::Created},
    {"completion", Kind::DoneDate},
    {"cancelled", Kind::CancelledDate},
    {"priority", Kind::Priority},
    {"repeat", Kind::Recurrence},
    {"onCompletion", Kind::OnCompletion},
    {"id", Kind::Id},
    {"dependsOn", Kind::DependsOn},
};

bool isDateKind(Kind kind)
{
    return kind == Kind::Due || kind == Kind::Scheduled || kind == Kind::Start || kind == Kind::Created
        || kind == Kind::DoneDate || kind == Kind::CancelledDate;
}

class Reader
{
public:
    Reader(QByteArrayView line, qsizetype begin, qsizetype end)
        : m_line(line)
        , m_begin(begin)
        , m_end(end)
    {
        trim();
    }

    QList<Field> read()
    {
        for (int pass = 0; pass < maxPasses; ++pass) {
            bool matched = false;
            // Tasks' order within a pass; Dataview fields and owners are Debrief's additions, read
            // first so that an owner at the very end costs Tasks' fields no pass. A Dataview field
            // goes before the owner, whose name would otherwise swallow `[due:: ...]`.
            matched |= dataview();
            matched |= owner();
            matched |= priority();
            for (const Kind kind :
                 {Kind::DoneDate, Kind::CancelledDate, Kind::Due, Kind::Scheduled, Kind::Start, Kind::Created})
                matched |= date(kind);
            matched |= recurrence();
            matched |= onCompletion();
            matched |= tag();
            matched |= id();
            matched |= dependsOn();
            if (!matched)
                break;
        }
        std::reverse(m_found.begin(), m_found.end());
        return m_found;
    }

    qsizetype end() const { return m_end; }

private:
    void trim()
    {
        while (m_end > m_begin && isSpace(m_line[m_end - 1]))
            --m_end;
    }

    void take(Field field)
    {
        m_end = field.begin;
        m_found.append(std::move(field));
        trim();
    }

    // The signifier of `kind` that ends at `valueBegin`, spaces between allowed: its first byte.
    qsizetype signifierBefore(qsizetype valueBegin, Kind kind) const
    {
        qsizetype at = valueBegin;
        while (at > m_begin && m_line[at - 1] == ' ')
            --at;
        const Signifiers::Spelling *spelling = Signifiers::instance().endingAt(m_line, at);
        if (!spelling || spelling->kind != kind || at - spelling->bytes.size() < m_begin)
            return -1;
        return at - spelling->bytes.size();
    }

    // Where the run of bytes for which `in` holds, ending at m_end, begins.
    template<typename Predicate>
    qsizetype runStart(Predicate in) const
    {
        qsizetype at = m_end;
        while (at > m_begin && in(m_line[at - 1]))
            --at;
        return at;
    }

    bool priority()
    {
        const Signifiers::Spelling *spelling = Signifiers::instance().endingAt(m_line, m_end);
        if (!spelling || spelling->kind != Kind::Priority || m_end - spelling->bytes.size() < m_begin)
            return false;
        take({Kind::Priority, m_end - spelling->bytes.size(), m_end, QString::fromLatin1(spelling->priority)});
        return true;
    }

    bool date(Kind kind)
    {
        if (m_end - m_begin < 10)
            return false;
        const QByteArrayView text = m_line.sliced(m_end - 10, 10);
        if (!isDateShaped(text))
            return false;
        const qsizetype begin = signifierBefore(m_end - 10, kind);
        if (begin < 0)
            return false;
        Field field{kind, begin, m_end, QString::fromLatin1(text)};
        field.valid = parseDate(text).isValid();
        take(std::move(field));
        return true;
    }

    bool recurrence()
    {
        const qsizetype run = runStart(isRecurrenceByte);
        const QByteArrayView value = m_line.sliced(run, m_end - run).trimmed();
        if (value.isEmpty())
            return false;
        const qsizetype begin = signifierBefore(run, Kind::Recurrence);
        if (begin < 0)
            return false;
        take({Kind::Recurrence, begin, m_end, QString::fromLatin1(value)});
        return true;
    }

    bool onCompletion()
    {
        const qsizetype run = runStart(isAsciiLetter);
        if (run == m_end)
            return false;
        const qsizetype begin = signifierBefore(run, Kind::OnCompletion);
        if (begin < 0)
            return false;
        Field field{Kind::OnCompletion, begin, m_end, QString::fromLatin1(m_line.sliced(run, m_end - run)).toLower()};
        field.valid = field.value == u"delete" || field.value == u"keep";
        take(std::move(field));
        return true;
    }

    bool id()
    {
        const qsizetype run = runStart(isIdByte);
        if (run == m_end)
            return false;
        const qsizetype begin = signifierBefore(run, Kind::Id);
        if (begin < 0)
            return false;
        take({Kind::Id, begin, m_end, QString::fromLatin1(m_line.sliced(run, m_end - run))});
        return true;
    }

    bool dependsOn()
    {
        const qsizetype run = runStart(isDependsOnByte);
        const QString value = dependsOnValue(m_line.sliced(run, m_end - run));
        if (value.isEmpty())
            return false;
        const qsizetype begin = signifierBefore(run, Kind::DependsOn);
        if (begin < 0)
            return false;
        take({Kind::DependsOn, begin, m_end, value});
        return true;
    }

    bool tag()
    {
        const qsizetype run = runStart(isTasksTagByte);
        const qsizetype hash = run - 1;
        if (run == m_end || hash < m_begin || m_line[hash] != '#')
            return false;
        const qsizetype nameEnd = TrailingFields::tagNameEnd(m_line, hash, m_begin, m_end);
        if (nameEnd < 0)
            return false;
        take({Kind::Tag, hash, m_end, decode(m_line.sliced(run, nameEnd - run))});
        return true;
    }

    // [key:: value] or (key:: value), the Dataview spelling that Obsidian Tasks also reads.
    bool dataview()
    {
        if (m_end == m_begin)
            return false;
        const char close = m_line[m_end - 1];
        if (close != ']' && close != ')')
            return false;
        const char open = close == ']' ? '[' : '(';
        qsizetype at = m_end - 1;
        const qsizetype stop = std::max(m_begin, m_end - maxDataviewLength);
        while (at > stop && m_line[at - 1] != open && m_line[at - 1] != close)
            --at;
        if (at == stop || m_line[at - 1] != open)
            return false;
        const qsizetype begin = at - 1;
        const qsizetype keyBegin = at;
        qsizetype keyEnd = keyBegin;
        while (keyEnd < m_end && isAsciiLetter(m_line[keyEnd]))
            ++keyEnd;
        if (!m_line.sliced(keyEnd, m_end - keyEnd).startsWith("::"))
            return false;
        const QByteArrayView key = m_line.sliced(keyBegin, keyEnd - keyBegin);
        const DataviewKey *known = nullptr;
        for (const DataviewKey &candidate : dataviewKeys) {
            if (key.compare(QByteArrayView(candidate.name), Qt::CaseInsensitive) == 0)
                known = &candidate;
        }
        if (!known)
            return false;
        const QByteArrayView raw = m_line.sliced(keyEnd + 2, m_end - 1 - keyEnd - 2).trimmed();
        Field field{known->kind, begin, m_end, {}, true};
        if (isDateKind(known->kind)) {
            if (!isDateShaped(raw))
                return false;
            field.value = QString::fromLatin1(raw);
            field.valid = parseDate(raw).isValid();
        } else if (known->kind == Kind::Priority) {
            field.value = QString::fromUtf8(raw).toLower();
            const auto priority = priorityFromName(field.value);
            if (!priority || *priority == Priority::None)
                return false;
        } else if (known->kind == Kind::DependsOn) {
            field.value = dependsOnValue(raw);
            if (field.value.isEmpty())
                return false;
        } else if (known->kind == Kind::OnCompletion) {
            field.value = QString::fromUtf8(raw).toLower();
            field.valid = field.value == u"delete" || field.value == u"keep";
        } else {
            field.value = decode(raw);
            if (field.value.isEmpty())
                return false;
        }
        take(std::move(field));
        return true;
    }

    // "@Name With Spaces" ending what is left of the line, with no signifier or tag in the name.
    bool owner()
    {
        const Signifiers &signifiers = Signifiers::instance();
        for (qsizetype at = m_end - 1; at >= m_begin; --at) {
            const char c = m_line[at];
            if (signifiers.endingAt(m_line, at + 1))
                return false;
            const bool tokenStart = at == m_begin || isSpace(m_line[at - 1]);
            if (c == '#' && tokenStart && TrailingFields::tagNameEnd(m_line, at, m_begin, m_end) >= 0)
                return false;
            if (c == '@' && tokenStart) {
                if (at + 1 >= m_end || isSpace(m_line[at + 1]))
                    return false; // "@" alone is text
                take({Kind::Owner, at, m_end, decode(m_line.sliced(at + 1, m_end - at - 1))});
                return true;
            }
        }
        return false;
    }

    QByteArrayView m_line;
    qsizetype m_begin;
    qsizetype m_end;
    QList<Field> m_found; // from the end of the line
};

} // namespace

QList<TaskLine::Field> TrailingFields::read(QByteArrayView line, qsizetype begin, qsizetype end,
                                            qsizetype *descriptionEnd)
{
    Reader reader(line, begin, end);
    QList<Field> fields = reader.read();
    *descriptionEnd = reader.end();
    return fields;
}

qsizetype TrailingFields::tagNameEnd(QByteArrayView line, qsizetype hash, qsizetype lineBegin, qsizetype limit)
{
    if (hash < lineBegin || hash >= limit || line[hash] != '#')
        return -1;
    if (hash > lineBegin && !isSpace(line[hash - 1]))
        return -1;
    const Signifiers &signifiers = Signifiers::instance();
    qsizetype end = hash + 1;
    bool allDigits = true;
    while (end < limit && isTagByte(line[end]) && !signifiers.startingAt(line.first(limit), end)) {
        allDigits = allDigits && isDigit(line[end]);
        ++end;
    }
    // Obsidian: a lone '#' is no tag, and neither is "#123".
    if (end == hash + 1 || allDigits)
        return -1;
    return end;
}

} // namespace debrief
