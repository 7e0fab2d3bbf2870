#include "export/icswriter.h"

#include <QUrl>

namespace debrief {

namespace {

QByteArray date(QDate day)
{
    return day.toString(QStringLiteral("yyyyMMdd")).toLatin1();
}

QByteArray utc(const QDateTime &moment)
{
    return moment.toUTC().toString(QStringLiteral("yyyyMMdd'T'HHmmss'Z'")).toLatin1();
}

void add(QByteArray &out, QByteArrayView name, const QString &value)
{
    out += IcsWriter::fold(name.toByteArray() + ':' + value.toUtf8());
}

void addRaw(QByteArray &out, QByteArrayView line)
{
    out += IcsWriter::fold(line);
}

QString description(const ExportItem &export_)
{
    QStringList lines;
    QString meeting = export_.noteTitle;
    if (export_.noteDate.isValid())
        meeting += QStringLiteral(" (") + export_.noteDate.toString(Qt::ISODate) + u')';
    lines << QStringLiteral("Meeting: ") + meeting;
    if (!export_.item.owner.isEmpty())
        lines << QStringLiteral("Owner: ") + export_.item.owner;
    lines << QStringLiteral("Note: ") + export_.relativePath + u':' + QString::number(export_.item.line);
    return lines.join(u'\n');
}

} // namespace

QString IcsWriter::escapeText(const QString &text)
{
    QString result;
    result.reserve(text.size() + 8);
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (c == u'\\' || c == u';' || c == u',') {
            result += u'\\';
            result += c;
        } else if (c == u'\r') {
            result += QStringLiteral("\\n");
            if (i + 1 < text.size() && text[i + 1] == u'\n')
                ++i;
        } else if (c == u'\n') {
            result += QStringLiteral("\\n");
        } else if (c.unicode() < 0x20 || c.unicode() == 0x7F) {
            // Other controls are not allowed in TEXT (3.3.11): a tab becomes a space, the rest go.
            if (c == u'\t')
                result += u' ';
        } else {
            result += c;
        }
    }
    return result;
}

QByteArray IcsWriter::fold(QByteArrayView line)
{
    QByteArray out;
    out.reserve(line.size() + line.size() / 70 * 3 + 2);
    qsizetype pos = 0;
    qsizetype limit = 75; // the first line; continuation lines hold the space plus 74 octets
    while (line.size() - pos > limit) {
        qsizetype cut = pos + limit;
        while (cut > pos && (uchar(line[cut]) & 0xC0) == 0x80) // never inside a UTF-8 sequence
            --cut;
        out += line.sliced(pos, cut - pos);
        out += "\r\n ";
        pos = cut;
        limit = 74;
    }
    out += line.sliced(pos);
    out += "\r\n";
    return out;
}

int IcsWriter::priorityValue(Priority priority)
{
    switch (priority) {
    case Priority::Highest: return 1;
    case Priority::High: return 3;
    case Priority::Medium: return 5;
    case Priority::Low: return 7;
    case Priority::Lowest: return 9;
    case Priority::None: return 0;
    }
    return 0;
}

QString IcsWriter::statusValue(TaskStatus status)
{
    switch (status) {
    case TaskStatus::InProgress: return QStringLiteral("IN-PROCESS");
    case TaskStatus::Done: return QStringLiteral("COMPLETED");
    case TaskStatus::Cancelled: return QStringLiteral("CANCELLED");
    case TaskStatus::Proposed:
    case TaskStatus::Open:
    case TaskStatus::Other: return QStringLiteral("NEEDS-ACTION");
    }
    return QStringLiteral("NEEDS-ACTION");
}

QString IcsWriter::obsidianUrl(const QString &vaultName, const QString &relativePath)
{
    return QStringLiteral("obsidian://open?vault=") + QString::fromLatin1(QUrl::toPercentEncoding(vaultName))
        + QStringLiteral("&file=") + QString::fromLatin1(QUrl::toPercentEncoding(relativePath));
}

QByteArray IcsWriter::write(const QList<ExportItem> &items, const Options &options,
                            const ExportProgress::Callback &progress)
{
    QByteArray out;
    out.reserve(items.size() * 420 + 200);
    addRaw(out, "BEGIN:VCALENDAR");
    addRaw(out, "VERSION:2.0");
    add(out, "PRODID", QStringLiteral("-//Debrief//Debrief ") + options.productVersion + QStringLiteral("//EN"));
    addRaw(out, "CALSCALE:GREGORIAN");
    const QByteArray stamp = "DTSTAMP:" + utc(options.stamp);
    ExportProgress counter(progress, items.size());
    for (const ExportItem &export_ : items) {
        const ActionItem &item = export_.item;
        addRaw(out, "BEGIN:VTODO");
        add(out, "UID", export_.uid());
        addRaw(out, stamp);
        add(out, "SUMMARY", escapeText(item.text));
        // DTSTART must not be after DUE (3.8.2.3 and 3.6.2): a start after the due date is left out.
        const QDate start = item.start.isValid() ? item.start : item.scheduled;
        if (start.isValid() && (!item.due.isValid() || start <= item.due))
            addRaw(out, "DTSTART;VALUE=DATE:" + date(start));
        if (item.due.isValid())
            addRaw(out, "DUE;VALUE=DATE:" + date(item.due));
        if (const int priority = priorityValue(item.priority))
            addRaw(out, "PRIORITY:" + QByteArray::number(priority));
        add(out, "STATUS", statusValue(item.status));
        if (item.status == TaskStatus::Done) {
            addRaw(out, "PERCENT-COMPLETE:100");
            if (item.doneDate.isValid())
                addRaw(out, "COMPLETED:" + utc(QDateTime(item.doneDate, QTime(0, 0), Qt::UTC)));
        }
        QStringList categories;
        for (const QString &tag : item.tags)
            categories << escapeText(tag);
        if (!categories.isEmpty())
            add(out, "CATEGORIES", categories.join(u','));
        add(out, "DESCRIPTION", escapeText(description(export_)));
        if (!options.vaultName.isEmpty())
            add(out, "URL", obsidianUrl(options.vaultName, export_.relativePath));
        addRaw(out, "END:VTODO");
        if (!counter.step())
            return {};
    }
    addRaw(out, "END:VCALENDAR");
    return out;
}

} // namespace debrief
