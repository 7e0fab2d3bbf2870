#include "fastpathcheck.h"
#include "parse/frontmatter.h"
#include "parse/yamlconverter.h"

#include <QJsonDocument>
#include <QTest>

using debrief::Frontmatter;
using debrief::YamlConverter;
using debrief::test::fastPathMismatch;

class TestFrontmatter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void delimiters_data();
    void delimiters();
    void values_data();
    void values();
    void plainScalar_data();
    void plainScalar();
    void broken_data();
    void broken();
    void hostile_data();
    void hostile();
};

namespace {

QJsonObject json(const char *text)
{
    return QJsonDocument::fromJson(QByteArray(text)).object();
}

QByteArray repeated(const QByteArray &chunk, int times)
{
    QByteArray result;
    result.reserve(chunk.size() * times);
    for (int i = 0; i < times; ++i)
        result.append(chunk);
    return result;
}

// The classic "billion laughs": nine levels of nine aliases to the level below.
QByteArray aliasBomb()
{
    QByteArray yaml = "---\na: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n";
    char previous = 'a';
    for (char name = 'b'; name <= 'i'; ++name) {
        yaml += QByteArray(1, name) + ": &" + QByteArray(1, name) + " [";
        for (int i = 0; i < 9; ++i)
            yaml += (i ? ",*" : "*") + QByteArray(1, previous);
        yaml += "]\n";
        previous = name;
    }
    return yaml + "---\n# Body\n";
}

// Every row here also holds the fast path (PlainYaml) to yaml-cpp's reading.
#define VERIFY_FAST_PATH(input)                             \
    do {                                                    \
        const QString mismatch = fastPathMismatch(input);   \
        QVERIFY2(mismatch.isEmpty(), qPrintable(mismatch)); \
    } while (false)

} // namespace

void TestFrontmatter::delimiters_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<bool>("present");
    QTest::addColumn<bool>("terminated");
    QTest::addColumn<int>("lineCount");
    QTest::addColumn<qsizetype>("bodyOffset");
    QTest::addColumn<QString>("title");

    QTest::newRow("no frontmatter") << QByteArray("# Title\n") << false << false << 0 << qsizetype(0) << QString();
    QTest::newRow("empty file") << QByteArray() << false << false << 0 << qsizetype(0) << QString();
    QTest::newRow("LF") << QByteArray("---\ntitle: A\n---\nbody") << true << true << 3 << qsizetype(17)
                        << QStringLiteral("A");
    QTest::newRow("CRLF") << QByteArray("---\r\ntitle: A\r\n---\r\nbody") << true << true << 3 << qsizetype(20)
                          << QStringLiteral("A");
    QTest::newRow("lone CR") << QByteArray("---\rtitle: A\r---\rbody") << true << true << 3 << qsizetype(17)
                             << QStringLiteral("A");
    QTest::newRow("BOM") << QByteArray("\xEF\xBB\xBF---\ntitle: A\n---\n") << true << true << 3 << qsizetype(20)
                         << QStringLiteral("A");
    QTest::newRow("BOM without frontmatter")
        << QByteArray("\xEF\xBB\xBF# A\n") << false << false << 0 << qsizetype(3) << QString();
    QTest::newRow("closed by dots") << QByteArray("---\ntitle: A\n...\n") << true << true << 3 << qsizetype(17)
                                    << QStringLiteral("A");
    QTest::newRow("trailing whitespace on delimiters")
        << QByteArray("--- \t\ntitle: A\n---  \n") << true << true << 3 << qsizetype(21) << QStringLiteral("A");
    QTest::newRow("closing line without newline")
        << QByteArray("---\ntitle: A\n---") << true << true << 3 << qsizetype(16) << QStringLiteral("A");
    QTest::newRow("empty block") << QByteArray("---\n---\n# T\n") << true << true << 2 << qsizetype(8) << QString();
    QTest::newRow("four dashes are no delimiter")
        << QByteArray("----\ntitle: A\n---\n") << false << false << 0 << qsizetype(0) << QString();
    QTest::newRow("dots do not open") << QByteArray("...\ntitle: A\n---\n") << false << false << 0 << qsizetype(0)
                                      << QString();
    QTest::newRow("indented dashes are no delimiter")
        << QByteArray(" ---\ntitle: A\n---\n") << false << false << 0 << qsizetype(0) << QString();
    QTest::newRow("blank line before the close")
        << QByteArray("---\ntitle: A\n\n---\n") << true << true << 4 << qsizetype(18) << QStringLiteral("A");
    QTest::newRow("unterminated") << QByteArray("---\ntitle: A\n# Body\n") << true << false << 0 << qsizetype(0)
                                  << QString();
    QTest::newRow("only an opening line") << QByteArray("---") << true << false << 0 << qsizetype(0) << QString();
}

