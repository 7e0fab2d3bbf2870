#pragma once

#include "base/diagnostic.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QJsonObject>
#include <QList>

namespace debrief {

// The YAML block at the top of a note. Never throws and never hangs: deep nesting, alias bombs
// and alias cycles end in a diagnostic, and the rest of the note is still read.
// Not closed: present, not terminated, lineCount 0 and bodyOffset after the BOM, so the whole
// file is read as Markdown, as Obsidian does. Broken YAML: a diagnostic on the file's line, the
// body starts after the closing line all the same. Plain scalars follow YAML 1.2's core schema
// (see YamlConverter::plainScalar); quoted ones stay strings.
struct Frontmatter
{
    bool present = false;     // the file starts with a '---' line (after an optional BOM)
    bool terminated = false;  // closed by '---' or '...'
    int lineCount = 0;        // lines taken, delimiters included; the body starts after them
    qsizetype bodyOffset = 0; // byte offset where the body starts
    QJsonObject values;       // every key; plain scalars typed by YAML's core schema, dates stay strings
    QList<Diagnostic> diagnostics;

    // Who reads the YAML: PlainYaml's fast path for the plain blocks nearly every note has, with
    // yaml-cpp for everything it declines; or yaml-cpp alone, the reference that the tests and
    // tests/fuzz/fuzz_frontmatter hold the fast path to.
    enum class Reader { FastPathFirst, YamlCppOnly };

    // `bytes` is the whole file; a leading UTF-8 BOM is skipped.
    static Frontmatter parse(QByteArrayView bytes, Reader reader = Reader::FastPathFirst);
    // The YAML between the delimiters as the readers get it (LF line endings, every line ended);
    // empty when the file has no closed frontmatter.
    static QByteArray yamlBlock(QByteArrayView bytes);
    // Where the body starts, as parse() would say, without reading the YAML.
    static qsizetype bodyOffsetOf(QByteArrayView bytes);
};

} // namespace debrief
