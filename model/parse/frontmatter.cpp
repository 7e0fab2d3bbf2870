#include "parse/frontmatter.h"

#include "parse/plainyaml.h"
#include "parse/yamlconverter.h"

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/yaml.h>

#include <exception>
#include <optional>
#include <string>

namespace debrief {

namespace {

struct Line
{
    qsizetype begin = 0;
    qsizetype end = 0;  // content end, line ending excluded
    qsizetype next = 0; // start of the next line
};

// CRLF, LF and a lone CR all end a line, as in CommonMark.
Line lineAt(QByteArrayView bytes, qsizetype begin)
{
    qsizetype i = begin;
    const qsizetype size = bytes.size();
    while (i < size && bytes[i] != '\n' && bytes[i] != '\r')
        ++i;
    Line line{begin, i, i};
    if (i < size) {
        line.next = i + 1;
        if (bytes[i] == '\r' && i + 1 < size && bytes[i + 1] == '\n')
            line.next = i + 2;
    }
    return line;
}

// "---" or "..." followed by nothing but spaces and tabs.
bool isDelimiter(QByteArrayView line, bool allowDots)
{
    if (line.size() < 3)
        return false;
    const QByteArrayView mark = line.first(3);
    if (mark != "---" && !(allowDots && mark == "..."))
        return false;
    for (const char c : line.sliced(3)) {
        if (c != ' ' && c != '\t')
            return false;
    }
    return true;
}

QString diagnosticMessage(const char *what, const std::string &detail)
{
    return QStringLiteral("%1: %2").arg(QLatin1StringView(what), QString::fromStdString(detail));
}

// The block between the delimiters, with LF line endings only, so that yaml-cpp's 0-based line
// numbers map onto the file's lines whatever ending the file uses.
struct Block
{
    bool present = false;
    bool closed = false;
    int lines = 0; // delimiters included
    qsizetype bodyOffset = 0;
    QByteArray yaml;
};

Block delimit(QByteArrayView bytes)
{
    Block block;
    qsizetype start = 0;
    if (bytes.startsWith("\xEF\xBB\xBF"))
        start = 3;
    block.bodyOffset = start;

    const Line first = lineAt(bytes, start);
    if (!isDelimiter(bytes.sliced(first.begin, first.end - first.begin), false))
        return block;
    block.present = true;

    int lines = 1;
    qsizetype pos = first.next;
    while (pos < bytes.size()) {
        const Line line = lineAt(bytes, pos);
        ++lines;
        const QByteArrayView content = bytes.sliced(line.begin, line.end - line.begin);
        if (isDelimiter(content, true)) {
            block.closed = true;
            block.lines = lines;
            block.bodyOffset = line.next;
            return block;
        }
        block.yaml.append(content.data(), content.size());
        block.yaml.append('\n');
        if (line.next == line.end) // last line, no line ending
            break;
        pos = line.next;
    }
    return block;
}

} // namespace

QByteArray Frontmatter::yamlBlock(QByteArrayView bytes)
{
    Block block = delimit(bytes);
    return block.closed ? std::move(block.yaml) : QByteArray();
}

qsizetype Frontmatter::bodyOffsetOf(QByteArrayView bytes)
{
    return delimit(bytes).bodyOffset;
}

Frontmatter Frontmatter::parse(QByteArrayView bytes, Reader reader)
{
    Frontmatter result;
    const Block block = delimit(bytes);
    result.bodyOffset = block.bodyOffset;
    if (!block.present)
        return result;
    result.present = true;

    if (!block.closed) {
        // Obsidian shows such a file as plain Markdown (the '---' is a rule), and so do we: the
        // whole file is the body, so no heading or task below is lost to a missing delimiter.
        result.diagnostics.append({1, Diagnostic::Severity::Warning,
                                   QStringLiteral("The frontmatter is never closed by a '---' line; "
                                                  "the whole file is read as Markdown.")});
        return result;
    }

    result.terminated = true;
    result.lineCount = block.lines;
    result.bodyOffset = block.bodyOffset;
    const QByteArray &yaml = block.yaml;

    // Nearly every note's block is plain 'key: value' lines, which PlainYaml reads to the same
    // values as yaml-cpp at a small fraction of the cost; it declines everything else.
    if (reader == Reader::FastPathFirst) {
        if (std::optional<QJsonObject> values = PlainYaml::parse(yaml)) {
            result.values = std::move(*values);
            return result;
        }
    }

    try {
        const YAML::Node root = YAML::Load(yaml.toStdString());
        if (root.IsMap()) {
            YamlConverter converter;
            result.values = converter.toObject(root);
            if (converter.truncated()) {
                result.diagnostics.append({1, Diagnostic::Severity::Warning,
                                           QStringLiteral("The frontmatter is nested too deeply or expands too far "
                                                          "(aliases); some values were left out.")});
            }
        } else if (!root.IsNull()) {
            const int line = root.Mark().is_null() ? 2 : root.Mark().line + 2;
            result.diagnostics.append({line, Diagnostic::Severity::Warning,
                                       QStringLiteral("The frontmatter is not a list of "
                                                      "'key: value' lines; it is ignored.")});
        }
    } catch (const YAML::DeepRecursion &error) {
        // yaml-cpp's own message for this is "bad file".
        const int line = error.mark.is_null() ? 1 : error.mark.line + 2;
        result.diagnostics.append(
            {line, Diagnostic::Severity::Warning, QStringLiteral("Broken frontmatter: nested too deeply.")});
    } catch (const YAML::Exception &error) {
        // Mark lines are 0-based and count from the line after the opening '---'.
        const int line = error.mark.is_null() ? 1 : error.mark.line + 2;
        result.diagnostics.append(
            {line, Diagnostic::Severity::Warning, diagnosticMessage("Broken frontmatter", error.msg)});
    } catch (const std::exception &error) {
        result.diagnostics.append(
            {1, Diagnostic::Severity::Warning, diagnosticMessage("Broken frontmatter", error.what())});
    }
    return result;
}

} // namespace debrief
