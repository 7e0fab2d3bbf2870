#pragma once

// What the export tests share: notes made from invented task lines, and the independent
// readers (Debian's python3 with python3-icalendar, python3's csv module) run on a file.

#include "export/exportitem.h"
#include "parse/noteparser.h"

#include <QByteArray>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QList>
#include <QProcess>
#include <QStandardPaths>
#include <QString>

namespace debrief::test {

// A meeting note holding `lines` in its Action Items section.
inline QByteArray noteWith(const QByteArray &lines, const QByteArray &title = "Weekly sync, team A")
{
    return "---\ntitle: \"" + title
        + "\"\ndate: 2025-10-03\nparticipants: [Ann Lee, Bo Chen]\n---\n\n"
          "## Summary\n\nWe met.\n\n## Action Items\n\n"
        + lines + "\n\n## Decisions\n\n- Ship the beta on Friday.\n";
}

inline QList<ExportItem> itemsOf(const QByteArray &noteBytes, const QString &root,
                                 const QString &relative = QStringLiteral("meetings/2025-10-03 sync.md"))
{
    const Note note = NoteParser::parse(noteBytes, root + u'/' + relative);
    QList<ExportItem> items;
    for (const ActionItem &item : note.actionItems)
        items.append(ExportItem::from(note, item, root));
    return items;
}

// Debian's python3 first: python3-icalendar is installed for it, not for another python3 found first.
inline QString python()
{
    if (QFile::exists(QStringLiteral("/usr/bin/python3")))
        return QStringLiteral("/usr/bin/python3");
    return QStandardPaths::findExecutable(QStringLiteral("python3"));
}

struct ReaderResult
{
    int exitCode = -1; // 3: the reader's module is missing
    QByteArray out;
    QByteArray err;
};

inline ReaderResult runPython(const QStringList &arguments)
{
    ReaderResult result;
    const QString program = python();
    if (program.isEmpty())
        return result;
    QProcess process;
    process.start(program, arguments);
    if (!process.waitForFinished(60000))
        return result;
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}

} // namespace debrief::test
