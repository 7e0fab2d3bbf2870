#include "export/exportitem.h"

#include <QCryptographicHash>
#include <QDir>

namespace debrief {

ExportItem ExportItem::from(const Note &note, const ActionItem &item, const QString &vaultRoot)
{
    ExportItem result;
    result.item = item;
    result.path = note.path;
    result.relativePath = vaultRoot.isEmpty() ? note.path : QDir(vaultRoot).relativeFilePath(note.path);
    result.noteTitle = note.title;
    result.noteDate = note.date;
    return result;
}

QString ExportItem::linkTarget() const
{
    QString target = relativePath;
    if (target.endsWith(QLatin1StringView(".md"), Qt::CaseInsensitive))
        target.chop(3);
    return target;
}

QString ExportItem::uid() const
{
    // Hashed, so that a path's spaces, commas and non-ASCII letters never reach the UID; the
    // kind of key is part of the hash so that a text can never collide with an id.
    QByteArray key = relativePath.toUtf8() + '\n';
    if (!item.blockId.isEmpty())
        key += "block\n" + item.blockId.toUtf8();
    else if (!item.id.isEmpty())
        key += "id\n" + item.id.toUtf8();
    else
        key += "text\n" + item.text.simplified().toUtf8();
    const QByteArray hash = QCryptographicHash::hash(key, QCryptographicHash::Sha1).toHex().left(32);
    return QString::fromLatin1(hash) + QStringLiteral("@debrief");
}

} // namespace debrief
