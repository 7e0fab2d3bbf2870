#pragma once

#include "export/exportitem.h"
#include "export/exportprogress.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>

namespace debrief {

// A JSON array of items: the fields of `debrief tasks --json` and the meeting's, with the UID
// the iCalendar export gives the item.
class JsonWriter final
{
public:
    static QByteArray write(const QList<ExportItem> &items, const ExportProgress::Callback &progress = {});
    static QJsonObject toJson(const ExportItem &item);
};

} // namespace debrief
