#include "base/textrepair.h"

#include <QTest>

using debrief::TextRepair;

// Mojibake is written as explicit UTF-8 bytes so that the test source shows exactly what a file
// holds; u"" literals are used for the text a reader should see.
class TestTextRepair : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void repair_data();
    void repair();
    void repairBytes_data();
    void repairBytes();
    void mojibakeSpellings_data();
    void mojibakeSpellings();
};

namespace {

QString utf8(const char *bytes)
{
    return QString::fromUtf8(bytes);
}

} // namespace

void TestTextRepair::repair_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");

    // Real text, including characters that are lead bytes in one of the code pages.
    QTest::newRow("empty") << QString() << QString();
    QTest::newRow("ascii") << QStringLiteral("Confirm the test plan.") << QStringLiteral("Confirm the test plan.");
    QTest::newRow("Renée") << QStringLiteral("Ask Renée first") << QStringLiteral("Ask Renée first");
    QTest::newRow("Zürich") << QStringLiteral("Zürich office") << QStringLiteral("Zürich office");
    QTest::newRow("naïve") << QStringLiteral("a naïve plan") << QStringLiteral("a naïve plan");
    QTest::newRow("café") << QStringLiteral("café") << QStringLiteral("café");
    QTest::newRow("“éclair”") << QStringLiteral("“éclair”") << QStringLiteral("“éclair”");
    QTest::newRow("Straße") << QStringLiteral("Hauptstraße") << QStringLiteral("Hauptstraße");
    QTest::newRow("«élan»") << QStringLiteral("«élan»") << QStringLiteral("«élan»");
    QTest::newRow("dash before letter") << QStringLiteral("a –à b") << QStringLiteral("a –à b");
    QTest::newRow("real emoji") << QStringLiteral("📅 2025-10-31 ⏫") << QStringLiteral("📅 2025-10-31 ⏫");
    QTest::newRow("cyrillic") << QStringLiteral("Привет") << QStringLiteral("Привет");

    // Mac Roman mojibake.
    QTest::newRow("mac apostrophe") << utf8("Ann\xE2\x80\x9A\xC3\x84\xC3\xB4s") << QStringLiteral("Ann’s");
    QTest::newRow("mac calendar") << utf8("\xEF\xA3\xBF\xC3\xBC\xC3\xAC\xC3\x96 2025-10-31")
                                  << QStringLiteral("📅 2025-10-31");
    QTest::newRow("mac high") << utf8("\xE2\x80\x9A\xC3\xA8\xC2\xB4") << QStringLiteral("⏫");
    QTest::newRow("mac low") << utf8("\xEF\xA3\xBF\xC3\xBC\xC3\xAE\xCE\xA9") << QStringLiteral("🔽");
    QTest::newRow("mac é") << utf8("caf\xE2\x88\x9A\xC2\xA9") << QStringLiteral("café");
    QTest::newRow("mac check with FE0F") << utf8("\xE2\x80\x9A\xC3\xBA\xC3\x96\xC3\x94\xE2\x88\x8F\xC3\xA8")
                                         << QStringLiteral("✅\uFE0F");
    QTest::newRow("mac NFD combining acute") << utf8("Rene\xC3\x83\xC3\x85"
                                                     "e")
                                             << QStringLiteral("Rene\u0301e");

    // Windows-1252 mojibake, sloppy bytes included.
    QTest::newRow("cp1252 apostrophe") << utf8("Ann\xC3\xA2\xE2\x82\xAC\xE2\x84\xA2s") << QStringLiteral("Ann’s");
    QTest::newRow("cp1252 é") << utf8("caf\xC3\x83\xC2\xA9") << QStringLiteral("café");
    QTest::newRow("cp1252 nbsp") << utf8("a\xC3\x82\xC2\xA0"
                                         "b")
                                 << QStringLiteral("a\u00A0b");
    QTest::newRow("cp1252 calendar") << utf8("\xC3\xB0\xC5\xB8\xE2\x80\x9C\xE2\x80\xA6") << QStringLiteral("📅");
    QTest::newRow("cp1252 high, sloppy 8F") << utf8("\xC3\xA2\xC2\x8F\xC2\xAB") << QStringLiteral("⏫");
    QTest::newRow("cp1252 Romanian ș") << utf8("Bra\xC3\x88\xE2\x84\xA2ov") << QStringLiteral("Brașov");

    QTest::newRow("both pages in one string")
        << utf8("Ann\xE2\x80\x9A\xC3\x84\xC3\xB4s and Bo\xC3\xA2\xE2\x82\xAC\xE2\x84\xA2s")
        << QStringLiteral("Ann’s and Bo’s");
    QTest::newRow("real text beside mojibake") << utf8("Zürich caf\xC3\x83\xC2\xA9") << QStringLiteral("Zürich café");

    // Sequences that are not complete, valid UTF-8 stay as they are.
    QTest::newRow("truncated at end") << utf8("caf\xE2\x88\x9A") << utf8("caf\xE2\x88\x9A");
    QTest::newRow("truncated run") << utf8("\xE2\x80\x9A\xC3\x84 x") << utf8("\xE2\x80\x9A\xC3\x84 x");
    QTest::newRow("surrogate") << QStringLiteral("í\u00A0€") << QStringLiteral("í\u00A0€");
    QTest::newRow("C1 control not plausible") << QStringLiteral("¬Ä") << QStringLiteral("¬Ä");
}

