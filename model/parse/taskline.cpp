#include "parse/taskline.h"

#include "base/textrepair.h"

#include <QDate>

#include <algorithm>
#include <array>

namespace debrief {

namespace {

using Kind = TaskLine::FieldKind;
using Field = TaskLine::Field;

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f';
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

bool isAsciiAlnum(char c)
{
    return isDigit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// Obsidian ends a tag at whitespace and at ASCII punctuation other than '-', '_' and '/';
// letters of any script (bytes >= 0x80) belong to it.
bool isTagByte(char c)
{
    return uchar(c) >= 0x80 || isAsciiAlnum(c) || c == '-' || c == '_' || c == '/';
}

// The length of the UTF-8 sequence at `pos`, or 1 for a byte that starts none.
qsizetype utf8Length(QByteArrayView line, qsizetype pos)
{
    const uchar lead = uchar(line[pos]);
    const qsizetype count = lead < 0xC2 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : lead <= 0xF4 ? 4 : 1;
    if (pos + count > line.size())
        return 1;
    for (qsizetype i = 1; i < count; ++i) {
        if ((uchar(line[pos + i]) & 0xC0) != 0x80)
            return 1;
    }
    return count;
}

QString decode(QByteArrayView bytes)
{
    return TextRepair::repair(QString::fromUtf8(bytes)).trimmed();
}

// "2025-10-31" with a real calendar date, or an invalid QDate.
QDate parseDate(QByteArrayView text)
{
    if (text.size() != 10 || text[4] != '-' || text[7] != '-')
        return {};
    for (const qsizetype i : {0, 1, 2, 3, 5, 6, 8, 9}) {
        if (!isDigit(text[i]))
            return {};
    }
    const auto number = [&](qsizetype from, qsizetype count) {
        int value = 0;
        for (qsizetype i = from; i < from + count; ++i)
            value = value * 10 + (text[i] - '0');
        return value;
    };
    return QDate(number(0, 4), number(5, 2), number(8, 2));
}

struct Signifier
{
    QByteArray bytes;
    Kind kind = Kind::Tag;
    const char *priority = nullptr; // the priority name for the five priority emoji
};

// Every spelling of every emoji signifier, real and mojibake, with and without U+FE0F, keyed by
// its first byte so that a position is checked against a handful of candidates at most.
struct SignifierTable
{
    std::array<QList<Signifier>, 256> byFirstByte;

    SignifierTable()
    {
        struct Emoji
        {
            char32_t codePoint;
            Kind kind;
            const char *priority;
        };
        static constexpr Emoji emoji[] = {
            {0x1F4C5, Kind::Due, nullptr},        {0x23F3, Kind::Scheduled, nullptr},
            {0x1F6EB, Kind::Start, nullptr},      {0x2795, Kind::Created, nullptr},
            {0x2705, Kind::DoneDate, nullptr},    {0x274C, Kind::CancelledDate, nullptr},
            {0x1F53A, Kind::Priority, "highest"}, {0x23EB, Kind::Priority, "high"},
            {0x1F53C, Kind::Priority, "medium"},  {0x1F53D, Kind::Priority, "low"},
            {0x23EC, Kind::Priority, "lowest"},   {0x1F501, Kind::Recurrence, nullptr},
        };
        for (const Emoji &e : emoji) {
            const char32_t withSelector[2] = {e.codePoint, 0xFE0F};
            for (const qsizetype length : {1, 2}) {
                const QString text = QString::fromUcs4(withSelector, length);
                for (const QByteArray &spelling : TextRepair::mojibakeSpellings(text))
                    byFirstByte[uchar(spelling.front())].append({spelling, e.kind, e.priority});
            }
        }
        // Longest first, so that "📅" + U+FE0F is taken whole rather than as "📅".
        for (QList<Signifier> &list : byFirstByte) {
            std::stable_sort(list.begin(), list.end(),
                             [](const Signifier &a, const Signifier &b) { return a.bytes.size() > b.bytes.size(); });
        }
    }

    const Signifier *match(QByteArrayView line, qsizetype pos) const
    {
        for (const Signifier &signifier : byFirstByte[uchar(line[pos])]) {
            if (line.sliced(pos).startsWith(signifier.bytes))
                return &signifier;
        }
        return nullptr;
    }

    static const SignifierTable &instance()
    {
        static const SignifierTable table; // thread-safe initialisation on first use
        return table;
    }
};

struct DataviewKey
{
    const char *name;
    Kind kind;
};

constexpr DataviewKey dataviewKeys[] = {
    {"due", Kind::Due},           {"scheduled", Kind::Scheduled}, {"start", Kind::Start},
    {"created", Kind::Created},   {"completion", Kind::DoneDate}, {"cancelled", Kind::CancelledDate},
    {"priority", Kind::Priority}, {"repeat", Kind::Recurrence},
};

bool isDateKind(Kind kind)
{
    return kind == Kind::Due || kind == Kind::Scheduled || kind == Kind::Start || kind == Kind::Created
        || kind == Kind::DoneDate || kind == Kind::CancelledDate;
}

// A field found at some position. An owner or a recurrence has no end of its own: its value
// runs on to the next field, so the scanner closes it when it finds one.
struct Candidate
{
    Field field;
    bool open = false;
    qsizetype valueBegin = 0;
};

// Finds the fields of one line in a single left-to-right pass. Every check at a position reads a
// bounded number of bytes, except the search for a Dataview field's closing bracket, which is
// cached so that the whole scan stays linear.
class FieldScanner
{
public:
    explicit FieldScanner(QByteArrayView line)
        : m_line(line)
    {
    }

    std::optional<Candidate> match(qsizetype pos)
    {
        const char c = m_line[pos];
        if (c == '@')
            return owner(pos);
        if (c == '#')
            return tag(pos);
        if (c == '[' || c == '(')
            return dataview(pos);
        if (uchar(c) >= 0xC0)
            return emoji(pos);
        return std::nullopt;
    }

private:
    bool startsToken(qsizetype pos) const { return pos == 0 || isSpace(m_line[pos - 1]); }

    std::optional<Candidate> owner(qsizetype pos) const
    {
        if (!startsToken(pos) || pos + 1 >= m_line.size() || isSpace(m_line[pos + 1]))
            return std::nullopt;
        return Candidate{{Kind::Owner, pos, pos + 1, {}, false}, true, pos + 1};
    }

    std::optional<Candidate> tag(qsizetype pos) const
    {
        if (!startsToken(pos))
            return std::nullopt;
        const SignifierTable &table = SignifierTable::instance();
        qsizetype end = pos + 1;
        bool allDigits = true;
        while (end < m_line.size() && isTagByte(m_line[end])
               && !(uchar(m_line[end]) >= 0xC0 && table.match(m_line, end))) {
            allDigits = allDigits && isDigit(m_line[end]);
            ++end;
        }
        // Obsidian: a lone '#' is no tag, and neither is "#123".
        if (end == pos + 1 || allDigits)
            return std::nullopt;
        return Candidate{{Kind::Tag, pos, end, decode(m_line.sliced(pos + 1, end - pos - 1)), false}};
    }

    std::optional<Candidate> emoji(qsizetype pos) const
    {
        const Signifier *signifier = SignifierTable::instance().match(m_line, pos);
        if (!signifier)
            return std::nullopt;
        const qsizetype after = pos + signifier->bytes.size();
        if (signifier->kind == Kind::Priority) {
            return Candidate{{Kind::Priority, pos, after, QString::fromLatin1(signifier->priority), false}};
        }
        qsizetype value = after;
        while (value < m_line.size() && (m_line[value] == ' ' || m_line[value] == '\t'))
            ++value;
        if (signifier->kind == Kind::Recurrence)
            return Candidate{{Kind::Recurrence, pos, after, {}, false}, true, value};
        const qsizetype end = value + 10;
        if (end > m_line.size() || (end < m_line.size() && isAsciiAlnum(m_line[end])))
            return std::nullopt;
        const QByteArrayView text = m_line.sliced(value, 10);
        if (!parseDate(text).isValid())
            return std::nullopt; // "📅 soon" is description text, not a due date
        // A valid date here is ten ASCII characters in ISO form already: no formatting needed.
        return Candidate{{signifier->kind, pos, end, QString::fromLatin1(text), false}};
    }

    // [key:: value] or (key:: value), the Dataview spelling that Obsidian Tasks also reads.
    std::optional<Candidate> dataview(qsizetype pos)
    {
        const qsizetype keyBegin = pos + 1;
        qsizetype keyEnd = keyBegin;
        while (
            keyEnd < m_line.size() && keyEnd - keyBegin < 12
            && ((m_line[keyEnd] >= 'a' && m_line[keyEnd] <= 'z') || (m_line[keyEnd] >= 'A' && m_line[keyEnd] <= 'Z')))
            ++keyEnd;
        if (!m_line.sliced(keyEnd).startsWith("::"))
            return std::nullopt;
        const QByteArrayView key = m_line.sliced(keyBegin, keyEnd - keyBegin);
        const DataviewKey *known = nullptr;
        for (const DataviewKey &candidate : dataviewKeys) {
            if (key.compare(QByteArrayView(candidate.name), Qt::CaseInsensitive) == 0)
                known = &candidate;
        }
        if (!known)
            return std::nullopt;
        const qsizetype close = closing(m_line[pos] == '[' ? 0 : 1, keyEnd + 2);
        if (close >= m_line.size())
            return std::nullopt;
        const QByteArrayView raw = m_line.sliced(keyEnd + 2, close - keyEnd - 2).trimmed();
        QString value;
        if (isDateKind(known->kind)) {
            if (!parseDate(raw).isValid())
                return std::nullopt;
            value = QString::fromLatin1(raw); // already ISO, as above
        } else if (known->kind == Kind::Priority) {
            value = QString::fromUtf8(raw).toLower();
            const auto priority = priorityFromName(value);
            if (!priority || *priority == Priority::None)
                return std::nullopt;
        } else {
            value = decode(raw);
        }
        return Candidate{{known->kind, pos, close + 1, value, true}};
    }

    // The first ']' (which 0) or ')' (which 1) at or after `from`, or the line's size. Positions
    // only grow during a scan, so a cached answer at or after `from` is still the first one.
    qsizetype closing(int which, qsizetype from)
    {
        qsizetype &cached = m_closing[which];
        if (cached < from) {
            cached = m_line.indexOf(which == 0 ? ']' : ')', from);
            if (cached < 0)
                cached = m_line.size();
        }
        return cached;
    }

    QByteArrayView m_line;
    std::array<qsizetype, 2> m_closing{-1, -1};
};

// The '^' of a block id ending the line at or after `from`, or -1.
qsizetype blockIdAt(QByteArrayView line, qsizetype from)
{
    qsizetype end = line.size();
    while (end > from && isSpace(line[end - 1]))
        --end;
    qsizetype begin = end;
    while (begin > from && (isAsciiAlnum(line[begin - 1]) || line[begin - 1] == '-'))
        --begin;
    const qsizetype caret = begin - 1;
    if (begin == end || caret < from || line[caret] != '^' || caret == 0 || !isSpace(line[caret - 1]))
        return -1;
    return caret;
}

// The status box and what precedes it; returns false for a line that is no task.
bool parsePrefix(QByteArrayView line, TaskLine &task)
{
    const qsizetype n = line.size();
    qsizetype i = 0;
    const auto skipBlanks = [&] {
        while (i < n && (line[i] == ' ' || line[i] == '\t'))
            ++i;
    };
    skipBlanks();
    while (i < n && line[i] == '>') {
        ++i;
        skipBlanks();
    }
    if (i < n && (line[i] == '-' || line[i] == '*' || line[i] == '+')) {
        ++i;
    } else {
        const qsizetype digits = i;
        while (i < n && isDigit(line[i]) && i - digits < 9)
            ++i;
        if (i == digits || i >= n || (line[i] != '.' && line[i] != ')'))
            return false;
        ++i;
    }
    const qsizetype bullet = i;
    skipBlanks();
    if (i == bullet || i >= n || line[i] != '[')
        return false;

    task.statusBegin = ++i;
    if (i + 1 < n && line[i] == ' ' && line[i + 1] == ']') {
        task.statusChar = QStringLiteral(" ");
        task.statusEnd = i + 1;
    } else {
        if (i < n && line[i] == ' ')
            ++i; // "[ ?]" reads as "?"
        if (i >= n || uchar(line[i]) <= ' ')
            return false;
        const qsizetype length = utf8Length(line, i);
        if (i + length >= n || line[i + length] != ']')
            return false;
        task.statusChar = QString::fromUtf8(line.sliced(i, length));
        task.statusEnd = i + length;
    }
    i = task.statusEnd + 1;
    if (i < n && !isSpace(line[i]))
        return false;
    while (i < n && isSpace(line[i]))
        ++i;
    task.descriptionBegin = i;
    return true;
}

} // namespace

std::optional<TaskLine> TaskLine::parse(QByteArrayView line)
{
    TaskLine task;
    if (!parsePrefix(line, task))
        return std::nullopt;

    // Fields and text end where a block id begins.
    task.blockIdBegin = blockIdAt(line, task.descriptionBegin);
    const qsizetype n = task.blockIdBegin >= 0 ? task.blockIdBegin : line.size();
    const auto onlySpace = [&](qsizetype from, qsizetype to) {
        for (qsizetype i = from; i < to; ++i) {
            if (!isSpace(line[i]))
                return false;
        }
        return true;
    };

    // Every field in line order. An open owner or recurrence is closed by the next field.
    QList<Field> found;
    qsizetype open = -1;
    qsizetype openValue = 0;
    const auto closeOpen = [&](qsizetype limit) {
        if (open < 0)
            return;
        Field &field = found[open];
        qsizetype end = limit;
        while (end > openValue && isSpace(line[end - 1]))
            --end;
        if (end > openValue) {
            field.end = end;
            field.value = decode(line.sliced(openValue, end - openValue));
        } else {
            found.removeLast(); // "@" or "🔁" with nothing after it is plain text
        }
        open = -1;
    };
    FieldScanner scanner(line.first(n));
    for (qsizetype pos = task.descriptionBegin; pos < n;) {
        std::optional<Candidate> candidate = scanner.match(pos);
        if (!candidate) {
            ++pos;
            continue;
        }
        closeOpen(pos);
        found.append(candidate->field);
        if (candidate->open) {
            open = found.size() - 1;
            openValue = candidate->valueBegin;
            pos = candidate->valueBegin;
        } else {
            pos = candidate->field.end;
        }
    }
    closeOpen(n);

    // The trailing fields: the longest run of fields, separated by whitespace only, that ends the
    // line. Fields before it are description text, except tags, which Obsidian reads anywhere.
    qsizetype first = found.size();
    qsizetype boundary = n;
    while (first > 0 && onlySpace(found[first - 1].end, boundary)) {
        --first;
        boundary = found[first].begin;
    }
    for (qsizetype i = 0; i < found.size(); ++i) {
        if (i >= first || found[i].kind == FieldKind::Tag)
            task.fields.append(found[i]);
    }
    task.descriptionEnd = boundary;
    while (task.descriptionEnd > task.descriptionBegin && isSpace(line[task.descriptionEnd - 1]))
        --task.descriptionEnd;
    return task;
}

ActionItem TaskLine::toActionItem(QByteArrayView line) const
{
    ActionItem item;
    item.statusChar = statusChar;
    item.status = statusFromChar(statusChar);
    item.text = decode(line.sliced(descriptionBegin, descriptionEnd - descriptionBegin));
    item.raw = line.toByteArray();
    // A field given twice is taken from its last occurrence, as Obsidian Tasks reads its fields
    // from the end of the line; tags are all kept.
    for (const Field &field : fields) {
        switch (field.kind) {
        case FieldKind::Owner: item.owner = field.value; break;
        case FieldKind::Due: item.due = QDate::fromString(field.value, Qt::ISODate); break;
        case FieldKind::Scheduled: item.scheduled = QDate::fromString(field.value, Qt::ISODate); break;
        case FieldKind::Start: item.start = QDate::fromString(field.value, Qt::ISODate); break;
        case FieldKind::Created: item.created = QDate::fromString(field.value, Qt::ISODate); break;
        case FieldKind::DoneDate: item.doneDate = QDate::fromString(field.value, Qt::ISODate); break;
        case FieldKind::CancelledDate: item.cancelledDate = QDate::fromString(field.value, Qt::ISODate); break;
        case FieldKind::Priority: item.priority = priorityFromName(field.value).value_or(Priority::None); break;
        case FieldKind::Recurrence: item.recurrence = field.value; break;
        case FieldKind::Tag: item.tags.append(field.value); break;
        }
    }
    return item;
}

const TaskLine::Field *TaskLine::field(FieldKind kind) const
{
    for (auto it = fields.crbegin(); it != fields.crend(); ++it) {
        if (it->kind == kind)
            return &*it;
    }
    return nullptr;
}

} // namespace debrief
