// PlainYaml, the fast path for plain frontmatter: it reads what it accepts exactly as yaml-cpp
// does, it accepts the shapes real notes have (or the speed-up is gone), and it declines the rest.
#include "fastpathcheck.h"
#include "parse/frontmatter.h"
#include "parse/plainyaml.h"
#include "testfiles.h"

#include <QDir>
#include <QDirIterator>
#include <QJsonDocument>
#include <QTest>

using debrief::Frontmatter;
using debrief::PlainYaml;
using debrief::test::compactJson;
using debrief::test::fastPathAccepts;
using debrief::test::fastPathMismatch;

class TestPlainYaml : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void agreesWithYamlCpp_data();
    void agreesWithYamlCpp();
    void notesAgree_data();
    void notesAgree();
    void seedsAgree();
    void accepts_data();
    void accepts();
    void declines_data();
    void declines();
    void nodeBudget();
};

namespace {

// The block inside a note; the block Frontmatter hands over always ends its last line.
QByteArray note(const QByteArray &yaml)
{
    return "---\n" + yaml + (yaml.isEmpty() || yaml.endsWith('\n') ? "" : "\n") + "---\n# Body\n";
}

QString seedsFolder()
{
    return qEnvironmentVariable("DEBRIEF_SEEDS", QStringLiteral(DEBRIEF_SEEDS));
}

// Blocks near the edges of the subset, each with a name that says what it tries. Whichever way
// the fast path goes, the differential test holds it to yaml-cpp.
void addTrickyRows()
{
    const QList<std::pair<const char *, QByteArray>> rows{
        // keys
        {"key with spaces", "my key: v\n"},
        {"key with two spaces", "my  key: v\n"},
        {"space before the colon", "key : v\n"},
        {"key of dots, slashes, dashes", "a.b/c-d_e: v\n"},
        {"unicode key", "cl\xC3\xA9: v\n\xD0\xBA\xD0\xBB\xD1\x8E\xD1\x87: \xD0\xB7\n"},
        {"numeric key", "2025: year\n1.5: x\n"},
        {"bool key", "true: v\n"},
        {"null key", "null: a\n"},
        {"Null key", "Null: a\n"},
        {"tilde key", "~: a\n"},
        {"duplicate keys", "a: 1\na: 2\n"},
        {"merge key", "<<: x\n"},
        {"anchored key", "&k a: v\n"},
        {"complex key", "? a\n: b\n"},
        {"key without space after colon", "a:b\n"},
        {"key with colon inside", "a:b: c\n"},
        {"key alone", "a\n"},
        {"indented first key", " a: b\n"},
        {"indented later key", "a: b\n c: d\n"},
        {"dash key", "-a: b\n"},
        {"dot key", ".a: b\n"},
        {"long key", QByteArray(300, 'k') + ": v\n"},
        {"over-long key", QByteArray(1100, 'k') + ": v\n"},
        {"key of 256", QByteArray(256, 'k') + ": v\n"},
        {"key with a dash between spaces", "a - b: c\n"},
        {"key ending in a dot", "a.: b\n"},
        {"key starting with nbsp", "\xC2\xA0: x\n"},
        {"key of words and digits", "1 on 1: x\n"},
        // plain values
        {"url", "u: https://example.com/a:b?c=d#e\n"},
        {"colon at the end", "a: b:\n"},
        {"colon space inside", "a: b: c\n"},
        {"hash without space", "a: b#c\n"},
        {"comment after a value", "a: b # c\n"},
        {"comment line", "# c\na: b\n"},
        {"indented comment line", "a: b\n  # c\n"},
        {"comment as the value", "a: # c\n"},
        {"brackets inside", "a: x [y] {z}, w\n"},
        {"quotes inside", "a: it's \"x\"\n"},
        {"double space inside", "a: x  y\n"},
        {"trailing spaces", "a: x   \n"},
        {"leading spaces", "a:     x\n"},
        {"nbsp", "a: x\xC2\xA0y\nb: \xC2\xA0\n"},
        {"emoji", "a: \xF0\x9F\x93\x85 2025-10-31\n"},
        {"mojibake", "a: Tom\xE2\x88\x9A\xC2\xB0s\n"},
        {"typed values", "a: -1\nb: +2\nc: .5\nd: .inf\ne: 0x1F\nf: 0o17\ng: 1e3\nh: ~\ni: 010\n"},
        {"YAML 1.1 values", "a: yes\nb: off\nc: 1_000\nd: 0b101\ne: 12:30:00\n"},
        {"value starts with dash", "a: -x\nb: --\nc: -\n"},
        {"value is a dash and space", "a: - x\n"},
        {"value is three dashes", "a: ---\n"},
        {"value is three dots", "a: ...\n"},
        {"value starts with question mark", "a: ?x\n"},
        {"value is question mark and space", "a: ? x\n"},
        {"value starts with colon", "a: :x\n"},
        {"value is anchor", "a: &x y\n"},
        {"value is alias", "a: *x\n"},
        {"value is tag", "a: !x y\n"},
        {"value is literal", "a: |\n  x\n"},
        {"value is folded", "a: >\n  x\n"},
        {"value starts with percent", "a: %x\n"},
        {"value starts with at", "a: @x\n"},
        {"value starts with backtick", "a: `x`\n"},
        {"value starts with comma", "a: ,x\n"},
        {"value starts with closing bracket", "a: ]x\n"},
        {"value starts with brace", "a: {x: y}\n"},
        {"value starts with equals", "a: =x\n"},
        {"value in angle brackets", "a: <x>\n"},
        // folded plain scalars
        {"folded", "a: one\n  two\n   three\n"},
        {"folded then a key", "a: one\n two\nb: 1\n"},
        {"folded then blank then key", "a: one\n  two\n\nb: 1\n"},
        {"blank inside a folded value", "a: one\n\n  two\n"},
        {"spaces-only line inside a folded value", "a: one\n   \n  two\n"},
        {"folded line with dash", "a: one\n  - two\n"},
        {"folded line with dash, no space", "a: one\n  -two\n"},
        {"folded line with dashes", "a: one\n  --- two\n"},
        {"folded line with dots", "a: one\n  ...\n"},
        {"folded line with colon", "a: one\n  two: three\n"},
        {"folded line ending in colon", "a: one\n  two:\n"},
        {"folded line with comment", "a: one\n  #two\n"},
        {"folded line with trailing comment", "a: one\n  two #x\n"},
        {"folded line quoted", "a: one\n  'two'\n"},
        {"folded line double-quoted", "a: one\n  \"two\"\n"},
        {"folded line in brackets", "a: one\n  [two]\n"},
        {"folded line with question mark", "a: one\n  ? two\n"},
        {"folded line with trailing spaces", "a: one  \n  two  \n"},
        {"folded numbers", "a: 1\n  2\n"},
        {"folded bool", "a: true\n  story\n"},
        {"folded null", "a: null\n  x\n"},
        {"continued empty value", "a:\n  x\n"},
        {"quoted then indented", "a: 'x'\n  y\n"},
        {"flow list then indented", "a: [x]\n  y\n"},
        {"value then blank then indented", "a: x\n\n  y\n"},
        {"value then list item", "a: x\n- y\n"},
        // quoted values
        {"escape in double quotes", "a: \"x\\ty\"\n"},
        {"single quote in double quotes", "a: \"it's\"\n"},
        {"doubled single quote", "a: 'it''s'\nb: ''''\nc: ''\nd: \"\"\n"},
        {"unclosed single quote", "a: 'x\n"},
        {"single quotes over two lines", "a: 'x\n  y'\n"},
        {"double quotes over two lines", "a: \"x\n  y\"\n"},
        {"spaces inside quotes", "a: '  x  '\nb: \"  y \"\n"},
        {"spaces after quotes", "a: \"x\"   \nb: 'y'  \n"},
        {"comment after quotes", "a: \"x\" # c\n"},
        {"text after quotes", "a: \"x\" y\n"},
        {"colon after quotes", "a: \"x\": y\n"},
        {"hash in quotes", "a: \"x #y\"\n"},
        {"colon in quotes", "a: \"x: y\"\nb: 'p: q'\n"},
        {"quoted date", "date: '2025-10-30'\n"},
        {"backslash in single quotes", "a: 'x\\y'\n"},
        {"tilde inside", "a: x~y\n"},
        {"quoted unicode", "a: \"Tom\xC3\xA1s\"\n"},
        // flow lists
        {"flow list", "a: [x, y]\n"},
        {"empty flow list", "a: []\nb: [ ]\n"},
        {"flow list without spaces", "a: [x,y]\n"},
        {"flow list with spaces", "a: [ x , y ]\n"},
        {"flow list trailing comma", "a: [x, ]\n"},
        {"flow list leading comma", "a: [, x]\n"},
        {"flow list empty item", "a: [x,, y]\n"},
        {"text after flow list", "a: [x] y\n"},
        {"spaces after flow list", "a: [x]   \n"},
        {"comment after flow list", "a: [x] # c\n"},
        {"nested flow list", "a: [[x]]\nb: [x, [y]]\n"},
        {"flow pair", "a: [x: y]\n"},
        {"flow colon", "a: [x:y]\n"},
        {"flow question mark", "a: [a?b]\nb: [?x]\n"},
        {"flow dash", "a: [-x]\nb: [- x]\nc: [-]\n"},
        {"flow typed", "a: [-1, +2, 0.5, true, null, ~, 2025-10-30]\n"},
        {"flow quoted", "a: ['x', \"y\"]\nb: ['x' , \"y\" ]\n"},
        {"flow text after quote", "a: [\"x\"y]\n"},
        {"flow colon after quote", "a: [\"x\":y]\n"},
        {"flow doubled single quote", "a: ['it''s']\n"},
        {"flow apostrophe", "a: [O'Brien]\n"},
        {"flow comment", "a: [x #y]\n"},
        {"flow hash", "a: [x#y]\n"},
        {"flow over two lines", "a: [x,\n  y]\n"},
        {"flow map inside", "a: [{x: y}]\n"},
        {"unclosed flow list", "a: [x, y\n"},
        {"flow anchor", "a: [&x y]\n"},
        {"flow alias", "a: [*x]\n"},
        {"flow tag", "a: [!x y]\n"},
        {"flow words", "a: [a b c, d]\n"},
        {"flow slash and dots", "a: [type/people, v1.2]\n"},
        {"flow unicode", "a: [\"Tom\xC3\xA1s Ortega\", Ren\xC3\xA9]\n"},
        {"flow backslash", "a: [\"x\\\\y\"]\n"},
        {"flow backslash in single quotes", "a: ['x\\y']\n"},
        // block lists
        {"list at column 0", "a:\n- x\n- y\nb: z\n"},
        {"list indented", "a:\n  - x\n  - y\nb: z\n"},
        {"list indented by one", "a:\n - x\n"},
        {"list less indented later", "a:\n  - x\n - y\n"},
        {"list more indented later", "a:\n  - x\n    - y\n"},
        {"list at column 0 then indented", "a:\n- x\n  - y\n"},
        {"list then blank then key", "a:\n- x\n\nb: y\n"},
        {"list then blank then item", "a:\n- x\n\n- y\n"},
        {"blank between key and list", "a:\n\n- x\n"},
        {"spaces after the key", "a:   \n- x\n"},
        {"null item", "a:\n-\n- x\n"},
        {"null item with space", "a:\n- \n"},
        {"item with colon", "a:\n- b: c\n"},
        {"item with nested list", "a:\n- - b\n"},
        {"item with comment", "a:\n- b # c\n"},
        {"item continued", "a:\n- b\n  c\n"},
        {"indented item continued", "a:\n  - b\n    c\n"},
        {"quoted items", "a:\n- 'x'\n- \"y\"\n- 'it''s'\n"},
        {"text after a quoted item", "a:\n- 'x' y\n"},
        {"flow list as item", "a:\n- [x]\n"},
        {"dash without space", "a:\n-x\n"},
        {"item with many spaces", "a:\n-    x\n"},
        {"typed items", "a:\n- 1\n- true\n- ~\n- 2025-10-30\n"},
        {"list then an indented key", "a:\n  - x\n  b: y\n"},
        {"two lists", "a:\n  - x\nb:\n- y\n"},
        {"items with dashes", "a:\n- -x\n- --\n"},
        // whole blocks
        {"empty block", ""},
        {"blank lines only", "\n\n"},
        {"spaces only", "   \n"},
        {"top level list", "- a\n- b\n"},
        {"top level scalar", "just words\n"},
        {"directive", "%YAML 1.2\na: b\n"},
        {"document start inside", "a: b\n--- c\n"},
        {"document end inside", "a: b\n... c\n"},
        {"tab after colon", "a:\tb\n"},
        {"tab inside", "a: b\tc\n"},
        {"tab indentation", "a:\n\t- b\n"},
        {"NUL", QByteArray("a: b\0c\n", 7)},
        {"control character",
         "a: b\x01"
         "c\n"},
        {"DEL",
         "a: b\x7F"
         "c\n"},
        {"NEL",
         "a: b\xC2\x85"
         "c\n"},
        {"C1 control",
         "a: b\xC2\x9B"
         "c\n"},
        {"line separator",
         "a: b\xE2\x80\xA8"
         "c\n"},
        {"paragraph separator",
         "a: b\xE2\x80\xA9"
         "c\n"},
        {"byte-order mark inside",
         "a: \xEF\xBB\xBF"
         "b\n"},
        {"byte-order mark first",
         "\xEF\xBB\xBF"
         "a: b\n"},
        {"invalid UTF-8", "a: \xFF\xFE\n"},
        {"truncated UTF-8", "a: b\xC3\n"},
        {"overlong UTF-8", "a: \xC0\xAF\n"},
        {"surrogate in UTF-8", "a: \xED\xA0\x80\n"},
        {"no final newline", "a: b"},
        {"last line folded without newline", "a: b\n  c"},
    };
    for (const auto &[name, yaml] : rows)
        QTest::newRow(name) << yaml;
}

} // namespace

