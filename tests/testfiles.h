#pragma once

// Reading and writing the files a test sets up, the same way in every test.

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QString>

namespace debrief::test {

// The file's bytes; "<unreadable>" when it cannot be read, so that a comparison with the
// bytes a test expects fails and says why.
inline QByteArray readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return QByteArrayLiteral("<unreadable>");
    return file.readAll();
}

// Writes `bytes` over the file, creating its folders; false when any of it could not be written.
// Use as QVERIFY(writeFile(...)).
inline bool writeFile(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(bytes) == bytes.size();
}

} // namespace debrief::test