void TestFrontmatter::delimiters()
{
    QFETCH(QByteArray, input);
    QFETCH(bool, present);
    QFETCH(bool, terminated);
    QFETCH(int, lineCount);
    QFETCH(qsizetype, bodyOffset);
    QFETCH(QString, title);

    const Frontmatter frontmatter = Frontmatter::parse(input);
    QCOMPARE(frontmatter.present, present);
    QCOMPARE(frontmatter.terminated, terminated);
    QCOMPARE(frontmatter.lineCount, lineCount);
    QCOMPARE(frontmatter.bodyOffset, bodyOffset);
    QCOMPARE(frontmatter.values.value(QLatin1StringView("title")).toString(), title);
    // Unterminated is the one case that tells the user something.
    QCOMPARE(frontmatter.diagnostics.size(), present && !terminated ? 1 : 0);
    VERIFY_FAST_PATH(input);
}

void TestFrontmatter::values_data()
{
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<QJsonObject>("expected");

    QTest::newRow("block list") << QByteArray("participants:\n- Ann Lee\n- Ravi Patel\n")
                                << json(R"({"participants":["Ann Lee","Ravi Patel"]})");
    QTest::newRow("indented block list") << QByteArray("tags:\n  - \"type/people\"\n  - \"person/\"\n")
                                         << json(R"({"tags":["type/people","person/"]})");
    QTest::newRow("flow list") << QByteArray("participants: [\"Mei Chen\", \"Ravi Patel\"]\n")
                               << json(R"({"participants":["Mei Chen","Ravi Patel"]})");
    QTest::newRow("folded plain scalar")
        << QByteArray("source_ref: Inbox/2025-03-14 - Rollout with the\n  north site team.md\n")
        << json(R"({"source_ref":"Inbox/2025-03-14 - Rollout with the north site team.md"})");
    QTest::newRow("empty string and empty value")
        << QByteArray("person: \"\"\nsource:\n") << json(R"({"person":"","source":null})");
    QTest::newRow("dates stay strings, quoted or not")
        << QByteArray("date: 2025-10-30\nquoted: '2025-10-30'\nwhen: 2025-10-30T09:30:00Z\n")
        << json(R"({"date":"2025-10-30","quoted":"2025-10-30","when":"2025-10-30T09:30:00Z"})");
    QTest::newRow("core schema types")
        << QByteArray("n: 12\nneg: -3\nf: 0.5\nexp: 1e3\nyes: true\nno: False\nnothing: ~\nnull2: null\n")
        << json(R"({"n":12,"neg":-3,"f":0.5,"exp":1000,"yes":true,"no":false,"nothing":null,"null2":null})");
    QTest::newRow("quoted scalars stay strings")
        << QByteArray("a: \"12\"\nb: 'true'\nc: \"~\"\n") << json(R"({"a":"12","b":"true","c":"~"})");
    QTest::newRow("YAML 1.1 booleans are strings")
        << QByteArray("a: yes\nb: off\n") << json(R"({"a":"yes","b":"off"})");
    QTest::newRow("block scalars stay strings") << QByteArray("note: |\n  12\n") << json(R"({"note":"12\n"})");
    QTest::newRow("explicit str tag") << QByteArray("a: !!str 12\n") << json(R"({"a":"12"})");
    QTest::newRow("non-string keys are kept as text")
        << QByteArray("1: one\ntrue: yes-key\n[a, b]: list-key\n")
        << json(R"({"1":"one","true":"yes-key","[\"a\",\"b\"]":"list-key"})");
    QTest::newRow("nested map") << QByteArray("meeting:\n  room: B2\n  size: 8\n")
                                << json(R"({"meeting":{"room":"B2","size":8}})");
    QTest::newRow("unknown keys are kept")
        << QByteArray("type: people\nmood: calm\n") << json(R"({"type":"people","mood":"calm"})");
    QTest::newRow("an alias is expanded")
        << QByteArray("a: &x Ann Lee\nb: *x\n") << json(R"({"a":"Ann Lee","b":"Ann Lee"})");
    QTest::newRow("mojibake is kept as written")
        << QByteArray("title: Ann\xE2\x80\x9A\xC3\x84\xC3\xB4s notes\n")
        << QJsonObject{{QStringLiteral("title"), QString::fromUtf8("Ann\xE2\x80\x9A\xC3\x84\xC3\xB4s notes")}};
}

