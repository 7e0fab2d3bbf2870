#include "cli/searchcommand.h"

#include "search/searchengine.h"
#include "search/searchindex.h"
#include "vault/unspellablenames.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace debrief {

namespace {

const char helpText[] =
    "Usage: debrief search VAULT QUERY... [--json] [--limit N] [--me NAME] [--no-cache]\n"
    "\n"
    "Searches every note in the folder VAULT; the words after VAULT form the query (see\n"
    "\"Search queries\" in the README): words, \"phrases\", -excluded, OR, prefix*, and the fields\n"
    "owner: status: tag: with: due: date: section: path: title:.\n"
    "\n"
    "Options:\n"
    "  --json       Print a JSON array of hits: path, line, kind, text, snippet {text, matches\n"
    "               [[start, length], ...] in UTF-16 code units}, score, status, owner, due\n"
    "               (the last three null unless the hit is an action item)\n"
    "  --limit N    At most N hits (default 50; 0 for all)\n"
    "  --me NAME    Who owner:me is (default: Myself)\n"
    "  --no-cache   Build the index in memory; neither read nor write the cache\n"
    "  -h, --help   Show this help\n"
    "\n"
    "Exit status: 0 searched (even when nothing matches), 1 usage error or malformed query\n"
    "field, 2 the folder cannot be read.\n";

int usageError(QTextStream &err, const QString &message)
{
    err << "debrief search: " << message << "\nTry 'debrief search --help'.\n";
    return 1;
}

QJsonValue orNull(const QString &text)
{
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

QJsonObject toJson(const SearchHit &hit, const QString &root)
{
    QJsonArray matches;
    for (const SearchHit::Match &match : hit.matches)
        matches.append(QJsonArray{match.start, match.length});
    QJsonObject object;
    object.insert(QStringLiteral("path"), root + u'/' + hit.path);
    object.insert(QStringLiteral("line"), hit.line);
    object.insert(QStringLiteral("kind"), blockKindName(hit.kind));
    object.insert(QStringLiteral("text"), hit.text);
    object.insert(QStringLiteral("snippet"),
                  QJsonObject{{QStringLiteral("text"), hit.snippet}, {QStringLiteral("matches"), matches}});
    object.insert(QStringLiteral("score"), hit.score);
    object.insert(QStringLiteral("status"), hit.isActionItem ? QJsonValue(statusName(hit.status)) : QJsonValue());
    object.insert(QStringLiteral("owner"), hit.isActionItem ? orNull(hit.owner) : QJsonValue());
    object.insert(QStringLiteral("due"),
                  hit.isActionItem && hit.due.isValid() ? QJsonValue(hit.due.toString(Qt::ISODate)) : QJsonValue());
    return object;
}

QString highlighted(const SearchHit &hit)
{
    QString text = hit.snippet;
    for (qsizetype i = hit.matches.size() - 1; i >= 0; --i) {
        const SearchHit::Match &match = hit.matches[i];
        text.insert(match.start + match.length, u']');
        text.insert(match.start, u'[');
    }
    return text;
}

} // namespace

int SearchCommand::run(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    // Parsed by hand: "-word" is a query term, not an unknown option.
    bool json = false;
    bool useCache = true;
    int limit = 50;
    QString me = QStringLiteral("Myself");
    QStringList positional;
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString &argument = arguments[i];
        auto value = [&](const QString &name, QString *into) {
            if (argument.startsWith(name + u'=')) {
                *into = argument.mid(name.size() + 1);
                return true;
            }
            if (i + 1 >= arguments.size())
                return false;
            *into = arguments[++i];
            return true;
        };
        QString text;
        if (argument == u"-h" || argument == u"--help") {
            out << helpText;
            return 0;
        } else if (argument == u"--json") {
            json = true;
        } else if (argument == u"--no-cache") {
            useCache = false;
        } else if (argument == u"--limit" || argument.startsWith(u"--limit=")) {
            bool ok = false;
            if (!value(QStringLiteral("--limit"), &text) || (limit = text.toInt(&ok), !ok) || limit < 0)
                return usageError(err, QStringLiteral("--limit needs a number of hits, 0 or more"));
        } else if (argument == u"--me" || argument.startsWith(u"--me=")) {
            if (!value(QStringLiteral("--me"), &me) || me.trimmed().isEmpty())
                return usageError(err, QStringLiteral("--me needs a name"));
        } else if (argument == u"--") {
            positional += arguments.mid(i + 1);
            break;
        } else {
            positional.append(argument);
        }
    }
    if (positional.size() < 2)
        return usageError(
            err, positional.isEmpty() ? QStringLiteral("missing VAULT and QUERY") : QStringLiteral("missing QUERY"));
    const QString folder = positional.takeFirst();
    const QString queryText = positional.join(u' ');
    const SearchQuery query = SearchQuery::parse(queryText, me);
    if (!query.errors.isEmpty()) {
        for (const QString &error : query.errors)
            err << "debrief search: " << error << '\n';
        return 1;
    }

    const QFileInfo info(folder);
    if (!info.isDir() || !info.isReadable()) {
        err << "debrief search: cannot read folder '" << folder << "'\n";
        return 2;
    }
    SearchIndex::Options options;
    options.useCache = useCache;
    SearchIndex index(folder, options);
    if (!index.open()) {
        err << "debrief search: cannot read folder '" << folder << "'\n";
        return 2;
    }
    SearchResult result = index.search(query, limit);
    if (result.damaged && index.rebuild())
        result = index.search(query, limit);
    if (!index.openStats().cacheWarning.isEmpty())
        err << "debrief search: " << index.openStats().cacheWarning << '\n';
    for (const QString &name : index.openStats().unspellable)
        err << "debrief search: warning: " << UnspellableNames::warning(index.root() + u'/' + name) << '\n';

    if (json) {
        QJsonArray hits;
        for (const SearchHit &hit : std::as_const(result.hits))
            hits.append(toJson(hit, index.root()));
        out << QString::fromUtf8(QJsonDocument(hits).toJson(QJsonDocument::Indented));
        return 0;
    }
    if (result.hits.isEmpty()) {
        out << "No matches for " << queryText << " in " << QDir::toNativeSeparators(index.root()) << ".\n";
        return 0;
    }
    for (const SearchHit &hit : std::as_const(result.hits)) {
        out << hit.path << ':' << hit.line << "  " << blockKindName(hit.kind) << "  "
            << QString::number(hit.score, 'f', 2) << '\n';
        out << "    " << highlighted(hit) << '\n';
        if (hit.isActionItem) {
            out << "    " << statusName(hit.status);
            if (!hit.owner.isEmpty())
                out << ", @" << hit.owner;
            if (hit.due.isValid())
                out << ", due " << hit.due.toString(Qt::ISODate);
            out << '\n';
        }
    }
    out << '\n' << result.total << (result.total == 1 ? " hit" : " hits");
    if (result.total > result.hits.size())
        out << ", the best " << result.hits.size() << " shown";
    out << '\n';
    return 0;
}

} // namespace debrief
