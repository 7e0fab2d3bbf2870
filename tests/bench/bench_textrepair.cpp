// What text repair costs: every translated line Debian installs for sixteen languages (correct
// text, the common case), repaired and checked for mojibake, then the same lines turned into
// cp1252 mojibake once. Prints nanoseconds per character. Not a test: run it by hand.
#include "base/codepage.h"
#include "base/textrepair.h"
#include "localecorpus.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <cstdio>

using namespace debrief;

namespace {

double nsPerChar(const QStringList &lines, qsizetype chars, bool check)
{
    QElapsedTimer timer;
    timer.start();
    qsizetype sink = 0;
    for (int round = 0; round < 3; ++round) {
        for (const QString &line : lines)
            sink += check ? qsizetype(TextRepair::hasMojibake(line)) : TextRepair::repair(line).size();
    }
    const double ns = double(timer.nsecsElapsed()) / 3.0;
    std::fprintf(stderr, "%lld\r", qlonglong(sink % 2)); // keeps the work from being optimised away
    return ns / double(chars);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QStringList clean;
    for (const QString &language : test::corpusLanguages())
        clean += test::localeCorpus(language);
    qsizetype chars = 0;
    for (const QString &line : std::as_const(clean))
        chars += line.size();
    QStringList mojibake;
    qsizetype mojibakeChars = 0;
    for (const QString &line : std::as_const(clean)) {
        QString misread = CodePage::misread(line, CodePage::Kind::Windows1252);
        mojibakeChars += misread.size();
        mojibake.append(std::move(misread));
    }
    std::printf("{\"lines\": %lld, \"chars\": %lld, \"clean_repair_ns_per_char\": %.2f, "
                "\"clean_check_ns_per_char\": %.2f, \"mojibake_repair_ns_per_char\": %.2f}\n",
                qlonglong(clean.size()), qlonglong(chars), nsPerChar(clean, chars, false),
                nsPerChar(clean, chars, true), nsPerChar(mojibake, mojibakeChars, false));
    return clean.isEmpty() ? 1 : 0;
}