void TestPlainYaml::agreesWithYamlCpp_data()
{
    QTest::addColumn<QByteArray>("yaml");
    addTrickyRows();
}

void TestPlainYaml::agreesWithYamlCpp()
{
    QFETCH(QByteArray, yaml);
    // The block as the fast path gets it, and inside a note.
    if (const std::optional<QJsonObject> plain = PlainYaml::parse(yaml)) {
        const Frontmatter reference = Frontmatter::parse(note(yaml), Frontmatter::Reader::YamlCppOnly);
        QVERIFY(reference.diagnostics.isEmpty());
        QCOMPARE(compactJson(*plain), compactJson(reference.values));
    }
    const QString mismatch = fastPathMismatch(note(yaml));
    QVERIFY2(mismatch.isEmpty(), qPrintable(mismatch));
}

void TestPlainYaml::notesAgree_data()
{
    QTest::addColumn<QString>("path");
    for (const QString &root : {QStringLiteral(DEBRIEF_SAMPLE_VAULT), QStringLiteral(DEBRIEF_FIXTURES)}) {
        QDirIterator it(root, {QStringLiteral("*.md")}, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            const QString name = QDir(QStringLiteral(DEBRIEF_SAMPLE_VAULT "/../..")).relativeFilePath(path);
            QTest::newRow(qPrintable(name)) << path;
        }
    }
}

