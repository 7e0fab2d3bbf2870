#pragma once

#include <QStringList>
#include <QTextStream>

namespace debrief {

// `debrief search VAULT QUERY [--json] [--limit N]`: ranked hits from the vault's search index,
// which is read from the cache folder and brought up to date first.
class SearchCommand final
{
public:
    static int run(const QStringList &arguments, QTextStream &out, QTextStream &err);
};

} // namespace debrief
