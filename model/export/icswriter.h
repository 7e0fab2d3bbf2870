#pragma once

#include "export/exportitem.h"
#include "export/exportprogress.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QDateTime>
#include <QList>
#include <QString>

namespace debrief {

// iCalendar (RFC 5545): one VTODO per item in one VCALENDAR, CRLF line endings, every content
// line folded at 75 octets.
class IcsWriter final
{
public:
    struct Options
    {
        QString vaultName;      // for the obsidian:// URL
        QDateTime stamp;        // DTSTAMP of every VTODO
        QString productVersion; // in PRODID
    };

    static QByteArray write(const QList<ExportItem> &items, const Options &options,
                            const ExportProgress::Callback &progress = {});

    // RFC 5545 3.3.11: backslash, semicolon, comma and newlines escaped.
    static QString escapeText(const QString &text);
    // RFC 5545 3.1: one content line (without its CRLF) as lines of at most 75 octets joined by
    // CRLF + space, never splitting a UTF-8 sequence; ends with CRLF.
    static QByteArray fold(QByteArrayView line);
    // 1 (highest) ... 9 (lowest), 0 for none (RFC 5545 3.8.1.9).
    static int priorityValue(Priority priority);
    static QString statusValue(TaskStatus status); // NEEDS-ACTION, IN-PROCESS, COMPLETED, CANCELLED
    // obsidian://open?vault=...&file=..., both percent-encoded.
    static QString obsidianUrl(const QString &vaultName, const QString &relativePath);
};

} // namespace debrief