void TestPlainYaml::notesAgree()
{
    QFETCH(QString, path);
    const QByteArray bytes = debrief::test::readFile(path);
    const QString mismatch = fastPathMismatch(bytes);
    QVERIFY2(mismatch.isEmpty(), qPrintable(mismatch));
    // Every note of the sample vault is plain: the fast path must keep reading them all.
    if (path.startsWith(QStringLiteral(DEBRIEF_SAMPLE_VAULT)))
        QVERIFY(fastPathAccepts(bytes));
}

void TestPlainYaml::seedsAgree()
{
    const QDir dir(seedsFolder());
    const QStringList files = dir.entryList(QDir::Files);
    if (files.isEmpty())
        QSKIP("the seed notes are not beside the project (DEBRIEF_SEEDS)");
    int accepted = 0;
    for (const QString &name : files) {
        const QByteArray bytes = debrief::test::readFile(dir.filePath(name));
        const QString mismatch = fastPathMismatch(bytes);
        QVERIFY2(mismatch.isEmpty(), qPrintable(name + QStringLiteral(": ") + mismatch));
        accepted += fastPathAccepts(bytes) ? 1 : 0;
    }
    qInfo("the fast path reads %d of %lld seed notes", accepted, qlonglong(files.size()));
    // The seeds are what real notes look like, folded source_ref included.
    QCOMPARE(accepted, files.size());
}

