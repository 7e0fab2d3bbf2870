#include "export/csvwriter.h"

namespace debrief {

namespace {

void addRecord(QByteArray &out, const QStringList &values)
{
    for (qsizetype i = 0; i < values.size(); ++i) {
        if (i > 0)
            out += ',';
        out += CsvWriter::field(values[i]).toUtf8();
    }
    out += "\r\n";
}

} // namespace

QStringList CsvWriter::header()
{
    return {QStringLiteral("status"),  QStringLiteral("text"),         QStringLiteral("owner"),
            QStringLiteral("due"),     QStringLiteral("priority"),     QStringLiteral("tags"),
            QStringLiteral("meeting"), QStringLiteral("meeting date"), QStringLiteral("file"),
            QStringLiteral("line")};
}

QString CsvWriter::field(const QString &value)
{
    QString text = value;
    if (!text.isEmpty()) {
        const QChar first = text.front();
        if (first == u'=' || first == u'+' || first == u'-' || first == u'@' || first == u'\t' || first == u'\r')
            text.prepend(u'\'');
    }
    const bool quote = text.contains(u',') || text.contains(u'"') || text.contains(u'\n') || text.contains(u'\r');
    if (!quote)
        return text;
    text.replace(u'"', QStringLiteral("\"\""));
    return u'"' + text + u'"';
}

QByteArray CsvWriter::write(const QList<ExportItem> &items)
{
    QByteArray out = "\xEF\xBB\xBF";
    out.reserve(items.size() * 160 + 100);
    addRecord(out, header());
    for (const ExportItem &export_ : items) {
        const ActionItem &item = export_.item;
        QStringList tags;
        for (const QString &tag : item.tags)
            tags << u'#' + tag;
        addRecord(out,
                  {statusName(item.status), item.text, item.owner,
                   item.due.isValid() ? item.due.toString(Qt::ISODate) : QString(), priorityName(item.priority),
                   tags.join(u' '), export_.noteTitle,
                   export_.noteDate.isValid() ? export_.noteDate.toString(Qt::ISODate) : QString(),
                   export_.relativePath, QString::number(item.line)});
    }
    return out;
}

} // namespace debrief
