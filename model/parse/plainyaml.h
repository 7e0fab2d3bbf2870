#pragma once

#include <QByteArrayView>
#include <QJsonObject>

#include <optional>

namespace debrief {

// A fast reader for the plain frontmatter nearly every note has: yaml-cpp's YAML::Load is a
// large part of what reading a vault costs, and this reads the same block for a small fraction.
//
// It accepts only a conservative subset and, for every block it accepts, gives exactly what
// yaml-cpp 0.7 and YamlConverter give (with no diagnostic): tests/parse/tst_plainyaml.cpp and
// tests/fuzz/fuzz_frontmatter.cpp hold it to that. Everything else it declines, and the caller
// reads the block with yaml-cpp. The subset:
//   - 'key: value' lines, the key at column 0 made of letters, digits, non-ASCII, '_', and after
//     the first character also '-', '.', '/' and single inner spaces; no duplicate keys;
//   - a value is empty (null), a plain scalar (typed by YamlConverter::plainScalar) that may
//     fold onto indented continuation lines, a one-line single-quoted scalar, a one-line
//     double-quoted scalar without escapes, a one-line flow list of such scalars, or, after an
//     empty value, a block list of '- item' lines at one indentation holding one-line scalars;
//   - blank lines between entries; no comments, tabs, control characters, invalid UTF-8,
//     U+0085, U+2028, U+2029 or U+FEFF anywhere; at most maxNodes values and items.
class PlainYaml final
{
public:
    static constexpr int maxNodes = 1000;

    // `yaml` is the block between the delimiters with LF line endings (Frontmatter::yamlBlock).
    // std::nullopt when it is outside the subset.
    static std::optional<QJsonObject> parse(QByteArrayView yaml);
};

} // namespace debrief