void TestPlainYaml::accepts_data()
{
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<QByteArray>("json");

    QTest::newRow("key: plain") << QByteArray("type: people\ntitle: Rollout check-in\n")
                                << QByteArray(R"({"type":"people","title":"Rollout check-in"})");
    QTest::newRow("quoted date") << QByteArray("date: '2025-10-30'\n") << QByteArray(R"({"date":"2025-10-30"})");
    QTest::newRow("plain date") << QByteArray("date: 2025-10-30\n") << QByteArray(R"({"date":"2025-10-30"})");
    QTest::newRow("double-quoted with colon")
        << QByteArray("title: \"1:1 with Ann Lee: budget\"\n") << QByteArray(R"({"title":"1:1 with Ann Lee: budget"})");
    QTest::newRow("empty string and empty value")
        << QByteArray("person: \"\"\nsource:\n") << QByteArray(R"({"person":"","source":null})");
    QTest::newRow("block list at column 0")
        << QByteArray("participants:\n- Ann Lee\n- Ravi Patel\nsource: transcript\n")
        << QByteArray(R"({"participants":["Ann Lee","Ravi Patel"],"source":"transcript"})");
    QTest::newRow("indented block list of quoted items")
        << QByteArray("tags:\n  - \"type/people\"\n  - \"person/\"\n\n")
        << QByteArray(R"({"tags":["type/people","person/"]})");
    QTest::newRow("flow list") << QByteArray("tags: [type/meeting, project/atlas, generated]\n")
                               << QByteArray(R"({"tags":["type/meeting","project/atlas","generated"]})");
    QTest::newRow("flow list of quoted names") << QByteArray("participants: [\"Mei Chen\", \"Ravi Patel\"]\n")
                                               << QByteArray(R"({"participants":["Mei Chen","Ravi Patel"]})");
    QTest::newRow("empty flow list") << QByteArray("tags: []\n") << QByteArray(R"({"tags":[]})");
    QTest::newRow("multi-line plain scalar")
        << QByteArray("source_ref: Inbox/2025-03-14 - Rollout with the\n  north site team (east; west).md\n")
        << QByteArray(R"({"source_ref":"Inbox/2025-03-14 - Rollout with the north site team (east; west).md"})");
    QTest::newRow("unicode names")
        << QByteArray("person: Tom\xC3\xA1s Ortega\nparticipants: [\"Zo\xC3\xAB\", \xE5\xBC\xA0\xE4\xBC\x9F]\n")
        << QByteArray(
               "{\"person\":\"Tom\xC3\xA1s Ortega\",\"participants\":[\"Zo\xC3\xAB\",\"\xE5\xBC\xA0\xE4\xBC\x9F\"]}");
    QTest::newRow("mojibake") << QByteArray("person: Tom\xE2\x88\x9A\xC2\xB0s\n")
                              << QByteArray("{\"person\":\"Tom\xE2\x88\x9A\xC2\xB0s\"}");
    QTest::newRow("core schema types")
        << QByteArray("n: 12\nf: 0.5\nyes: true\nnothing: ~\nversion: 1.2.3\nword: yes\n")
        << QByteArray(R"({"n":12,"f":0.5,"yes":true,"nothing":null,"version":"1.2.3","word":"yes"})");
    QTest::newRow("single quote doubled")
        << QByteArray("title: 'Ann''s plan'\n") << QByteArray(R"({"title":"Ann's plan"})");
    QTest::newRow("url") << QByteArray("link: https://example.com/x?y=1#top\n")
                         << QByteArray(R"({"link":"https://example.com/x?y=1#top"})");
    QTest::newRow("key with spaces") << QByteArray("review date: 2025-04-30\n")
                                     << QByteArray(R"({"review date":"2025-04-30"})");
    QTest::newRow("empty block") << QByteArray() << QByteArray("{}");
}

void TestPlainYaml::accepts()
{
    QFETCH(QByteArray, yaml);
    QFETCH(QByteArray, json);

    const std::optional<QJsonObject> plain = PlainYaml::parse(yaml);
    QVERIFY(plain);
    QCOMPARE(*plain, QJsonDocument::fromJson(json).object());
    const Frontmatter reference = Frontmatter::parse(note(yaml), Frontmatter::Reader::YamlCppOnly);
    QVERIFY(reference.diagnostics.isEmpty());
    QCOMPARE(*plain, reference.values);
}

void TestPlainYaml::declines_data()
{
    QTest::addColumn<QByteArray>("yaml");

    QTest::newRow("comment line") << QByteArray("# note\ntitle: A\n");
    QTest::newRow("comment after a value") << QByteArray("title: A # note\n");
    QTest::newRow("tab") << QByteArray("title:\tA\n");
    QTest::newRow("colon space in a value") << QByteArray("title: Ann: Lee\n");
    QTest::newRow("trailing colon in a value") << QByteArray("title: Ann:\n");
    QTest::newRow("anchor and alias") << QByteArray("a: &x Ann\nb: *x\n");
    QTest::newRow("tag") << QByteArray("a: !!str 12\n");
    QTest::newRow("nested map") << QByteArray("meeting:\n  room: B2\n");
    QTest::newRow("block scalar") << QByteArray("note: |\n  12\n");
    QTest::newRow("flow map") << QByteArray("a: {x: 1}\n");
    QTest::newRow("multi-line flow list") << QByteArray("a: [x,\n  y]\n");
    QTest::newRow("escape in double quotes") << QByteArray("a: \"x\\ny\"\n");
    QTest::newRow("multi-line quoted") << QByteArray("a: 'x\n  y'\n");
    QTest::newRow("blank line inside a folded value") << QByteArray("a: x\n\n  y\n");
    QTest::newRow("duplicate key") << QByteArray("a: 1\na: 2\n");
    QTest::newRow("null key") << QByteArray("null: 1\n");
    QTest::newRow("directive") << QByteArray("%YAML 1.2\na: b\n");
    QTest::newRow("document marker") << QByteArray("a: b\n--- c\n");
    QTest::newRow("complex key") << QByteArray("? a\n: b\n");
    QTest::newRow("top level list") << QByteArray("- a\n");
    QTest::newRow("top level scalar") << QByteArray("just words\n");
    QTest::newRow("indented key") << QByteArray(" a: b\n");
    QTest::newRow("null list item") << QByteArray("a:\n-\n");
    QTest::newRow("list item continued") << QByteArray("a:\n- x\n  y\n");
    QTest::newRow("list items at two indentations") << QByteArray("a:\n  - x\n - y\n");
    QTest::newRow("list after a blank line") << QByteArray("a:\n\n- x\n");
    QTest::newRow("value starting with dash space") << QByteArray("a: - x\n");
    QTest::newRow("value starting with question mark") << QByteArray("a: ?x\n");
    QTest::newRow("value starting with at") << QByteArray("a: @x\n");
    QTest::newRow("flow item with colon") << QByteArray("a: [x:y]\n");
    QTest::newRow("flow trailing comma") << QByteArray("a: [x, ]\n");
    QTest::newRow("NUL") << QByteArray("a: b\0c\n", 7);
    QTest::newRow("invalid UTF-8") << QByteArray("a: \xFF\n");
    QTest::newRow("NEL") << QByteArray("a: b\xC2\x85"
                                       "c\n");
    QTest::newRow("line separator") << QByteArray("a: b\xE2\x80\xA8"
                                                  "c\n");
    QTest::newRow("byte-order mark") << QByteArray("a: \xEF\xBB\xBF"
                                                   "b\n");
    QTest::newRow("over-long key") << QByteArray(QByteArray(300, 'k') + ": v\n");
}

void TestPlainYaml::declines()
{
    QFETCH(QByteArray, yaml);
    QVERIFY(!PlainYaml::parse(yaml));
    const QString mismatch = fastPathMismatch(note(yaml));
    QVERIFY2(mismatch.isEmpty(), qPrintable(mismatch));
}

// More values than maxNodes go to yaml-cpp, whose converter has its own, larger budget.
void TestPlainYaml::nodeBudget()
{
    QByteArray items = "a:\n";
    for (int i = 0; i < PlainYaml::maxNodes - 1; ++i)
        items += "- x\n";
    QVERIFY(PlainYaml::parse(items));
    QVERIFY(!PlainYaml::parse(items + "- x\n"));
    QVERIFY(!PlainYaml::parse(items + "b: y\n"));
}

QTEST_APPLESS_MAIN(TestPlainYaml)
#include "tst_plainyaml.moc"
