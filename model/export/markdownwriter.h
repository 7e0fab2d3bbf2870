#pragma once

#include "export/exportitem.h"
#include "export/exportprogress.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace debrief {

// A Markdown task list grouped by owner (by name, those without an owner last), each item with
// its status box, due date and a link back to its note: [[note#^block-id]] or [[note]].
class MarkdownWriter final
{
public:
    static QByteArray write(const QList<ExportItem> &items, const ExportProgress::Callback &progress = {});
    static QString line(const ExportItem &item); // "- [ ] text 📅 2025-10-01 ([[note#^id]])"
};

} // namespace debrief
