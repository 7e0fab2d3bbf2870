#pragma once

#include <QString>
#include <QStringList>
#include <QTextStream>

namespace debrief {

// The command-line interface (`debrief show|tasks|...`). Works without a display; never
// crashes or hangs. Exit codes: 0 success, 1 usage error, 2 a file cannot be read or written,
// 3 the line is not an action item or the file changed underneath (write-back commands).
class CommandLine final
{
public:
    // `arguments` excludes the program name. Output goes to `out`, messages to `err`.
    static int run(const QStringList &arguments, QTextStream &out, QTextStream &err);

    // One command's usage line, what it does and the exit codes, for `debrief COMMAND --help`.
    static QString help(const QString &command);

    // Whether `argument` names a command (or --help/--version), rather than a vault to open.
    static bool isCommand(const QString &argument);
};

} // namespace debrief
