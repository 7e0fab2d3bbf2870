#pragma once

// Shared by the TaskLine tests: readable field descriptions and every signifier spelled out in
// explicit bytes (real, Mac Roman and Windows-1252 mojibake, with and without U+FE0F), written
// here rather than taken from TextRepair so that the two are checked against each other.

#include "parse/taskline.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace fixture {

using Kind = debrief::TaskLine::FieldKind;
using debrief::TaskLine;

inline QString kindName(Kind kind)
{
    switch (kind) {
    case Kind::Owner: return QStringLiteral("owner");
    case Kind::Due: return QStringLiteral("due");
    case Kind::Scheduled: return QStringLiteral("scheduled");
    case Kind::Start: return QStringLiteral("start");
    case Kind::Created: return QStringLiteral("created");
    case Kind::DoneDate: return QStringLiteral("done");
    case Kind::CancelledDate: return QStringLiteral("cancelled");
    case Kind::Priority: return QStringLiteral("priority");
    case Kind::Recurrence: return QStringLiteral("recurrence");
    case Kind::OnCompletion: return QStringLiteral("oncompletion");
    case Kind::Id: return QStringLiteral("id");
    case Kind::DependsOn: return QStringLiteral("dependson");
    case Kind::Tag: return QStringLiteral("tag");
    }
    return {};
}

// "due 38-53 2025-10-31": one readable string per field, so a failing row shows what differs.
inline QStringList describe(const TaskLine &task)
{
    QStringList out;
    for (const TaskLine::Field &field : task.fields) {
        out << QStringLiteral("%1 %2-%3 %4%5")
                    .arg(kindName(field.kind))
                    .arg(field.begin)
                    .arg(field.end)
                    .arg(field.value, field.dataview ? QStringLiteral(" (dataview)") : QString())
                + (field.valid ? QString() : QStringLiteral(" (invalid)"));
    }
    return out;
}

struct Spellings
{
    const char *name;
    Kind kind;
    const char *value;  // what follows the signifier in the test line
    const char *parsed; // the field's value
    QByteArray real;
    QByteArray mac;
    QByteArray cp1252;
    QByteArray macSelector;
    QByteArray cp1252Selector;
};

