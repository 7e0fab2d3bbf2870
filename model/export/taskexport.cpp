#include "export/taskexport.h"

#include "export/csvwriter.h"
#include "export/icswriter.h"
#include "export/jsonwriter.h"
#include "export/markdownwriter.h"

namespace debrief {

std::optional<TaskExport::Format> TaskExport::formatFromName(const QString &name)
{
    const QString lower = name.toLower();
    if (lower == u"ics" || lower == u"ical" || lower == u"icalendar")
        return Format::Ics;
    if (lower == u"csv")
        return Format::Csv;
    if (lower == u"json")
        return Format::Json;
    if (lower == u"md" || lower == u"markdown")
        return Format::Markdown;
    return std::nullopt;
}

QString TaskExport::formatName(Format format)
{
    switch (format) {
    case Format::Ics: return QStringLiteral("iCalendar");
    case Format::Csv: return QStringLiteral("CSV");
    case Format::Json: return QStringLiteral("JSON");
    case Format::Markdown: return QStringLiteral("Markdown");
    }
    return {};
}

QString TaskExport::fileSuffix(Format format)
{
    switch (format) {
    case Format::Ics: return QStringLiteral("ics");
    case Format::Csv: return QStringLiteral("csv");
    case Format::Json: return QStringLiteral("json");
    case Format::Markdown: return QStringLiteral("md");
    }
    return {};
}

QByteArray TaskExport::write(Format format, const QList<ExportItem> &items, const Options &options)
{
    switch (format) {
    case Format::Ics: {
        IcsWriter::Options ics;
        ics.vaultName = options.vaultName;
        ics.stamp = options.stamp.isValid() ? options.stamp : QDateTime::currentDateTimeUtc();
        ics.productVersion = options.appVersion;
        return IcsWriter::write(items, ics, options.progress);
    }
    case Format::Csv: return CsvWriter::write(items, options.progress);
    case Format::Json: return JsonWriter::write(items, options.progress);
    case Format::Markdown: return MarkdownWriter::write(items, options.progress);
    }
    return {};
}

} // namespace debrief
