#pragma once

#include <QDate>
#include <QString>
#include <QStringList>

namespace debrief {

// The user's preferences, kept in QSettings. Values models read on every paint are cached.
class AppSettings final
{
public:
    static QString userName();
    static void setUserName(const QString &name);

    static QString dateFormat(); // a QDate format string; empty means the system's short format
    static void setDateFormat(const QString &format);
    static QString formatDate(const QDate &date);

    static QString lastVault();
    static QStringList recentVaults();
    static void noteVaultOpened(const QString &path); // becomes the last and first recent vault

    // Whether `owner` means the user: their own name, or @Myself (the note's author).
    static bool isMe(const QString &owner);

private:
    static void load();
};

} // namespace debrief
