#pragma once

#include <QStringList>
#include <QTextStream>

namespace debrief {

// `debrief show FILE [--vault FOLDER] [--json]`: one note, as text or JSON.
class ShowCommand final
{
public:
    static int run(const QStringList &arguments, QTextStream &out, QTextStream &err);
};

} // namespace debrief
