#pragma once

// Holds Frontmatter's fast path (PlainYaml) to yaml-cpp's reading of the same note: whenever
// the fast path accepts a block, yaml-cpp must read it to the same values without a diagnostic,
// and a note must come out the same whichever reader Frontmatter::parse uses.

#include "parse/frontmatter.h"
#include "parse/plainyaml.h"

#include <QJsonDocument>
#include <QString>

namespace debrief::test {

inline QString compactJson(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

// Empty when both readers agree on `note` (a whole file); else what differs.
inline QString fastPathMismatch(QByteArrayView note)
{
    const Frontmatter reference = Frontmatter::parse(note, Frontmatter::Reader::YamlCppOnly);
    const std::optional<QJsonObject> plain =
        reference.terminated ? PlainYaml::parse(Frontmatter::yamlBlock(note)) : std::nullopt;
    if (plain) {
        if (!reference.diagnostics.isEmpty()) {
            return QStringLiteral("the fast path accepts what yaml-cpp reports: %1")
                .arg(reference.diagnostics.first().message);
        }
        if (*plain != reference.values || compactJson(*plain) != compactJson(reference.values)) {
            return QStringLiteral("fast path %1, yaml-cpp %2").arg(compactJson(*plain), compactJson(reference.values));
        }
    }
    const Frontmatter fast = Frontmatter::parse(note);
    if (fast.present != reference.present || fast.terminated != reference.terminated
        || fast.lineCount != reference.lineCount || fast.bodyOffset != reference.bodyOffset
        || fast.values != reference.values || fast.diagnostics != reference.diagnostics) {
        return QStringLiteral("Frontmatter::parse differs by reader: %1 against %2")
            .arg(compactJson(fast.values), compactJson(reference.values));
    }
    return {};
}

// True when `note` has a closed frontmatter block and the fast path reads it.
inline bool fastPathAccepts(QByteArrayView note)
{
    return Frontmatter::parse(note, Frontmatter::Reader::YamlCppOnly).terminated
        && PlainYaml::parse(Frontmatter::yamlBlock(note)).has_value();
}

} // namespace debrief::test
