#pragma once

#include <QStringList>
#include <QTextStream>

namespace debrief {

// `debrief tasks VAULT [--status LIST] [--owner NAME] [--due-before DATE] [--json]`: the action
// items of every note in a vault, ordered by file path, then line.
class TasksCommand final
{
public:
    static int run(const QStringList &arguments, QTextStream &out, QTextStream &err);
};

} // namespace debrief
