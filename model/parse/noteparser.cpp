#include "parse/noteparser.h"

#include "base/lineindex.h"
#include "base/textrepair.h"
#include "parse/frontmatter.h"
#include "parse/inlinescanner.h"
#include "parse/markdownbody.h"

#include <QJsonArray>

namespace debrief {

namespace {

QString repaired(const QString &text, bool *changed)
{
    QString result = TextRepair::repair(text);
    if (!*changed && result != text)
        *changed = true;
    return result;
}

bool isAscii(const QString &text)
{
    for (const QChar c : text) {
        if (c.unicode() >= 0x80)
            return false;
    }
    return true;
}

// Mojibake needs non-ASCII text; most frontmatter has none and is kept as it is.
bool mayNeedRepair(const QJsonValue &value)
{
    if (value.isString())
        return !isAscii(value.toString());
    if (value.isArray()) {
        for (const QJsonValue &item : value.toArray()) {
            if (mayNeedRepair(item))
                return true;
        }
    } else if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (!isAscii(it.key()) || mayNeedRepair(it.value()))
                return true;
        }
    }
    return false;
}

// Frontmatter values are shown too, so their strings (and keys) are repaired like the body's.
// The tree is already bounded by YamlConverter's depth limit.
QJsonValue repairedValue(const QJsonValue &value, bool *changed);

QJsonObject repairedObject(const QJsonObject &object, bool *changed)
{
    QJsonObject result;
    for (auto it = object.begin(); it != object.end(); ++it)
        result.insert(repaired(it.key(), changed), repairedValue(it.value(), changed));
    return result;
}

QJsonValue repairedValue(const QJsonValue &value, bool *changed)
{
    if (value.isString())
        return repaired(value.toString(), changed);
    if (value.isArray()) {
        QJsonArray array;
        for (const QJsonValue &item : value.toArray())
            array.append(repairedValue(item, changed));
        return array;
    }
    if (value.isObject())
        return repairedObject(value.toObject(), changed);
    return value;
}

// A scalar as text: strings as they are, numbers as YAML wrote them (near enough), else empty.
QString scalarText(const QJsonValue &value)
{
    if (value.isString())
        return value.toString().trimmed();
    if (value.isDouble())
        return value.toVariant().toString();
    if (value.isBool())
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    return {};
}

// "2025-10-30", also when a time follows ("2025-10-30T09:00", "2025-10-30 09:00").
QDate isoDate(QStringView text)
{
    text = text.trimmed();
    if (text.size() < 10)
        return {};
    if (text.size() > 10 && text[10] != u'T' && text[10] != u't' && text[10] != u' ')
        return {};
    return QDate::fromString(text.first(10), Qt::ISODate);
}

// "Ann Lee", "[[Ann Lee]]" or "[[People/Ann Lee|Ann]]" -> the name a reader expects.
QString personName(QString name)
{
    name = name.trimmed();
    if (name.startsWith(u"[[") && name.endsWith(u"]]")) {
        const Link link = InlineScanner::parseLink(name.sliced(2, name.size() - 4).toUtf8());
        name = link.alias.isEmpty() ? link.target.section(u'/', -1) : link.alias;
    }
    return name.trimmed();
}

QStringList splitNames(const QString &text)
{
    QStringList names;
    for (const QString &part : text.split(u',')) {
        const QString name = personName(part);
        if (!name.isEmpty())
            names.append(name);
    }
    return names;
}

QStringList participantsFrom(const QJsonValue &value)
{
    if (value.isString())
        return splitNames(value.toString());
    QStringList names;
    if (value.isArray()) {
        for (const QJsonValue &item : value.toArray()) {
            const QString name = personName(scalarText(item));
            if (!name.isEmpty())
                names.append(name);
        }
    }
    return names;
}

// A list, or one string of tags separated by commas or spaces; '#' dropped.
QStringList tagsFrom(const QJsonValue &value)
{
    QStringList raw;
    if (value.isArray()) {
        for (const QJsonValue &item : value.toArray())
            raw.append(scalarText(item));
    } else if (value.isString()) {
        QString text = value.toString();
        text.replace(u',', u' ');
        raw = text.split(u' ', Qt::SkipEmptyParts);
    }
    QStringList tags;
    for (QString tag : std::as_const(raw)) {
        tag = tag.trimmed();
        while (tag.startsWith(u'#'))
            tag.remove(0, 1);
        if (!tag.isEmpty())
            tags.append(tag);
    }
    return tags;
}

QString fileName(const QString &path)
{
    const qsizetype slash = qMax(path.lastIndexOf(u'/'), path.lastIndexOf(u'\\'));
    return path.sliced(slash + 1);
}

} // namespace

Note NoteParser::parse(QByteArrayView bytes, const QString &path)
{
    Note note;
    note.path = path;
    note.stamp.size = bytes.size();
    note.stamp.hash = FileStamp::contentHash(bytes);

    const Frontmatter frontmatter = Frontmatter::parse(bytes);
    const LineIndex lines(bytes);
    note.frontmatterLines = frontmatter.lineCount;
    note.lineCount = lines.count();
    note.diagnostics = frontmatter.diagnostics;
    note.frontmatter =
        mayNeedRepair(frontmatter.values) ? repairedObject(frontmatter.values, &note.hasMojibake) : frontmatter.values;

    const QString frontmatterTitle = scalarText(note.frontmatter.value(QLatin1StringView("title")));
    if (!frontmatterTitle.isEmpty()) {
        note.title = frontmatterTitle;
        note.blocks.append({0, TextBlock::Kind::Title, note.title, QString()});
    }

    MarkdownBody body(lines, frontmatter.lineCount, !note.title.isEmpty(), &note);
    body.parse(bytes.sliced(frontmatter.bodyOffset));

    const QString name = fileName(path);
    if (note.title.isEmpty()) {
        note.title = name.endsWith(QLatin1StringView(".md"), Qt::CaseInsensitive) ? name.chopped(3) : name;
        note.blocks.prepend({0, TextBlock::Kind::Title, note.title, QString()});
    }

    note.date = isoDate(scalarText(note.frontmatter.value(QLatin1StringView("date"))));
    note.reviewed = isoDate(scalarText(note.frontmatter.value(QLatin1StringView("reviewed"))));
    if (!note.date.isValid())
        note.date = isoDate(QString::fromUtf8(body.dateValue()));
    if (!note.date.isValid())
        note.date = isoDate(QStringView(name).first(qMin(name.size(), qsizetype(10))));

    note.participants = participantsFrom(note.frontmatter.value(QLatin1StringView("participants")));
    if (note.participants.isEmpty() && !body.withValue().isEmpty())
        note.participants = splitNames(repaired(QString::fromUtf8(body.withValue()), &note.hasMojibake));

    note.tags = tagsFrom(note.frontmatter.value(QLatin1StringView("tags")));
    return note;
}

} // namespace debrief
