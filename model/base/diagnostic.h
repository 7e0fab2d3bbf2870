#pragma once

#include <QList>
#include <QString>

namespace debrief {

// Something worth telling the user about a file: a broken frontmatter, a skipped file.
struct Diagnostic
{
    enum class Severity { Info, Warning, Error };

    int line = 0; // 1-based; 0 when it concerns the whole file
    Severity severity = Severity::Warning;
    QString message;

    friend bool operator==(const Diagnostic &, const Diagnostic &) = default;
};

QString severityName(Diagnostic::Severity severity);

} // namespace debrief