inline const QList<Spellings> &signifierSpellings()
{
    static const QList<Spellings> all{
        {"due", Kind::Due, " 2025-10-31", "2025-10-31", "\xF0\x9F\x93\x85", "\xEF\xA3\xBF\xC3\xBC\xC3\xAC\xC3\x96",
         "\xC3\xB0\xC5\xB8\xE2\x80\x9C\xE2\x80\xA6", "\xEF\xA3\xBF\xC3\xBC\xC3\xAC\xC3\x96\xC3\x94\xE2\x88\x8F\xC3\xA8",
         "\xC3\xB0\xC5\xB8\xE2\x80\x9C\xE2\x80\xA6\xC3\xAF\xC2\xB8\xC2\x8F"},
        {"scheduled", Kind::Scheduled, " 2025-11-02", "2025-11-02", "\xE2\x8F\xB3", "\xE2\x80\x9A\xC3\xA8\xE2\x89\xA5",
         "\xC3\xA2\xC2\x8F\xC2\xB3", "\xE2\x80\x9A\xC3\xA8\xE2\x89\xA5\xC3\x94\xE2\x88\x8F\xC3\xA8",
         "\xC3\xA2\xC2\x8F\xC2\xB3\xC3\xAF\xC2\xB8\xC2\x8F"},
        {"start", Kind::Start, " 2025-01-15", "2025-01-15", "\xF0\x9F\x9B\xAB", "\xEF\xA3\xBF\xC3\xBC\xC3\xB5\xC2\xB4",
         "\xC3\xB0\xC5\xB8\xE2\x80\xBA\xC2\xAB", "\xEF\xA3\xBF\xC3\xBC\xC3\xB5\xC2\xB4\xC3\x94\xE2\x88\x8F\xC3\xA8",
         "\xC3\xB0\xC5\xB8\xE2\x80\xBA\xC2\xAB\xC3\xAF\xC2\xB8\xC2\x8F"},
        {"created", Kind::Created, " 2024-02-29", "2024-02-29", "\xE2\x9E\x95", "\xE2\x80\x9A\xC3\xBB\xC3\xAF",
         "\xC3\xA2\xC5\xBE\xE2\x80\xA2", "\xE2\x80\x9A\xC3\xBB\xC3\xAF\xC3\x94\xE2\x88\x8F\xC3\xA8",
         "\xC3\xA2\xC5\xBE\xE2\x80\xA2\xC3\xAF\xC2\xB8\xC2\x8F"},
        {"done", Kind::DoneDate, " 2026-11-21", "2026-11-21", "\xE2\x9C\x85", "\xE2\x80\x9A\xC3\xBA\xC3\x96",
         "\xC3\xA2\xC5\x93\xE2\x80\xA6", "\xE2\x80\x9A\xC3\xBA\xC3\x96\xC3\x94\xE2\x88\x8F\xC3\xA8",
         "\xC3\xA2\xC5\x93\xE2\x80\xA6\xC3\xAF\xC2\xB8\xC2\x8F"},
        {"cancelled", Kind::CancelledDate, " 2026-11-21", "2026-11-21", "\xE2\x9D\x8C", "\xE2\x80\x9A\xC3\xB9\xC3\xA5",
         "\xC3\xA2\xC2\x9D\xC5\x92", "\xE2\x80\x9A\xC3\xB9\xC3\xA5\xC3\x94\xE2\x88\x8F\xC3\xA8",
         "\xC3\xA2\xC2\x9D\xC5\x92\xC3\xAF\xC2\xB8\xC2\x8F"},
        {"highest", Kind::Priority, "", "highest", "\xF0\x9F\x94\xBA", "\xEF\xA3\xBF\xC3\xBC\xC3\xAE\xE2\x88\xAB",
         "\xC3\xB0\xC5\xB8\xE2\x80\x9D\xC2\xBA", "\xEF\xA3\xBF\xC3\xBC\xC3\xAE\xE2\x88\xAB\xC3\x94\xE2\x88\x8F\xC3\xA8",
         "\xC3\xB0\xC5\xB8\xE2\x80\x9D\xC2\xBA\xC3\xAF\xC2\xB8\xC2\x8F"},
        {"high", Kind::Priority, "", "high", "\xE2\x8F\xAB", "\xE2\x80\x9A\xC3\xA8\xC2\xB4", "\xC3\xA2\xC2\x8F\xC2\xAB",
         "\xE2\x80\x9A\xC3\xA8\xC2\xB4\xC3\x94\xE2\x88\x8F\xC3\xA8",
         "\xC3\xA2\xC2\x8F\xC2\xAB\xC3\xAF\xC2\xB8\xC2\x8F"},
        {"medium", Kind::Priority, "", "medium", "\xF0\x9F\x94\xBC", "\xEF\xA3\xBF\xC3\xBC\xC3\xAE\xC2\xBA",
         "\xC3\xB0\xC5\xB8\xE2\x80\x9D\xC2\xBC", "\xEF\xA3\xBF\xC3\xBC\xC3\xAE\xC2\xBA\xC3\x94\xE2\x88\x8F\xC3\xA8",
         "\xC3\xB0\xC5\xB8\xE2\x80\x9D\xC2\xBC\xC3\xAF\xC2\xB8\xC2\x8F"},
        {"low", Kind::Priority, "", "low", "\xF0\x9F\x94\xBD", "\xEF\xA3\xBF\xC3\xBC\xC3\xAE\xCE\xA9",
         "\xC3\xB0\xC5\xB8\xE2\x80\x9D\xC2\xBD", "\xEF\xA3\xBF\xC3\xBC\xC3\xAE\xCE\xA9\xC3\x94\xE2\x88\x8F\xC3\xA8",
         "\xC3\xB0\xC5\xB8\xE2\x80\x9D\xC2\xBD\xC3\xAF\xC2\xB8\xC2\x8F"},
        {"lowest", Kind::Priority, "", "lowest", "\xE2\x8F\xAC", "\xE2\x80\x9A\xC3\xA8\xC2\xA8",
         "\xC3\xA2\xC2\x8F\xC2\xAC", "\xE2\x80\x9A\xC3\xA8\xC2\xA8\xC3\x94\xE2\x88\x8F\xC3\xA8",
         "\xC3\xA2\xC2\x8F\xC2\xAC\xC3\xAF\xC2\xB8\xC2\x8F"},
        {"recurrence", Kind::Recurrence, " every week", "every week", "\xF0\x9F\x94\x81",
         "\xEF\xA3\xBF\xC3\xBC\xC3\xAE\xC3\x85", "\xC3\xB0\xC5\xB8\xE2\x80\x9D\xC2\x81",
         "\xEF\xA3\xBF\xC3\xBC\xC3\xAE\xC3\x85\xC3\x94\xE2\x88\x8F\xC3\xA8",
         "\xC3\xB0\xC5\xB8\xE2\x80\x9D\xC2\x81\xC3\xAF\xC2\xB8\xC2\x8F"},
    };
    return all;
}

inline const QByteArray realSelector("\xEF\xB8\x8F");

} // namespace fixture
