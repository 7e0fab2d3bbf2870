#include "search/searchquery.h"

#include "search/indexformat.h"
#include "search/textfold.h"

#include <QRegularExpression>

#include <limits>
#include <optional>

namespace debrief {

namespace {

constexpr qint64 farFuture = std::numeric_limits<qint32>::max();

struct Token
{
    QString text;
    bool quoted = false;
    bool negated = false;
    QString field; // lower-case field name, empty for free text
    bool isOr = false;
};

// Splits the query into tokens: -"phrase", field:"quoted value", field:value, word, OR.
QList<Token> tokenize(const QString &query)
{
    QList<Token> tokens;
    qsizetype i = 0;
    const qsizetype n = query.size();
    auto readQuoted = [&](Token &token) {
        ++i; // the opening quote; an unclosed quote runs to the end
        const qsizetype close = query.indexOf(u'"', i);
        const qsizetype end = close < 0 ? n : close;
        token.text = query.mid(i, end - i);
        token.quoted = true;
        i = close < 0 ? n : close + 1;
    };
    while (i < n) {
        if (query[i].isSpace()) {
            ++i;
            continue;
        }
        Token token;
        if (query[i] == u'-' && i + 1 < n && !query[i + 1].isSpace()) {
            token.negated = true;
            ++i;
        }
        if (query[i] == u'"') {
            readQuoted(token);
            tokens.append(token);
            continue;
        }
        qsizetype end = i;
        while (end < n && !query[end].isSpace() && query[end] != u':' && query[end] != u'"')
            ++end;
        if (end < n && query[end] == u':' && end > i) {
            token.field = query.mid(i, end - i).toLower();
            i = end + 1;
            if (i < n && query[i] == u'"') {
                readQuoted(token);
                tokens.append(token);
                continue;
            }
        }
        end = i;
        while (end < n && !query[end].isSpace())
            ++end;
        token.text += query.mid(i, end - i);
        i = end;
        token.isOr = !token.negated && token.field.isEmpty() && token.text == u"OR";
        tokens.append(token);
    }
    return tokens;
}

std::optional<std::pair<qint64, qint64>> parseDaySpan(const QString &value, const QDate &today)
{
    const QString lower = value.toLower();
    if (lower == u"today")
        return std::pair{today.toJulianDay(), today.toJulianDay()};
    if (lower == u"tomorrow")
        return std::pair{today.toJulianDay() + 1, today.toJulianDay() + 1};
    if (lower == u"yesterday")
        return std::pair{today.toJulianDay() - 1, today.toJulianDay() - 1};
    static const QRegularExpression pattern(QStringLiteral("^(\\d{4})(?:-(\\d{1,2})(?:-(\\d{1,2}))?)?$"));
    const QRegularExpressionMatch match = pattern.match(value);
    if (!match.hasMatch())
        return std::nullopt;
    const int year = match.captured(1).toInt();
    if (match.captured(2).isEmpty())
        return std::pair{QDate(year, 1, 1).toJulianDay(), QDate(year, 12, 31).toJulianDay()};
    const int month = match.captured(2).toInt();
    const QDate first(year, month, 1);
    if (!first.isValid())
        return std::nullopt;
    if (match.captured(3).isEmpty())
        return std::pair{first.toJulianDay(), first.addMonths(1).toJulianDay() - 1};
    const QDate day(year, month, match.captured(3).toInt());
    if (!day.isValid())
        return std::nullopt;
    return std::pair{day.toJulianDay(), day.toJulianDay()};
}

bool parseDateRange(const QString &value, const QDate &today, QueryTerm &term)
{
    QString rest = value;
    QString op;
    for (const char *candidate : {"<=", ">=", "<", ">", "="}) {
        if (rest.startsWith(QLatin1StringView(candidate))) {
            op = QString::fromLatin1(candidate);
            rest = rest.mid(op.size());
            break;
        }
    }
    const auto span = parseDaySpan(rest, today);
    if (!span)
        return false;
    const auto [from, to] = *span;
    term.fromDay = 1;
    term.toDay = farFuture;
    if (op == u"<")
        term.toDay = from - 1;
    else if (op == u"<=")
        term.toDay = to;
    else if (op == u">")
        term.fromDay = to + 1;
    else if (op == u">=")
        term.fromDay = from;
    else {
        term.fromDay = from;
        term.toDay = to;
    }
    return true;
}

std::optional<TaskStatus> parseStatus(const QString &value)
{
    const QString v = value.toLower();
    if (v == u"in-progress" || v == u"inprogress" || v == u"started")
        return TaskStatus::InProgress;
    if (v == u"canceled" || v == u"rejected")
        return TaskStatus::Cancelled;
    if (v == u"completed")
        return TaskStatus::Done;
    if (v == u"todo")
        return TaskStatus::Open;
    return statusFromName(v);
}

std::optional<quint8> parseSection(const QString &value)
{
    using namespace indexformat;
    const QString v = value.toLower();
    if (v == u"summary")
        return Summary;
    if (v == u"decisions" || v == u"decision")
        return Decisions;
    if (v == u"actions" || v == u"action" || v == u"tasks" || v == u"action_items")
        return Actions;
    if (v == u"key" || v == u"key_information")
        return Key;
    if (v == u"related")
        return Related;
    return std::nullopt;
}

// Free text: one word, a phrase when it folds to several words, nothing when it has none.
std::optional<QueryTerm> textTerm(const QString &text, bool quoted, bool negated)
{
    QueryTerm term;
    term.negated = negated;
    term.value = text;
    const bool prefix = !quoted && text.endsWith(u'*');
    term.words = TextFold::terms(prefix ? QStringView(text).chopped(1) : QStringView(text));
    if (term.words.isEmpty())
        return std::nullopt;
    if (term.words.size() > 1)
        term.type = QueryTerm::Type::Phrase;
    else
        term.type = prefix ? QueryTerm::Type::Prefix : QueryTerm::Type::Word;
    return term;
}

} // namespace

bool SearchQuery::itemMode() const
{
    for (const QList<QueryTerm> &clause : clauses) {
        for (const QueryTerm &term : clause) {
            if (term.isItemField())
                return true;
        }
    }
    return false;
}

SearchQuery SearchQuery::parse(const QString &text, const QString &me, const QDate &today)
{
    SearchQuery query;
    bool joinNext = false;
    const QList<Token> tokens = tokenize(text);
    for (qsizetype t = 0; t < tokens.size(); ++t) {
        const Token &token = tokens[t];
        if (token.isOr && !query.clauses.isEmpty() && t + 1 < tokens.size() && !tokens[t + 1].isOr) {
            joinNext = true;
            continue;
        }
        std::optional<QueryTerm> term;
        std::optional<QueryTerm> alternative; // ORed with term
        const QString name = token.field;
        const QString shown = name + u':' + token.text;
        auto malformed = [&](const QString &expected) {
            query.errors.append(QStringLiteral("malformed field '%1': %2").arg(shown, expected));
        };
        if (name.isEmpty()) {
            term = textTerm(token.text, token.quoted, token.negated);
        } else if (token.text.isEmpty()) {
            malformed(QStringLiteral("it needs a value"));
        } else if (name == u"owner" || name == u"with") {
            QueryTerm field;
            field.type = name == u"owner" ? QueryTerm::Type::Owner : QueryTerm::Type::With;
            field.value = token.text;
            if (field.type == QueryTerm::Type::Owner && token.text.compare(u"me", Qt::CaseInsensitive) == 0)
                field.value = me;
            field.words = TextFold::terms(field.value);
            field.joined = field.words.join(' ');
            if (field.words.isEmpty())
                malformed(QStringLiteral("it needs a name"));
            else
                term = field;
            // "@Myself" in a note is its author: owner:me finds those items too.
            if (term && field.value != token.text && field.value.compare(u"Myself", Qt::CaseInsensitive) != 0) {
                alternative = field;
                alternative->value = QStringLiteral("Myself");
                alternative->words = {QByteArrayLiteral("myself")};
                alternative->joined = QByteArrayLiteral("myself");
                alternative->negated = token.negated;
            }
        } else if (name == u"status") {
            if (const auto status = parseStatus(token.text)) {
                QueryTerm field;
                field.type = QueryTerm::Type::Status;
                field.status = *status;
                term = field;
            } else {
                malformed(QStringLiteral("expected proposed, open, in_progress, done, cancelled or other"));
            }
        } else if (name == u"due" || name == u"date") {
            QueryTerm field;
            field.type = name == u"due" ? QueryTerm::Type::Due : QueryTerm::Type::Date;
            field.value = token.text;
            if (parseDateRange(token.text, today, field))
                term = field;
            else
                malformed(QStringLiteral("expected a date like 2025-10-31, 2025-10 or 2025, "
                                         "optionally after <, <=, > or >="));
        } else if (name == u"tag") {
            QueryTerm field;
            field.type = QueryTerm::Type::Tag;
            field.value = token.text.startsWith(u'#') ? token.text.mid(1).toLower() : token.text.toLower();
            field.joined = field.value.toUtf8();
            term = field;
        } else if (name == u"path") {
            QueryTerm field;
            field.type = QueryTerm::Type::Path;
            field.value = TextFold::foldAll(token.text);
            term = field;
        } else if (name == u"title") {
            QueryTerm field;
            field.type = QueryTerm::Type::Title;
            field.value = token.text;
            field.words = TextFold::terms(token.text);
            if (!field.words.isEmpty())
                term = field;
        } else if (name == u"section") {
            if (const auto section = parseSection(token.text))
                (token.negated ? query.excludedSections : query.sections).append(*section);
            else
                malformed(QStringLiteral("expected summary, decisions, actions, key or related"));
            continue;
        } else {
            // Not a field we know ("10:30", "re:invent"): the whole thing, literally.
            term = textTerm(token.field + u':' + token.text, token.quoted, token.negated);
        }
        if (!term)
            continue;
        term->negated = token.negated;
        if (joinNext && !query.clauses.isEmpty())
            query.clauses.last().append(*term);
        else
            query.clauses.append(QList<QueryTerm>{*term});
        if (alternative && !token.negated)
            query.clauses.last().append(*alternative);
        else if (alternative) // not me and not Myself: two clauses
            query.clauses.append(QList<QueryTerm>{*alternative});
        joinNext = false;
    }
    return query;
}

} // namespace debrief
