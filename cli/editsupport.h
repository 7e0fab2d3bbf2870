#pragma once

#include "base/textlines.h"
#include "edit/editerror.h"
#include "edit/linepatch.h"
#include "edit/noteedit.h"

#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>
#include <QTextStream>

#include <optional>

namespace debrief::cli {

// What the write-back commands share: FILE:LINE targets, "today", exit codes, and applying the
// edits of several files: every file is planned before any is written, so a refused edit writes nothing.

struct Target
{
    QString file;
    int line = 0;
};

std::optional<Target> parseTarget(const QString &argument); // "notes/a.md:12"

// DEBRIEF_TODAY=YYYY-MM-DD overrides the date written into ✅/❌ fields (for tests and scripts).
std::optional<QDate> today(QTextStream &err);

std::optional<QDate> parseDate(const QString &text); // YYYY-MM-DD or "none" (an invalid QDate)

// Splits "--owner=Ann" in place into option "--owner" and its value, or takes the value from the
// next argument (advancing `i`). Returns nullopt when the option is the last argument.
std::optional<QString> takeOptionValue(const QStringList &arguments, qsizetype &i, QString &option);

// True when -h or --help stands where an option may: not as the value of one of
// `valueOptions` (`--text --help` is a text) and not after "--". The command then prints its
// help and exits 0.
bool wantsHelp(const QStringList &arguments, const QStringList &valueOptions = {});

int exitCode(const EditError &error); // 2 for files that cannot be read or written, 3 for the rest

// Plans every file's edits first and writes only when all of them can be made. `done` names what
// happened in the success messages ("accepted", "edited").
int applyEdits(const QList<std::pair<Target, NoteEdit>> &edits, const QString &done, QDate day, QTextStream &out,
               QTextStream &err);

// A unified diff of what `patch` does to `lines` (three lines of context), for --dry-run.
QString unifiedDiff(const QString &path, const TextLines &lines, const LinePatch &patch);

} // namespace debrief::cli
