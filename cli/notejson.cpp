#include "cli/notejson.h"

#include <QJsonArray>

namespace debrief {

namespace {

QJsonArray fromBullets(const QList<Bullet> &bullets)
{
    QJsonArray array;
    for (const Bullet &bullet : bullets)
        array.append(QJsonObject{{QStringLiteral("line"), bullet.line}, {QStringLiteral("text"), bullet.text}});
    return array;
}

} // namespace

QJsonValue NoteJson::fromDate(QDate date)
{
    return date.isValid() ? QJsonValue(date.toString(Qt::ISODate)) : QJsonValue(QJsonValue::Null);
}

QJsonValue NoteJson::fromText(const QString &text)
{
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

QJsonObject NoteJson::fromActionItem(const ActionItem &item)
{
    return QJsonObject{
        {QStringLiteral("line"), item.line},
        {QStringLiteral("status"), statusName(item.status)},
        {QStringLiteral("status_char"), item.statusChar},
        {QStringLiteral("text"), item.text},
        {QStringLiteral("owner"), fromText(item.owner)},
        {QStringLiteral("due"), fromDate(item.due)},
        {QStringLiteral("scheduled"), fromDate(item.scheduled)},
        {QStringLiteral("start"), fromDate(item.start)},
        {QStringLiteral("created"), fromDate(item.created)},
        {QStringLiteral("done_date"), fromDate(item.doneDate)},
        {QStringLiteral("cancelled_date"), fromDate(item.cancelledDate)},
        {QStringLiteral("priority"), fromText(priorityName(item.priority))},
        {QStringLiteral("recurrence"), fromText(item.recurrence)},
        {QStringLiteral("on_completion"), fromText(item.onCompletion)},
        {QStringLiteral("id"), fromText(item.id)},
        {QStringLiteral("depends_on"), QJsonArray::fromStringList(item.dependsOn)},
        {QStringLiteral("tags"), QJsonArray::fromStringList(item.tags)},
        {QStringLiteral("section"), item.section},
        // The line as the file holds it; invalid UTF-8 shows as U+FFFD here.
        {QStringLiteral("raw"), QString::fromUtf8(item.raw)},
    };
}

QJsonObject NoteJson::fromNote(const Note &note)
{
    QJsonArray links;
    for (const Link &link : note.links) {
        links.append(QJsonObject{
            {QStringLiteral("line"), link.line},
            {QStringLiteral("target"), link.target},
            {QStringLiteral("alias"), fromText(link.alias)},
            {QStringLiteral("resolved"), fromText(link.resolvedPath)},
        });
    }

    QJsonArray actionItems;
    for (const ActionItem &item : note.actionItems)
        actionItems.append(fromActionItem(item));

    QJsonArray diagnostics;
    for (const Diagnostic &diagnostic : note.diagnostics) {
        diagnostics.append(QJsonObject{
            {QStringLiteral("line"), diagnostic.line},
            {QStringLiteral("severity"), severityName(diagnostic.severity)},
            {QStringLiteral("message"), diagnostic.message},
        });
    }

    return QJsonObject{
        {QStringLiteral("path"), note.path},
        {QStringLiteral("title"), note.title},
        {QStringLiteral("date"), fromDate(note.date)},
        {QStringLiteral("participants"), QJsonArray::fromStringList(note.participants)},
        {QStringLiteral("tags"), QJsonArray::fromStringList(note.tags)},
        {QStringLiteral("frontmatter"), note.frontmatter},
        {QStringLiteral("summary"), note.summary},
        {QStringLiteral("decisions"), fromBullets(note.decisions)},
        {QStringLiteral("key_information"), fromBullets(note.keyInformation)},
        {QStringLiteral("links"), links},
        {QStringLiteral("action_items"), actionItems},
        {QStringLiteral("diagnostics"), diagnostics},
    };
}

} // namespace debrief
