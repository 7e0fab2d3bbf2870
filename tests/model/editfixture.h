#pragma once

// Shared by the edit tests: files, fixtures and "today".
#include <QDate>
#include <QDir>
#include <QFile>
#include <QString>
#include <QStringList>

namespace debrief::test {

inline const QDate editToday(2026, 11, 21);

inline QByteArray readAll(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return QByteArrayLiteral("<unreadable>");
    return file.readAll();
}

inline bool writeAll(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(bytes) == bytes.size();
}

inline QString editFixture(const QString &name)
{
    return QStringLiteral(DEBRIEF_FIXTURES "/edit/") + name;
}

} // namespace debrief::test
