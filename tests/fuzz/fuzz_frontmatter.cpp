// libFuzzer harness holding the frontmatter fast path (PlainYaml) to yaml-cpp. Build with clang
// (see CMakeLists.txt), then e.g.
//   build-fuzz/tests/fuzz/fuzz_frontmatter -max_total_time=300 corpus/ resources/sample-vault/*/
//
// An input that starts with "---" is a whole note; any other is a frontmatter block, which the
// harness puts between delimiters. Whenever the fast path accepts the block, yaml-cpp must read it
// to the same values with no diagnostic, and Frontmatter::parse must give the same whichever
// reader it uses; anything else aborts, after printing both readings.
#include "parse/frontmatter.h"
#include "parse/plainyaml.h"

#include <QByteArray>
#include <QJsonDocument>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace {

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

[[noreturn]] void mismatch(const char *what, const QJsonObject &fast, const QJsonObject &reference)
{
    std::fprintf(stderr, "fast path and yaml-cpp differ (%s)\n  fast path: %s\n  yaml-cpp:  %s\n", what,
                 compact(fast).constData(), compact(reference).constData());
    std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input(reinterpret_cast<const char *>(data), qsizetype(size));
    const QByteArray note = input.startsWith("---") ? input : "---\n" + input + "\n---\n# Body\n";

    using debrief::Frontmatter;
    const Frontmatter reference = Frontmatter::parse(note, Frontmatter::Reader::YamlCppOnly);
    if (reference.terminated) {
        const QByteArray yaml = Frontmatter::yamlBlock(note);
        if (const std::optional<QJsonObject> plain = debrief::PlainYaml::parse(yaml)) {
            if (!reference.diagnostics.isEmpty())
                mismatch("yaml-cpp reports the block", *plain, reference.values);
            if (*plain != reference.values || compact(*plain) != compact(reference.values))
                mismatch("PlainYaml::parse", *plain, reference.values);
        }
    }
    const Frontmatter fast = Frontmatter::parse(note);
    if (fast.present != reference.present || fast.terminated != reference.terminated
        || fast.lineCount != reference.lineCount || fast.bodyOffset != reference.bodyOffset
        || fast.diagnostics != reference.diagnostics || fast.values != reference.values
        || compact(fast.values) != compact(reference.values)) {
        mismatch("Frontmatter::parse", fast.values, reference.values);
    }
    return 0;
}
