#pragma once

#include "note/actionitem.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QDate>
#include <QList>
#include <QSet>
#include <QString>

#include <optional>

namespace debrief {

// Which action items a command takes: the options `tasks` and `export` share (--status,
// --owner, --due-before), read and checked in one place so that both mean the same by them.
class TaskSelection final
{
public:
    // The options to add to the command's parser.
    static QList<QCommandLineOption> options();
    // Their lines of the command's --help text.
    static const char *helpLines();

    // The selection the parser's options ask for; nullopt with `error` set (a usage error).
    static std::optional<TaskSelection> read(const QCommandLineParser &parser, QString *error);

    bool matches(const ActionItem &item) const;

    // YYYY-MM-DD and nothing else ("2025-1-5" and "2025-02-30" are refused).
    static std::optional<QDate> parseDate(const QString &text);

private:
    QSet<TaskStatus> m_statuses;
    QString m_owner;   // empty: anyone
    QDate m_dueBefore; // invalid: any due date, or none
};

} // namespace debrief
