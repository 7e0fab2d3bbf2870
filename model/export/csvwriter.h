#pragma once

#include "export/exportitem.h"
#include "export/exportprogress.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace debrief {

// CSV as RFC 4180 says (CRLF records, fields quoted when they hold a comma, a quote or a line
// break), UTF-8 with a byte order mark so that Excel reads it as UTF-8, and a header row.
class CsvWriter final
{
public:
    static QByteArray write(const QList<ExportItem> &items, const ExportProgress::Callback &progress = {});
    static QStringList header(); // status, text, owner, due, priority, tags, meeting, meeting date, file, line

    // One field: a leading =, +, -, @, tab or CR gets a ' so that a spreadsheet shows the text
    // instead of running it as a formula; then quoted when needed.
    static QString field(const QString &value);
};

} // namespace debrief
