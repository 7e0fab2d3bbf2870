// TextRepair against real text: every translated line Debian installs for sixteen languages must
// come back unchanged, and a fuzz over the same lines (joined, cut at random points, then turned
// into mojibake through one of the three code pages, one to three layers, whole or in part) must
// come back as it was. Skips when no catalogues are installed. DEBRIEF_FUZZ_RUNS sets the number
// of fuzz cases (default 4000); the seed is fixed, so a failure is repeatable.
#include "base/codepage.h"
#include "base/textrepair.h"
#include "localecorpus.h"

#include <QRandomGenerator>
#include <QTest>

using namespace debrief;
using namespace debrief::test;

namespace {

// A cut that does not split a surrogate pair.
qsizetype boundary(const QString &text, qsizetype at)
{
    while (at > 0 && at < text.size() && text.at(at).isLowSurrogate())
        --at;
    return at;
}

} // namespace

class TestRepairCorpus final : public QObject
{
    Q_OBJECT

private:
    QStringList m_lines;

private Q_SLOTS:
    void initTestCase()
    {
        for (const QString &language : corpusLanguages())
            m_lines += localeCorpus(language);
        if (m_lines.isEmpty())
            QSKIP("no translations installed under /usr/share/locale");
    }

    void everyLineSurvives_data()
    {
        QTest::addColumn<QString>("language");
        for (const QString &language : corpusLanguages())
            QTest::newRow(qPrintable(language)) << language;
    }

    void everyLineSurvives()
    {
        QFETCH(QString, language);
        const QStringList lines = localeCorpus(language);
        if (lines.isEmpty())
            QSKIP("no catalogues for this language");
        int changed = 0;
        for (const QString &line : lines) {
            const QByteArray bytes = line.toUtf8();
            if (TextRepair::repair(line) != line || TextRepair::hasMojibake(line)
                || TextRepair::repairBytes(bytes) != bytes) {
                if (++changed <= 5)
                    qWarning("changed: %s -> %s", qPrintable(line), qPrintable(TextRepair::repair(line)));
            }
        }
        qInfo("%s: %lld lines, %d changed", qPrintable(language), qlonglong(lines.size()), changed);
        QCOMPARE(changed, 0);
    }

    void fuzz()
    {
        const int runs =
            qEnvironmentVariableIsSet("DEBRIEF_FUZZ_RUNS") ? qEnvironmentVariableIntValue("DEBRIEF_FUZZ_RUNS") : 4000;
        QRandomGenerator random(20261204);
        const CodePage::Kind kinds[] = {CodePage::Kind::Windows1252, CodePage::Kind::MacRoman, CodePage::Kind::Latin1};
        int cleanChanged = 0;
        std::array<std::array<int, 4>, 3> tried{};
        std::array<std::array<int, 4>, 3> missed{};
        for (int run = 0; run < runs; ++run) {
            const QString joined = m_lines.at(random.bounded(qsizetype(m_lines.size()))) + u' '
                + m_lines.at(random.bounded(qsizetype(m_lines.size())));
            qsizetype from = boundary(joined, random.bounded(joined.size() / 2 + 1));
            qsizetype to = boundary(joined, from + random.bounded(joined.size() - from + 1));
            const QString text = joined.mid(from, to - from);
            if (TextRepair::repair(text) != text) {
                if (++cleanChanged <= 5)
                    qWarning("clean text changed: %s", qPrintable(text));
            }
            // Mojibake of all of it or of a part.
            const int kind = int(random.bounded(3));
            const int layers = 1 + int(random.bounded(3));
            qsizetype partFrom = 0;
            qsizetype partTo = text.size();
            if (random.bounded(2) == 1 && text.size() > 2) {
                partFrom = boundary(text, random.bounded(text.size()));
                partTo = boundary(text, partFrom + random.bounded(text.size() - partFrom + 1));
            }
            const QString mojibake = text.left(partFrom)
                + CodePage::misread(text.mid(partFrom, partTo - partFrom), kinds[kind], layers) + text.mid(partTo);
            if (mojibake == text)
                continue; // the part was ASCII
            ++tried[kind][layers];
            if (TextRepair::repair(mojibake) != text) {
                ++missed[kind][layers];
                if (qEnvironmentVariableIsSet("DEBRIEF_FUZZ_VERBOSE"))
                    qWarning("missed: %s", qPrintable(mojibake));
            }
        }
        const char *names[] = {"cp1252", "Mac Roman", "Latin-1"};
        for (int kind = 0; kind < 3; ++kind) {
            for (int layers = 1; layers <= 3; ++layers) {
                qInfo("%s x%d: %d cases, %d not restored", names[kind], layers, tried[kind][layers],
                      missed[kind][layers]);
            }
        }
        qInfo("%d runs; clean text changed: %d", runs, cleanChanged);
        QCOMPARE(cleanChanged, 0); // correct text is never damaged: no exception
        // Mojibake not restored is left as it was or partly restored; over 40,000 runs today
        // 4-6 % of one- and two-layer cases and 7-18 % of three-layer ones. A ratchet with room
        // for the sample's noise: lower it as the repair learns.
        for (int kind = 0; kind < 3; ++kind) {
            for (int layers = 1; layers <= 3; ++layers) {
                const int allowedPercent = layers < 3 ? 12 : 20;
                QVERIFY2(missed[kind][layers] * 100 <= tried[kind][layers] * allowedPercent,
                         qPrintable(QStringLiteral("%1 x%2: %3 of %4 not restored")
                                        .arg(QString::fromUtf8(names[kind]))
                                        .arg(layers)
                                        .arg(missed[kind][layers])
                                        .arg(tried[kind][layers])));
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestRepairCorpus)
#include "tst_repaircorpus.moc"