void TestFrontmatter::values()
{
    QFETCH(QByteArray, yaml);
    QFETCH(QJsonObject, expected);

    const QByteArray input = "---\n" + yaml + "---\nbody\n";
    const Frontmatter frontmatter = Frontmatter::parse(input);
    QVERIFY(frontmatter.diagnostics.isEmpty());
    QCOMPARE(frontmatter.values, expected);
    VERIFY_FAST_PATH(input);
}

void TestFrontmatter::plainScalar_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QJsonValue>("expected");

    QTest::newRow("empty is null") << QString() << QJsonValue(QJsonValue::Null);
    QTest::newRow("tilde is null") << QStringLiteral("~") << QJsonValue(QJsonValue::Null);
    QTest::newRow("NULL is null") << QStringLiteral("NULL") << QJsonValue(QJsonValue::Null);
    QTest::newRow("TRUE") << QStringLiteral("TRUE") << QJsonValue(true);
    QTest::newRow("int") << QStringLiteral("42") << QJsonValue(42);
    QTest::newRow("plus int") << QStringLiteral("+7") << QJsonValue(7);
    QTest::newRow("octal") << QStringLiteral("0o17") << QJsonValue(15);
    QTest::newRow("hex") << QStringLiteral("0xff") << QJsonValue(255);
    QTest::newRow("leading dot float") << QStringLiteral(".5") << QJsonValue(0.5);
    QTest::newRow("trailing dot float") << QStringLiteral("3.") << QJsonValue(3.0);
    QTest::newRow("negative exponent") << QStringLiteral("-2.5e-1") << QJsonValue(-0.25);
    QTest::newRow("int beyond 64 bits") << QStringLiteral("123456789012345678901234")
                                        << QJsonValue(1.2345678901234568e23);
    QTest::newRow("inf stays text") << QStringLiteral(".inf") << QJsonValue(QStringLiteral(".inf"));
    QTest::newRow("nan stays text") << QStringLiteral(".nan") << QJsonValue(QStringLiteral(".nan"));
    QTest::newRow("date stays text") << QStringLiteral("2025-10-30") << QJsonValue(QStringLiteral("2025-10-30"));
    QTest::newRow("time stays text") << QStringLiteral("10:30") << QJsonValue(QStringLiteral("10:30"));
    QTest::newRow("version stays text") << QStringLiteral("1.2.3") << QJsonValue(QStringLiteral("1.2.3"));
    QTest::newRow("lone sign") << QStringLiteral("-") << QJsonValue(QStringLiteral("-"));
    QTest::newRow("lone dot") << QStringLiteral(".") << QJsonValue(QStringLiteral("."));
    QTest::newRow("exponent without digits") << QStringLiteral("1e") << QJsonValue(QStringLiteral("1e"));
    QTest::newRow("bad hex") << QStringLiteral("0xZZ") << QJsonValue(QStringLiteral("0xZZ"));
}

void TestFrontmatter::plainScalar()
{
    QFETCH(QString, text);
    QFETCH(QJsonValue, expected);
    QCOMPARE(YamlConverter::plainScalar(text), expected);
}

