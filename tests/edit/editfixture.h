#pragma once

// Shared by the edit tests: files, fixtures and "today".
#include "testfiles.h"

#include <QDate>
#include <QDir>
#include <QFile>
#include <QString>
#include <QStringList>

namespace debrief::test {

inline const QDate editToday(2026, 11, 21);

inline QString editFixture(const QString &name)
{
    return QStringLiteral(DEBRIEF_FIXTURES "/edit/") + name;
}

} // namespace debrief::test
