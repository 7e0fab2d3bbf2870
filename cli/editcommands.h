#pragma once

#include <QStringList>
#include <QTextStream>

namespace debrief::cli {

// The write-back commands, one file each (status commands share one). See CommandLine for the
// exit codes; a refused edit writes nothing (see applyEdits).
int runAccept(const QStringList &arguments, QTextStream &out, QTextStream &err);
int runReject(const QStringList &arguments, QTextStream &out, QTextStream &err);
int runDone(const QStringList &arguments, QTextStream &out, QTextStream &err);
int runReopen(const QStringList &arguments, QTextStream &out, QTextStream &err);
int runEdit(const QStringList &arguments, QTextStream &out, QTextStream &err);
int runAdd(const QStringList &arguments, QTextStream &out, QTextStream &err);
int runDelete(const QStringList &arguments, QTextStream &out, QTextStream &err);
int runRepair(const QStringList &arguments, QTextStream &out, QTextStream &err);
int runReviewed(const QStringList &arguments, QTextStream &out, QTextStream &err);
int runExport(const QStringList &arguments, QTextStream &out, QTextStream &err);
int runFollowUp(const QStringList &arguments, QTextStream &out, QTextStream &err);

} // namespace debrief::cli
