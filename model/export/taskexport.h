#pragma once

#include "export/exportitem.h"
#include "export/exportprogress.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace debrief {

// The export formats and what they all need: which format, the vault's name for Obsidian
// links, and the moment of the export (iCalendar's DTSTAMP).
class TaskExport final
{
public:
    enum class Format { Ics, Csv, Json, Markdown };

    struct Options
    {
        QString vaultName;                 // Obsidian's name of the vault: its folder's name
        QDateTime stamp;                   // when the export was made (UTC); invalid: now
        QString appVersion;                // for PRODID
        ExportProgress::Callback progress; // told every few hundred items; false stops: nothing is returned
    };

    static std::optional<Format> formatFromName(const QString &name); // "ics", "csv", "json", "md"
    static QString formatName(Format format);
    static QString fileSuffix(Format format); // "ics", "csv", "json", "md"

    static QByteArray write(Format format, const QList<ExportItem> &items, const Options &options);
};

} // namespace debrief
