#include "export/markdownwriter.h"

#include <QMap>

namespace debrief {

QString MarkdownWriter::line(const ExportItem &export_)
{
    const ActionItem &item = export_.item;
    QString text = QStringLiteral("- [") + (item.statusChar.isEmpty() ? QStringLiteral(" ") : item.statusChar)
        + QStringLiteral("] ") + item.text;
    if (item.due.isValid())
        text += QStringLiteral(" \U0001F4C5 ") + item.due.toString(Qt::ISODate);
    QString target = export_.linkTarget();
    if (!item.blockId.isEmpty())
        target += QStringLiteral("#^") + item.blockId;
    text += QStringLiteral(" ([[") + target;
    if (!export_.noteTitle.isEmpty() && export_.noteTitle != export_.linkTarget().section(u'/', -1))
        text += u'|' + export_.noteTitle;
    text += QStringLiteral("]])");
    return text;
}

QByteArray MarkdownWriter::write(const QList<ExportItem> &items, const ExportProgress::Callback &progress)
{
    // Case-folded keys sort the owners; the name shown is the first spelling met.
    QMap<QString, QList<const ExportItem *>> byOwner;
    QMap<QString, QString> shown;
    QList<const ExportItem *> nobody;
    for (const ExportItem &item : items) {
        if (item.item.owner.isEmpty()) {
            nobody.append(&item);
            continue;
        }
        const QString key = item.item.owner.toCaseFolded();
        byOwner[key].append(&item);
        if (!shown.contains(key))
            shown.insert(key, item.item.owner);
    }
    QString out = QStringLiteral("# Action items\n");
    ExportProgress counter(progress, items.size());
    const auto section = [&](const QString &title, const QList<const ExportItem *> &list) {
        out += QStringLiteral("\n## ") + title + u'\n' + u'\n';
        for (const ExportItem *item : list) {
            out += line(*item) + u'\n';
            if (!counter.step())
                return false;
        }
        return true;
    };
    for (auto it = byOwner.cbegin(); it != byOwner.cend(); ++it) {
        if (!section(shown.value(it.key()), it.value()))
            return {};
    }
    if (!nobody.isEmpty() && !section(QStringLiteral("No owner"), nobody))
        return {};
    return out.toUtf8();
}

} // namespace debrief
