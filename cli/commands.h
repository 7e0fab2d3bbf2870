#pragma once

#include <QStringList>
#include <QTextStream>

namespace debrief {

// One function per command, each in its own file under cli/. `arguments` excludes the
// command's name. Returns the exit code (see CommandLine).
using CommandFunction = int (*)(const QStringList &arguments, QTextStream &out, QTextStream &err);

struct CommandInfo
{
    const char *name;
    const char *synopsis; // shown in --help, e.g. "show FILE [--json]"
    const char *summary;
    CommandFunction run;
};

} // namespace debrief
