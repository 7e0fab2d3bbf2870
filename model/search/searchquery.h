#pragma once

#include "note/actionitem.h"

#include <QByteArray>
#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>

namespace debrief {

// One operand of a query: a word, a phrase or a field, possibly negated.
struct QueryTerm
{
    enum class Type { Word, Prefix, Phrase, Owner, Status, Tag, With, Due, Date, Path, Title };

    Type type = Type::Word;
    bool negated = false;
    QList<QByteArray> words; // folded: the word, the prefix, the phrase's words, a name's words
    QByteArray joined;       // Owner and With: `words` joined by spaces; Tag: value in UTF-8
    QString value;           // Tag and Path: folded value; otherwise as typed
    TaskStatus status = TaskStatus::Open;
    qint64 fromDay = 0; // Due and Date: inclusive range of Julian days
    qint64 toDay = 0;

    bool isText() const { return type == Type::Word || type == Type::Prefix || type == Type::Phrase; }
    bool isItemField() const { return type == Type::Owner || type == Type::Status || type == Type::Due; }
};

// A parsed query: clauses that must all hold, each a list of terms of which one must hold
// (terms joined by OR). Parsing never fails: what is not syntax is read as words.
struct SearchQuery
{
    QList<QList<QueryTerm>> clauses;
    QList<quint8> sections;         // indexformat::SectionCode values from section:, ORed
    QList<quint8> excludedSections; // from -section:
    QStringList errors;             // malformed fields, each message names the field

    bool itemMode() const; // an owner:, status: or due: term is present

    // `me` is what owner:me means (the user's name from settings, else "Myself"); `today`
    // anchors today/tomorrow/yesterday.
    static SearchQuery parse(const QString &text, const QString &me = QStringLiteral("Myself"),
                             const QDate &today = QDate::currentDate());
};

} // namespace debrief
