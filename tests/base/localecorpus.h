#pragma once

// Real text in many languages: the translations Debian installs under /usr/share/locale, read
// straight from their .mo files (GNU gettext's binary catalogues: a header, then tables of
// lengths and offsets). Every translated string, split into lines; empty where none is installed.

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QString>
#include <QStringList>
#include <QtEndian>

namespace debrief::test {

inline QStringList moStrings(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QByteArray data = file.readAll();
    if (data.size() < 28)
        return {};
    const auto word = [&](qsizetype at, bool big) -> quint32 {
        if (at < 0 || at + 4 > data.size())
            return 0;
        return big ? qFromBigEndian<quint32>(data.constData() + at) : qFromLittleEndian<quint32>(data.constData() + at);
    };
    const bool big = word(0, true) == 0x950412DE;
    if (!big && word(0, false) != 0x950412DE)
        return {};
    const quint32 count = word(8, big);
    const quint32 translations = word(16, big);
    QStringList lines;
    for (quint32 i = 0; i < count; ++i) {
        const quint32 length = word(qsizetype(translations) + 8 * qsizetype(i), big);
        const quint32 offset = word(qsizetype(translations) + 8 * qsizetype(i) + 4, big);
        if (qsizetype(offset) + qsizetype(length) > data.size())
            break;
        const QByteArray text = data.mid(offset, length);
        if (text.startsWith("Project-Id-Version") || !QByteArrayView(text).isValidUtf8())
            continue; // the catalogue's header, or a catalogue in another charset
        // Plural forms are separated by NUL; lines by newline.
        for (const QByteArray &form : text.split('\0')) {
            for (const QByteArray &line : form.split('\n')) {
                if (!line.trimmed().isEmpty())
                    lines.append(QString::fromUtf8(line));
            }
        }
    }
    return lines;
}

// The lines of every catalogue of `language` (a folder name under /usr/share/locale).
inline QStringList localeCorpus(const QString &language)
{
    const QDir dir(QStringLiteral("/usr/share/locale/%1/LC_MESSAGES").arg(language));
    QStringList lines;
    for (const QString &name : dir.entryList({QStringLiteral("*.mo")}, QDir::Files, QDir::Name))
        lines += moStrings(dir.filePath(name));
    return lines;
}

// The languages the repair is checked against.
inline QStringList corpusLanguages()
{
    return {QStringLiteral("fr"), QStringLiteral("de"), QStringLiteral("es"), QStringLiteral("pt"),
            QStringLiteral("it"), QStringLiteral("pl"), QStringLiteral("cs"), QStringLiteral("ro"),
            QStringLiteral("tr"), QStringLiteral("el"), QStringLiteral("ru"), QStringLiteral("he"),
            QStringLiteral("ar"), QStringLiteral("vi"), QStringLiteral("ja"), QStringLiteral("zh_CN")};
}

} // namespace debrief::test
