#include "export/jsonwriter.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace debrief {

namespace {

QJsonValue text(const QString &value)
{
    return value.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(value);
}

QJsonValue day(QDate date)
{
    return date.isValid() ? QJsonValue(date.toString(Qt::ISODate)) : QJsonValue(QJsonValue::Null);
}

// A JSON string as QJsonDocument writes one: quotes, backslashes and control characters
// escaped, everything else as UTF-8.
void addString(QByteArray &out, const QString &value)
{
    static const char hex[] = "0123456789abcdef";
    out += '"';
    const QByteArray utf8 = value.toUtf8();
    for (const char c : utf8) {
        const auto byte = uchar(c);
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\b': out += "\\b"; break;
        case '\f': out += "\\f"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        default:
            if (byte < 0x20) {
                out += "\\u00";
                out += hex[byte >> 4];
                out += hex[byte & 0xF];
            } else {
                out += c;
            }
        }
    }
    out += '"';
}

} // namespace

QJsonObject JsonWriter::toJson(const ExportItem &export_)
{
    const ActionItem &item = export_.item;
    return QJsonObject{
        {QStringLiteral("uid"), export_.uid()},
        {QStringLiteral("status"), statusName(item.status)},
        {QStringLiteral("text"), item.text},
        {QStringLiteral("owner"), text(item.owner)},
        {QStringLiteral("due"), day(item.due)},
        {QStringLiteral("scheduled"), day(item.scheduled)},
        {QStringLiteral("start"), day(item.start)},
        {QStringLiteral("done_date"), day(item.doneDate)},
        {QStringLiteral("cancelled_date"), day(item.cancelledDate)},
        {QStringLiteral("priority"), text(priorityName(item.priority))},
        {QStringLiteral("tags"), QJsonArray::fromStringList(item.tags)},
        {QStringLiteral("id"), text(item.id)},
        {QStringLiteral("block_id"), text(item.blockId)},
        {QStringLiteral("meeting"), export_.noteTitle},
        {QStringLiteral("meeting_date"), day(export_.noteDate)},
        {QStringLiteral("path"), export_.path},
        {QStringLiteral("file"), export_.relativePath},
        {QStringLiteral("line"), item.line},
    };
}

QByteArray JsonWriter::write(const QList<ExportItem> &items, const ExportProgress::Callback &progress)
{
    // Written directly, in QJsonDocument's indented layout and key order (toJson() is the
    // reference the tests hold it to): building a QJsonObject per item and re-indenting its
    // text cost three times the whole export of a large vault.
    QByteArray out = "[\n";
    out.reserve(items.size() * 820 + 4);
    bool first = true;
    ExportProgress counter(progress, items.size());
    for (const ExportItem &export_ : items) {
        const ActionItem &item = export_.item;
        out += first ? "    {\n" : ",\n    {\n";
        first = false;
        bool firstKey = true;
        const auto key = [&](const char *name) {
            out += firstKey ? "        \"" : ",\n        \"";
            firstKey = false;
            out += name;
            out += "\": ";
        };
        const auto string = [&](const char *name, const QString &value) {
            key(name);
            addString(out, value);
        };
        const auto optional = [&](const char *name, const QString &value) {
            key(name);
            if (value.isEmpty())
                out += "null";
            else
                addString(out, value);
        };
        const auto day = [&](const char *name, QDate date) {
            optional(name, date.isValid() ? date.toString(Qt::ISODate) : QString());
        };
        // Alphabetical, as QJsonObject keeps its keys.
        optional("block_id", item.blockId);
        day("cancelled_date", item.cancelledDate);
        day("done_date", item.doneDate);
        day("due", item.due);
        string("file", export_.relativePath);
        optional("id", item.id);
        key("line");
        out += QByteArray::number(item.line);
        string("meeting", export_.noteTitle);
        day("meeting_date", export_.noteDate);
        optional("owner", item.owner);
        string("path", export_.path);
        optional("priority", priorityName(item.priority));
        day("scheduled", item.scheduled);
        day("start", item.start);
        string("status", statusName(item.status));
        key("tags");
        if (item.tags.isEmpty()) {
            out += "[\n        ]";
        } else {
            out += "[\n";
            for (qsizetype i = 0; i < item.tags.size(); ++i) {
                out += i ? ",\n            " : "            ";
                addString(out, item.tags.at(i));
            }
            out += "\n        ]";
        }
        string("text", item.text);
        string("uid", export_.uid());
        out += "\n    }";
        if (!counter.step())
            return {};
    }
    out += first ? "]\n" : "\n]\n";
    return out;
}

} // namespace debrief