void TestTextRepair::repair()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);

    const QString repaired = TextRepair::repair(input);
    QCOMPARE(repaired, expected);
    QCOMPARE(TextRepair::hasMojibake(input), input != expected);
    // Idempotent: repaired text, and text that needed nothing, come back unchanged.
    QCOMPARE(TextRepair::repair(repaired), repaired);
    QCOMPARE(TextRepair::repair(expected), expected);
}

void TestTextRepair::repairBytes_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("empty") << QByteArray() << QByteArray();
    QTest::newRow("clean, CRLF kept") << QByteArray("a\r\nb\n") << QByteArray("a\r\nb\n");
    QTest::newRow("invalid bytes only") << QByteArray("a\xFF\xFE\x80 b") << QByteArray("a\xFF\xFE\x80 b");
    QTest::newRow("invalid byte beside mojibake")
        << QByteArray("Ann\xFF\xE2\x80\x9A\xC3\x84\xC3\xB4s\xC3") << QByteArray("Ann\xFF\xE2\x80\x99s\xC3");
    QTest::newRow("run broken by an invalid byte")
        << QByteArray("\xE2\x80\x9A\xFF\xC3\x84\xC3\xB4") << QByteArray("\xE2\x80\x9A\xFF\xC3\x84\xC3\xB4");
    QTest::newRow("mac calendar in a task line")
        << QByteArray("- [?] x @Ann \xEF\xA3\xBF\xC3\xBC\xC3\xAC\xC3\x96 2025-10-31\r")
        << QByteArray("- [?] x @Ann \xF0\x9F\x93\x85 2025-10-31\r");
    QTest::newRow("BOM kept") << QByteArray("\xEF\xBB\xBF"
                                            "caf\xC3\x83\xC2\xA9")
                              << QByteArray("\xEF\xBB\xBF"
                                            "caf\xC3\xA9");
    QTest::newRow("real accents kept") << QByteArray("Ren\xC3\xA9"
                                                     "e Z\xC3\xBC"
                                                     "rich")
                                       << QByteArray("Ren\xC3\xA9"
                                                     "e Z\xC3\xBC"
                                                     "rich");
}

void TestTextRepair::repairBytes()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, expected);

    QCOMPARE(TextRepair::repairBytes(input), expected);
    QCOMPARE(TextRepair::repairBytes(expected), expected);
}

void TestTextRepair::mojibakeSpellings_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QList<QByteArray>>("expected");

    QTest::newRow("ascii has one spelling") << QStringLiteral("#task") << QList<QByteArray>{"#task"};
    QTest::newRow("calendar") << QStringLiteral("📅")
                              << QList<QByteArray>{"\xF0\x9F\x93\x85", "\xEF\xA3\xBF\xC3\xBC\xC3\xAC\xC3\x96",
                                                   "\xC3\xB0\xC5\xB8\xE2\x80\x9C\xE2\x80\xA6",
                                                   "\xC3\xB0\xC2\x9F\xC2\x93\xC2\x85"};
    QTest::newRow("high") << QStringLiteral(
        "⏫") << QList<QByteArray>{"\xE2\x8F\xAB", "\xE2\x80\x9A\xC3\xA8\xC2\xB4", "\xC3\xA2\xC2\x8F\xC2\xAB"};
    QTest::newRow("cancelled, sloppy 9D") << QStringLiteral("❌")
                                          << QList<QByteArray>{"\xE2\x9D\x8C", "\xE2\x80\x9A\xC3\xB9\xC3\xA5",
                                                               "\xC3\xA2\xC2\x9D\xC5\x92", "\xC3\xA2\xC2\x9D\xC2\x8C"};
}

void TestTextRepair::mojibakeSpellings()
{
    QFETCH(QString, text);
    QFETCH(QList<QByteArray>, expected);

    const QList<QByteArray> spellings = TextRepair::mojibakeSpellings(text);
    QCOMPARE(spellings, expected);
    for (const QByteArray &spelling : spellings)
        QCOMPARE(TextRepair::repair(QString::fromUtf8(spelling)), text);
}

QTEST_GUILESS_MAIN(TestTextRepair)
#include "tst_textrepair.moc"
