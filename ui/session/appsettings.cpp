#include "session/appsettings.h"

#include <QLocale>
#include <QSettings>

namespace debrief {

namespace {

struct Cache
{
    bool loaded = false;
    QString userName;
    QString dateFormat;
};

Cache &cache()
{
    static Cache c;
    return c;
}

constexpr int maxRecentVaults = 8;

} // namespace

void AppSettings::load()
{
    Cache &c = cache();
    if (c.loaded)
        return;
    QSettings settings;
    c.userName = settings.value(QStringLiteral("user/name")).toString();
    c.dateFormat = settings.value(QStringLiteral("display/dateFormat"), QStringLiteral("yyyy-MM-dd")).toString();
    c.loaded = true;
}

QString AppSettings::userName()
{
    load();
    return cache().userName;
}

void AppSettings::setUserName(const QString &name)
{
    load();
    cache().userName = name.trimmed();
    QSettings().setValue(QStringLiteral("user/name"), cache().userName);
}

QString AppSettings::dateFormat()
{
    load();
    return cache().dateFormat;
}

void AppSettings::setDateFormat(const QString &format)
{
    load();
    cache().dateFormat = format;
    QSettings().setValue(QStringLiteral("display/dateFormat"), format);
}

QString AppSettings::formatDate(const QDate &date)
{
    if (!date.isValid())
        return QString();
    const QString format = dateFormat();
    if (format.isEmpty())
        return QLocale().toString(date, QLocale::ShortFormat);
    return date.toString(format);
}

QString AppSettings::lastVault()
{
    return QSettings().value(QStringLiteral("vault/last")).toString();
}

QStringList AppSettings::recentVaults()
{
    return QSettings().value(QStringLiteral("vault/recent")).toStringList();
}

void AppSettings::noteVaultOpened(const QString &path)
{
    QSettings settings;
    settings.setValue(QStringLiteral("vault/last"), path);
    QStringList recent = settings.value(QStringLiteral("vault/recent")).toStringList();
    recent.removeAll(path);
    recent.prepend(path);
    while (recent.size() > maxRecentVaults)
        recent.removeLast();
    settings.setValue(QStringLiteral("vault/recent"), recent);
}

bool AppSettings::isMe(const QString &owner)
{
    if (owner.compare(u"Myself", Qt::CaseInsensitive) == 0)
        return true;
    const QString me = userName();
    return !me.isEmpty() && owner.compare(me, Qt::CaseInsensitive) == 0;
}

} // namespace debrief