void TestFrontmatter::broken_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<int>("diagnosticLine");
    QTest::addColumn<int>("lineCount");

    // Lines are the file's, 1-based: yaml-cpp's 0-based marks start after the opening '---'.
    QTest::newRow("unclosed flow list") << QByteArray(
        "---\ntitle: A\nparticipants: [Ann Lee, Ravi Patel\ndate: 2025-01-10\n---\n# B\n")
                                        << 4 << 5;
    QTest::newRow("illegal map value") << QByteArray("---\ntitle: A\nwho: Ann: Lee\n---\n") << 3 << 4;
    QTest::newRow("illegal map value with CRLF")
        << QByteArray("---\r\nx: 1\r\ntitle: A\r\nwho: Ann: Lee\r\n---\r\n") << 4 << 5;
    QTest::newRow("illegal map value with lone CR") << QByteArray("---\rx: 1\rwho: Ann: Lee\r---\r") << 3 << 4;
    QTest::newRow("top level list") << QByteArray("---\n- a\n- b\n---\n") << 2 << 4;
    QTest::newRow("top level scalar") << QByteArray("---\njust some words\n---\n") << 2 << 3;
    QTest::newRow("unterminated") << QByteArray("---\ntitle: A\n") << 1 << 0;
}

void TestFrontmatter::broken()
{
    QFETCH(QByteArray, input);
    QFETCH(int, diagnosticLine);
    QFETCH(int, lineCount);

    const Frontmatter frontmatter = Frontmatter::parse(input);
    QCOMPARE(frontmatter.diagnostics.size(), 1);
    QCOMPARE(frontmatter.diagnostics.first().line, diagnosticLine);
    QVERIFY(!frontmatter.diagnostics.first().message.isEmpty());
    QVERIFY(frontmatter.values.isEmpty());
    QCOMPARE(frontmatter.lineCount, lineCount);
    VERIFY_FAST_PATH(input);
}

void TestFrontmatter::hostile_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<bool>("expectDiagnostic");

    QTest::newRow("100,000 nested [") << "---\na: " + repeated("[", 100000) + "\n---\n" << true;
    QTest::newRow("100,000 nested {") << "---\na: " + repeated("{", 100000) + "\n---\n" << true;
    QByteArray deepMap = "---\n";
    for (int i = 0; i < 3000; ++i)
        deepMap += QByteArray(i, ' ') + "k:\n";
    QTest::newRow("3,000 nested maps") << deepMap + "---\n" << true;
    QTest::newRow("alias bomb") << aliasBomb() << true;
    QTest::newRow("alias cycle in a list") << QByteArray("---\na: &x [1, *x]\n---\n") << true;
    QTest::newRow("alias cycle in a map") << QByteArray("---\nb: &y {k: *y}\n---\n") << true;
    QTest::newRow("undefined alias") << QByteArray("---\na: *nowhere\n---\n") << true;
    QTest::newRow("100,000 list items") << "---\na: [" + repeated("1,", 100000) + "1]\n---\n" << true;
    QTest::newRow("NUL bytes") << QByteArray("---\ntitle: a\0b\n---\n", 19) << false;
    QTest::newRow("invalid UTF-8") << QByteArray("---\ntitle: \xFF\xFE\xC3\n---\n") << false;
    QTest::newRow("tabs") << QByteArray("---\n\ttitle: A\n---\n") << true;
    QTest::newRow("a long plain scalar") << "---\ntitle: " + repeated("word ", 100000) + "\n---\n" << false;
}

void TestFrontmatter::hostile()
{
    QFETCH(QByteArray, input);
    QFETCH(bool, expectDiagnostic);

    const Frontmatter frontmatter = Frontmatter::parse(input); // a hang shows as ctest's timeout
    QVERIFY(frontmatter.present);
    QVERIFY(frontmatter.terminated);
    QCOMPARE(!frontmatter.diagnostics.isEmpty(), expectDiagnostic);
    // A truncated value never holds more than the converter's budget.
    QVERIFY(QJsonDocument(frontmatter.values).toJson(QJsonDocument::Compact).size() < 50 * 1024 * 1024);
    VERIFY_FAST_PATH(input);
}

QTEST_APPLESS_MAIN(TestFrontmatter)
#include "tst_frontmatter.moc"
