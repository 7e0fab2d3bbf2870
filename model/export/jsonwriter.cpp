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

QByteArray JsonWriter::write(const QList<ExportItem> &items)
{
    // Item by item in QJsonDocument's indented layout, so that a big vault's array is never one
    // QJsonArray in memory.
    QByteArray out = "[\n";
    bool first = true;
    for (const ExportItem &item : items) {
        QByteArray json = QJsonDocument(toJson(item)).toJson(QJsonDocument::Indented);
        json.chop(1);
        json.replace("\n", "\n    ");
        out += first ? "    " : ",\n    ";
        out += json;
        first = false;
    }
    out += first ? "]\n" : "\n]\n";
    return out;
}

} // namespace debrief
