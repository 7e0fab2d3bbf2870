#include "parse/noteparser.h"
#include "testfiles.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <atomic>
#include <thread>
#include <vector>

using namespace debrief;
using namespace debrief::test;

// Fixtures are invented notes under tests/fixtures/notes (tests/fixtures/make-notes.py writes
// them). The seeds are real notes kept outside the project: only their counts, lines, dates and
// owner names are written here.
class TestNoteParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void metadata_data();
    void metadata();
    void actionItems_data();
    void actionItems();
    void sections_data();
    void sections();
    void bullets_data();
    void bullets();
    void links_data();
    void links();
    void summary_data();
    void summary();
    void blocks_data();
    void blocks();
    void rawLinesSurvive();
    void lineEndings_data();
    void lineEndings();
    void notTasks_data();
    void notTasks();
    void obsidianComments_data();
    void obsidianComments();
    void invalidFieldDiagnostics();
    void hostile_data();
    void hostile();
    void fileNameFallbacks_data();
    void fileNameFallbacks();
    void seeds_data();
    void seeds();
    void parallelParsesAgree();
};

namespace {

// DEBRIEF_SEEDS in the environment wins, for a worktree that is not beside the seeds.
QString seedsFolder()
{
    return qEnvironmentVariable("DEBRIEF_SEEDS", QStringLiteral(DEBRIEF_SEEDS));
}

QString fixture(const QString &name)
{
    return QStringLiteral(DEBRIEF_FIXTURES "/notes/") + name;
}

Note parseFixture(const QString &name)
{
    const QString path = fixture(name);
    const QByteArray bytes = readFile(path);
    if (bytes.isEmpty())
        qWarning("missing fixture %s", qPrintable(path));
    return NoteParser::parse(bytes, path);
}

QByteArray repeated(const QByteArray &chunk, qsizetype times)
{
    QByteArray result;
    result.reserve(chunk.size() * times);
    for (qsizetype i = 0; i < times; ++i)
        result.append(chunk);
    return result;
}

QString describe(const ActionItem &item)
{
    QString text = QStringLiteral("%1 [%2] @%3 due:%4 prio:%5 in:%6")
                       .arg(item.line)
                       .arg(item.statusChar, item.owner, item.due.toString(Qt::ISODate), priorityName(item.priority),
                            item.section);
    if (item.doneDate.isValid())
        text += QStringLiteral(" done:") + item.doneDate.toString(Qt::ISODate);
    return text;
}

QString describe(const Section &section)
{
    return QStringLiteral("%1 %2-%3 %4")
        .arg(section.level)
        .arg(section.headingLine)
        .arg(section.lastLine)
        .arg(section.name);
}

QString describe(const Bullet &bullet)
{
    return QString::number(bullet.line) + u' ' + bullet.text;
}

QString describe(const Link &link)
{
    QString text = QString::number(link.line) + u' ' + link.target;
    if (!link.alias.isEmpty())
        text += u'|' + link.alias;
    if (!link.heading.isEmpty())
        text += u'#' + link.heading;
    return text;
}

QString describe(const TextBlock &block)
{
    return QStringLiteral("%1 %2 [%3]").arg(block.line).arg(blockKindName(block.kind), block.section);
}

template<typename T>
QStringList describeAll(const QList<T> &values)
{
    QStringList result;
    for (const T &value : values)
        result.append(describe(value));
    return result;
}

// Spellings that only mojibake produces: Mac Roman's U+F8FF and "‚Ä", Windows-1252's "â€".
bool looksLikeMojibake(const QString &text)
{
    return text.contains(QChar(0xF8FF)) || text.contains(QStringLiteral("\u201A\u00C4"))
        || text.contains(QStringLiteral("\u201A\u00E8")) || text.contains(QStringLiteral("\u00E2\u20AC"))
        || text.contains(QStringLiteral("\u221A"));
}

QStringList displayedStrings(const Note &note)
{
    QStringList strings{note.title, note.summary};
    strings += note.participants;
    strings += note.tags;
    strings += note.bodyTags;
    for (const Bullet &bullet : note.decisions + note.keyInformation)
        strings.append(bullet.text);
    for (const ActionItem &item : note.actionItems)
        strings << item.text << item.owner << item.section << item.tags;
    for (const Section &section : note.sections)
        strings.append(section.name);
    for (const TextBlock &block : note.blocks)
        strings << block.text << block.section;
    for (const Link &link : note.links)
        strings << link.target << link.alias << link.heading;
    return strings;
}

} // namespace

void TestNoteParser::initTestCase()
{
    QVERIFY2(QFileInfo::exists(fixture(QStringLiteral("levels-and-code.md"))), DEBRIEF_FIXTURES);
}

void TestNoteParser::metadata_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("title");
    QTest::addColumn<QDate>("date");
    QTest::addColumn<QStringList>("participants");
    QTest::addColumn<QStringList>("tags");
    QTest::addColumn<QStringList>("bodyTags");
    QTest::addColumn<int>("frontmatterLines");
    QTest::addColumn<int>("lineCount");
    QTest::addColumn<bool>("hasMojibake");
    QTest::addColumn<QList<int>>("diagnosticLines");

    QTest::newRow("block-list frontmatter, Mac Roman mojibake")
        << QStringLiteral("2025-03-14 Scanner rollout.md") << QStringLiteral("Scanner rollout check-in")
        << QDate(2025, 3, 14) << QStringList{QStringLiteral("Ann Lee"), QStringLiteral("Ravi Patel")}
        << QStringList{QStringLiteral("type/people"), QStringLiteral("person/ann-lee"), QStringLiteral("generated")}
        << QStringList{QStringLiteral("task"), QStringLiteral("proposed")} << 16 << 47 << true << QList<int>();
    QTest::newRow("flow-list frontmatter, CRLF, real accents")
        << QStringLiteral("2025-04-02 Budget review.md") << QStringLiteral("1:1 with Mei Chen: budget review")
        << QDate(2025, 4, 2) << QStringList{QStringLiteral("Mei Chen"), QStringLiteral("Tomás Ortega")}
        << QStringList{QStringLiteral("type/people"), QStringLiteral("person/"), QStringLiteral("generated")}
        << QStringList{QStringLiteral("task"), QStringLiteral("proposed"), QStringLiteral("auto")} << 18 << 55 << false
        << QList<int>();
    QTest::newRow("no frontmatter, title from the first heading")
        << QStringLiteral("levels-and-code.md") << QStringLiteral("Warehouse pilot retro") << QDate() << QStringList()
        << QStringList() << QStringList{QStringLiteral("pilot")} << 0 << 39 << false << QList<int>();
    QTest::newRow("date and people from the body, BOM")
        << QStringLiteral("2024-12-02 Vendor call.md") << QStringLiteral("Vendor call") << QDate(2024, 12, 2)
        << QStringList{QStringLiteral("Ann Lee"), QStringLiteral("Ravi Patel")} << QStringList()
        << QStringList{QStringLiteral("vendor")} << 0 << 14 << false << QList<int>();
    QTest::newRow("broken frontmatter") << QStringLiteral("broken-frontmatter.md")
                                        << QStringLiteral("Broken frontmatter") << QDate() << QStringList()
                                        << QStringList() << QStringList() << 5 << 8 << false << QList<int>{4};
    QTest::newRow("unterminated frontmatter")
        << QStringLiteral("unterminated.md") << QStringLiteral("Unterminated") << QDate() << QStringList()
        << QStringList() << QStringList() << 0 << 4 << false << QList<int>{1};
    QTest::newRow("Windows-1252 mojibake, lone CR, date from the file name")
        << QStringLiteral("2025-06-01 Cp1252 notes.md") << QStringLiteral("Ravi’s follow-up") << QDate(2025, 6, 1)
        << QStringList() << QStringList() << QStringList() << 0 << 5 << true << QList<int>();
}

void TestNoteParser::metadata()
{
    QFETCH(QString, file);
    QFETCH(QString, title);
    QFETCH(QDate, date);
    QFETCH(QStringList, participants);
    QFETCH(QStringList, tags);
    QFETCH(QStringList, bodyTags);
    QFETCH(int, frontmatterLines);
    QFETCH(int, lineCount);
    QFETCH(bool, hasMojibake);
    QFETCH(QList<int>, diagnosticLines);

    const QByteArray bytes = readFile(fixture(file));
    const Note note = NoteParser::parse(bytes, fixture(file));
    QCOMPARE(note.path, fixture(file));
    QCOMPARE(note.title, title);
    QCOMPARE(note.date, date);
    QCOMPARE(note.participants, participants);
    QCOMPARE(note.tags, tags);
    QCOMPARE(note.bodyTags, bodyTags);
    QCOMPARE(note.frontmatterLines, frontmatterLines);
    QCOMPARE(note.lineCount, lineCount);
    QCOMPARE(note.hasMojibake, hasMojibake);
    QList<int> lines;
    for (const Diagnostic &diagnostic : note.diagnostics)
        lines.append(diagnostic.line);
    QCOMPARE(lines, diagnosticLines);
    QVERIFY(note.parsed);
    QCOMPARE(note.stamp.size, bytes.size());
    QCOMPARE(note.stamp.hash, FileStamp::contentHash(bytes));
    QCOMPARE(note.stamp.modifiedMsecs, 0);
}

void TestNoteParser::actionItems_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QStringList>("expected");

    QTest::newRow("mojibake signifiers, [ ?]")
        << QStringLiteral("2025-03-14 Scanner rollout.md")
        << QStringList{
               QStringLiteral("27 [?] @Ravi Patel due:2025-03-20 prio:high in:Action Items"),
               QStringLiteral("28 [?] @Myself due: prio: in:Action Items"),
               QStringLiteral("29 [?] @Ann Lee due:2025-03-21 prio:low in:Action Items"),
           };
    QTest::newRow("loose list, real emoji, [?]")
        << QStringLiteral("2025-04-02 Budget review.md")
        << QStringList{
               QStringLiteral("35 [?] @Mei Chen due:2025-04-09 prio:medium in:Action Items"),
               QStringLiteral("37 [?] @Tomás Ortega due: prio: in:Action Items"),
           };
    QTest::newRow("numbered, nested, quoted; none from code or HTML")
        << QStringLiteral("levels-and-code.md")
        << QStringList{
               QStringLiteral("12 [ ] @Ann Lee due: prio: in:Action items"),
               QStringLiteral("13 [x] @Ravi Patel due: prio: in:Action items done:2025-05-02"),
               QStringLiteral("14 [/] @Ravi Patel due: prio: in:Action items"),
               QStringLiteral("15 [-] @Mei Chen due: prio: in:Action items"),
               QStringLiteral("27 [?] @Olu Adeyemi due: prio: in:Action items"),
               QStringLiteral("31 [ ] @Mei Chen due: prio: in:Notes on tooling"),
               QStringLiteral("35 [ ] @Ann Lee due: prio: in:Decisions"),
           };
    QTest::newRow("task outside any known section")
        << QStringLiteral("2024-12-02 Vendor call.md")
        << QStringList{QStringLiteral("14 [ ] @Ann Lee due: prio: in:Notes")};
    QTest::newRow("body still read after broken frontmatter")
        << QStringLiteral("broken-frontmatter.md")
        << QStringList{QStringLiteral("8 [?] @Ann Lee due: prio: in:Action Items")};
    QTest::newRow("body still read after unterminated frontmatter")
        << QStringLiteral("unterminated.md") << QStringList{QStringLiteral("4 [?] @Ravi Patel due: prio: in:")};
    QTest::newRow("lone CR line endings")
        << QStringLiteral("2025-06-01 Cp1252 notes.md")
        << QStringList{QStringLiteral("5 [ ] @Ravi Patel due: prio: in:Action Items")};
}

void TestNoteParser::actionItems()
{
    QFETCH(QString, file);
    QFETCH(QStringList, expected);
    QCOMPARE(describeAll(parseFixture(file).actionItems), expected);
}

void TestNoteParser::sections_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QStringList>("expected");

    QTest::newRow("level 2 sections") << QStringLiteral("2025-03-14 Scanner rollout.md")
                                      << QStringList{
                                             QStringLiteral("1 18-47 Scanner rollout check-in"),
                                             QStringLiteral("2 23-25 Summary"),
                                             QStringLiteral("2 26-30 Action Items"),
                                             QStringLiteral("2 31-34 Decisions"),
                                             QStringLiteral("2 35-42 Key Information"),
                                             QStringLiteral("2 43-47 Related"),
                                         };
    QTest::newRow("every level, a setext heading") << QStringLiteral("levels-and-code.md")
                                                   << QStringList{
                                                          QStringLiteral("1 1-39 Warehouse pilot retro"),
                                                          QStringLiteral("3 3-10 Summary"),
                                                          QStringLiteral("4 6-10 Key information"),
                                                          QStringLiteral("2 11-28 Action items"),
                                                          QStringLiteral("2 29-39 Notes on tooling"),
                                                          QStringLiteral("5 33-39 Decisions"),
                                                          QStringLiteral("6 38-39 Related"),
                                                      };
    QTest::newRow("CRLF, blank lines between sections")
        << QStringLiteral("2025-04-02 Budget review.md")
        << QStringList{
               QStringLiteral("1 20-55 1:1 with Mei Chen: budget review"),
               QStringLiteral("2 25-31 Summary"),
               QStringLiteral("2 32-39 Action Items"),
               QStringLiteral("2 40-46 Decisions"),
               QStringLiteral("2 47-55 Key Information"),
           };
    QTest::newRow("repaired heading") << QStringLiteral("2025-06-01 Cp1252 notes.md")
                                      << QStringList{QStringLiteral("1 1-5 Ravi’s follow-up"),
                                                     QStringLiteral("2 2-3 Summary"),
                                                     QStringLiteral("2 4-5 Action Items")};
}

void TestNoteParser::sections()
{
    QFETCH(QString, file);
    QFETCH(QStringList, expected);
    QCOMPARE(describeAll(parseFixture(file).sections), expected);
}

void TestNoteParser::bullets_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QStringList>("decisions");
    QTest::addColumn<QStringList>("keyInformation");

    QTest::newRow("tight lists, inline Markdown kept, repaired")
        << QStringLiteral("2025-03-14 Scanner rollout.md")
        << QStringList{QStringLiteral("32 Roll out to the north site first."),
                       QStringLiteral("33 Keep the old scanners as a fallback until **April**.")}
        << QStringList{QStringLiteral("36 Battery life is about six hours per shift."),
                       QStringLiteral("37 The vendor can’t ship before March 18.")};
    QTest::newRow("loose lists") << QStringLiteral("2025-04-02 Budget review.md")
                                 << QStringList{QStringLiteral("43 Cut the travel line by 15%."),
                                                QStringLiteral("45 Keep the training budget as it is.")}
                                 << QStringList{QStringLiteral("49 Finance closes the quarter on June 20."),
                                                QStringLiteral("51 The conference quote expires at the end of April.")};
    QTest::newRow("top level only, tasks are not decisions")
        << QStringLiteral("levels-and-code.md")
        << QStringList{QStringLiteral("34 Use the new scanners on every shift."),
                       QStringLiteral("36 Keep `[[not a link]]` in code, but [[Vendor list]] is one.")}
        << QStringList{QStringLiteral("7 Pick rate rose by 9%."), QStringLiteral("8 Two scanners failed.")};
}

void TestNoteParser::bullets()
{
    QFETCH(QString, file);
    QFETCH(QStringList, decisions);
    QFETCH(QStringList, keyInformation);
    const Note note = parseFixture(file);
    QCOMPARE(describeAll(note.decisions), decisions);
    QCOMPARE(describeAll(note.keyInformation), keyInformation);
}

void TestNoteParser::links_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QStringList>("expected");

    QTest::newRow("alias, folder, heading")
        << QStringLiteral("2025-03-14 Scanner rollout.md")
        << QStringList{QStringLiteral("41 Inbox/2025-03-14 - Scanner rollout|Scanner rollout transcript"),
                       QStringLiteral("45 Ann Lee"), QStringLiteral("46 Ravi Patel"),
                       QStringLiteral("47 Projects/Scanner rollout#Timeline")};
    QTest::newRow("in a task line") << QStringLiteral("2025-04-02 Budget review.md")
                                    << QStringList{QStringLiteral("37 Olu Adeyemi"),
                                                   QStringLiteral("55 2025-04-02 - Budget review")};
    QTest::newRow("none in code spans") << QStringLiteral(
        "levels-and-code.md") << QStringList{QStringLiteral("36 Vendor list"), QStringLiteral("39 Warehouse pilot")};
    QTest::newRow("before any heading, in a table")
        << QStringLiteral("2024-12-02 Vendor call.md")
        << QStringList{QStringLiteral("1 Acme Scanners"), QStringLiteral("6 Ann Lee"),
                       QStringLiteral("11 Acme Scanners|Acme")};
}

void TestNoteParser::links()
{
    QFETCH(QString, file);
    QFETCH(QStringList, expected);
    const Note note = parseFixture(file);
    QCOMPARE(describeAll(note.links), expected);
    for (const Link &link : note.links)
        QVERIFY(link.resolvedPath.isEmpty());
}

void TestNoteParser::summary_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("expected");

    QTest::newRow("one paragraph, repaired")
        << QStringLiteral("2025-03-14 Scanner rollout.md")
        << QStringLiteral("Ann and Ravi reviewed the north site’s scanner rollout.");
    QTest::newRow("two paragraphs") << QStringLiteral("2025-04-02 Budget review.md")
                                    << QStringLiteral("Mei and Tomás went through the Q2 budget line by line.\n\n"
                                                      "They agreed the travel line can shrink.");
    QTest::newRow("level 3 summary") << QStringLiteral("levels-and-code.md")
                                     << QStringLiteral("The pilot ran for two weeks. #pilot");
    QTest::newRow("Windows-1252 repaired")
        << QStringLiteral("2025-06-01 Cp1252 notes.md") << QStringLiteral("We don’t ship on Fridays.");
    QTest::newRow("no summary section") << QStringLiteral("2024-12-02 Vendor call.md") << QString();
}

void TestNoteParser::summary()
{
    QFETCH(QString, file);
    QFETCH(QString, expected);
    QCOMPARE(parseFixture(file).summary, expected);
}

void TestNoteParser::blocks_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QStringList>("expected");

    QTest::newRow("title from the first heading, a table")
        << QStringLiteral("2024-12-02 Vendor call.md")
        << QStringList{QStringLiteral("1 text []"),       QStringLiteral("3 title []"),
                       QStringLiteral("5 text []"),       QStringLiteral("8 text [Notes]"),
                       QStringLiteral("9 text [Notes]"),  QStringLiteral("11 text [Notes]"),
                       QStringLiteral("12 text [Notes]"), QStringLiteral("14 action_item [Notes]")};
    QTest::newRow("title from the frontmatter") << QStringLiteral("2025-04-02 Budget review.md")
                                                << QStringList{QStringLiteral("0 title []"),
                                                               QStringLiteral("20 text []"),
                                                               QStringLiteral("22 text []"),
                                                               QStringLiteral("25 text [Summary]"),
                                                               QStringLiteral("27 summary [Summary]"),
                                                               QStringLiteral("29 summary [Summary]"),
                                                               QStringLiteral("32 text [Action Items]"),
                                                               QStringLiteral("35 action_item [Action Items]"),
                                                               QStringLiteral("37 action_item [Action Items]"),
                                                               QStringLiteral("40 text [Decisions]"),
                                                               QStringLiteral("43 decision [Decisions]"),
                                                               QStringLiteral("45 decision [Decisions]"),
                                                               QStringLiteral("47 text [Key Information]"),
                                                               QStringLiteral("49 key_information [Key Information]"),
                                                               QStringLiteral("51 key_information [Key Information]"),
                                                               QStringLiteral("55 text [Key Information]")};
}

void TestNoteParser::blocks()
{
    QFETCH(QString, file);
    QFETCH(QStringList, expected);
    const Note note = parseFixture(file);
    QCOMPARE(describeAll(note.blocks), expected);
    for (const TextBlock &block : note.blocks)
        QVERIFY2(!block.text.isEmpty(), qPrintable(describe(block)));
}

// Plain text drops markup; wikilinks read by their name; code keeps what it says.
void TestNoteParser::rawLinesSurvive()
{
    const QString path = fixture(QStringLiteral("2024-12-02 Vendor call.md"));
    const QByteArray bytes = readFile(path);
    const Note note = NoteParser::parse(bytes, path);
    QCOMPARE(note.blocks.at(0).text,
             QStringLiteral("Intro text before any heading mentions #vendor and Acme Scanners."));
    QCOMPARE(note.blocks.at(5).text, QStringLiteral("Quote Acme | Ann"));
    QCOMPARE(note.blocks.at(6).text, QStringLiteral("#notatag | Ravi"));
    QCOMPARE(note.actionItems.size(), 1);
    QCOMPARE(note.actionItems.first().raw, QByteArray("- [ ] Compare the two quotes. @Ann Lee"));

    // The raw line keeps the file's mojibake bytes for write-back, while the text is repaired.
    const Note mojibake = parseFixture(QStringLiteral("2025-03-14 Scanner rollout.md"));
    QVERIFY(mojibake.actionItems.first().raw.contains("\xE2\x80\x9A\xC3\xA8\xC2\xB4"));
    QCOMPARE(mojibake.actionItems.at(1).text, QStringLiteral("Share the pick-rate dashboard with Tom’s team."));
}

void TestNoteParser::lineEndings_data()
{
    QTest::addColumn<QByteArray>("input");

    const QList<QByteArray> lines{
        "---", "title: Line endings", "---", "# Heading", "## Action Items", "- [?] First @Ann Lee", "- [ ] Second"};
    const auto join = [&](const QByteArray &ending, bool final) {
        QByteArray text;
        for (const QByteArray &line : lines)
            text += line + ending;
        if (!final)
            text.chop(ending.size());
        return text;
    };
    QTest::newRow("LF") << join("\n", true);
    QTest::newRow("LF, no final newline") << join("\n", false);
    QTest::newRow("CRLF") << join("\r\n", true);
    QTest::newRow("CRLF, no final newline") << join("\r\n", false);
    QTest::newRow("lone CR") << join("\r", true);
    QTest::newRow("lone CR, no final newline") << join("\r", false);
    QTest::newRow("BOM and CRLF") << "\xEF\xBB\xBF" + join("\r\n", true);
    QByteArray mixed = join("\n", true);
    mixed.replace("Line endings\n", "Line endings\r\n");
    mixed.replace("# Heading\n", "# Heading\r");
    QTest::newRow("mixed") << mixed;
}

void TestNoteParser::lineEndings()
{
    QFETCH(QByteArray, input);
    const Note note = NoteParser::parse(input, QStringLiteral("/vault/Line endings.md"));
    QCOMPARE(note.lineCount, 7);
    QCOMPARE(note.frontmatterLines, 3);
    QCOMPARE(note.title, QStringLiteral("Line endings"));
    QCOMPARE(describeAll(note.sections),
             (QStringList{QStringLiteral("1 4-7 Heading"), QStringLiteral("2 5-7 Action Items")}));
    QCOMPARE(describeAll(note.actionItems),
             (QStringList{QStringLiteral("6 [?] @Ann Lee due: prio: in:Action Items"),
                          QStringLiteral("7 [ ] @ due: prio: in:Action Items")}));
    QCOMPARE(note.actionItems.first().raw, QByteArray("- [?] First @Ann Lee"));
}

void TestNoteParser::notTasks_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<int>("tasks");

    QTest::newRow("backtick fence") << QByteArray("```\n- [?] no\n```\n") << 0;
    QTest::newRow("tilde fence") << QByteArray("~~~md\n- [ ] no\n~~~\n") << 0;
    QTest::newRow("unclosed fence runs to the end") << QByteArray("```\n- [ ] no\n\n- [ ] no\n") << 0;
    QTest::newRow("fence inside a list item") << QByteArray("- item\n  ```\n  - [ ] no\n  ```\n") << 0;
    QTest::newRow("indented code") << QByteArray("para\n\n    - [ ] no\n") << 0;
    QTest::newRow("HTML block") << QByteArray("<div>\n- [ ] no\n</div>\n") << 0;
    QTest::newRow("HTML comment") << QByteArray("<!--\n- [ ] no\n-->\n") << 0;
    QTest::newRow("lazy continuation of a paragraph") << QByteArray("text\n    - [ ] no\n") << 0;
    QTest::newRow("no space after the box") << QByteArray("- [ ]no\n") << 0;
    QTest::newRow("not a list") << QByteArray("[ ] no\n") << 0;
    QTest::newRow("task after a fence") << QByteArray("```\n- [ ] no\n```\n- [ ] yes\n") << 1;
    QTest::newRow("nested in a quote") << QByteArray("> > - [ ] yes\n") << 1;
    QTest::newRow("nested three deep") << QByteArray("- a\n  - b\n    - [ ] yes\n") << 1;
    QTest::newRow("star, plus, paren") << QByteArray("* [ ] a\n+ [x] b\n1) [-] c\n") << 3;
    QTest::newRow("empty box at the end of the line") << QByteArray("- [ ]\n") << 1;
}

void TestNoteParser::notTasks()
{
    QFETCH(QByteArray, input);
    QFETCH(int, tasks);
    QCOMPARE(NoteParser::parse(input, QStringLiteral("/vault/n.md")).actionItems.size(), tasks);
}

// Obsidian comments hide what they hold, as code does: no tasks (Tasks reads none there), links
// or tags. A comment inside a task line stays in its text, as Tasks reads the line.
void TestNoteParser::obsidianComments_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QStringList>("tasks"); // "line text"
    QTest::addColumn<QStringList>("links");
    QTest::addColumn<QStringList>("tags");

    QTest::newRow("a comment over lines") << QByteArray("%%\n- [ ] hidden\n%%\n- [ ] shown\n")
                                          << QStringList{QStringLiteral("4 shown")} << QStringList{} << QStringList{};
    QTest::newRow("a comment on one line") << QByteArray("%% - [ ] hidden %%\n- [ ] shown\n")
                                           << QStringList{QStringLiteral("2 shown")} << QStringList{} << QStringList{};
    QTest::newRow("a comment inside a task line")
        << QByteArray("- [ ] shown %% aside %% \xF0\x9F\x93\x85 2024-06-03\n")
        << QStringList{QStringLiteral("1 shown %% aside %%")} << QStringList{} << QStringList{};
    QTest::newRow("a comment opened in a task line")
        << QByteArray("- [ ] shown %% from here\n- [ ] hidden %%\n- [ ] after\n")
        << QStringList{QStringLiteral("1 shown %% from here"), QStringLiteral("3 after")} << QStringList{}
        << QStringList{};
    QTest::newRow("an unclosed comment runs to the end")
        << QByteArray("- [ ] shown\n\n%%\n- [ ] hidden\n\n- [ ] hidden too\n") << QStringList{QStringLiteral("1 shown")}
        << QStringList{} << QStringList{};
    QTest::newRow("in a quote") << QByteArray("> %%\n> - [ ] hidden\n> %%\n- [ ] shown\n")
                                << QStringList{QStringLiteral("4 shown")} << QStringList{} << QStringList{};
    QTest::newRow("CRLF") << QByteArray("%%\r\n- [ ] hidden\r\n%%\r\n- [ ] shown\r\n")
                          << QStringList{QStringLiteral("4 shown")} << QStringList{} << QStringList{};
    QTest::newRow("%% in a fence is text") << QByteArray("```\n%%\n```\n- [ ] shown\n")
                                           << QStringList{QStringLiteral("4 shown")} << QStringList{} << QStringList{};
    QTest::newRow("%% in a code span is text")
        << QByteArray("Type `%%` to comment.\n\n- [ ] shown\n") << QStringList{QStringLiteral("3 shown")}
        << QStringList{} << QStringList{};
    QTest::newRow("a fence inside a comment is comment")
        << QByteArray("%%\n```\n%%\n- [ ] shown\n") << QStringList{QStringLiteral("4 shown")} << QStringList{}
        << QStringList{};
    QTest::newRow("links and tags in a comment")
        << QByteArray("See %% [[Hidden]] #secret %% [[Shown]] #open\n") << QStringList{}
        << QStringList{QStringLiteral("Shown")} << QStringList{QStringLiteral("open")};
    QTest::newRow("a single % is text") << QByteArray("50% done\n- [ ] shown 100%\n")
                                        << QStringList{QStringLiteral("2 shown 100%")} << QStringList{}
                                        << QStringList{};
}

void TestNoteParser::obsidianComments()
{
    QFETCH(QByteArray, input);
    QFETCH(QStringList, tasks);
    QFETCH(QStringList, links);
    QFETCH(QStringList, tags);

    const Note note = NoteParser::parse(input, QStringLiteral("/vault/n.md"));
    QStringList found;
    for (const ActionItem &item : note.actionItems)
        found.append(QStringLiteral("%1 %2").arg(item.line).arg(item.text));
    QCOMPARE(found, tasks);
    QStringList targets;
    for (const Link &link : note.links)
        targets.append(link.target);
    QCOMPARE(targets, links);
    QCOMPARE(note.bodyTags, tags);
    // What a comment hides is searched neither.
    for (const TextBlock &block : note.blocks)
        QVERIFY2(!block.text.contains(QStringLiteral("hidden")) && !block.text.contains(QStringLiteral("Hidden")),
                 qPrintable(block.text));
}

// A date that does not exist is a field without a value, and the note says so on its line.
void TestNoteParser::invalidFieldDiagnostics()
{
    const QByteArray input("## Action Items\n- [ ] File the taxes \xE2\x8F\xAB \xF0\x9F\x93\x85 2024-02-31\n"
                           "- [ ] Bins \xF0\x9F\x8F\x81 archive\n- [ ] Fine \xF0\x9F\x93\x85 2024-02-29\n");
    const Note note = NoteParser::parse(input, QStringLiteral("/vault/n.md"));
    QCOMPARE(note.actionItems.size(), 3);
    QCOMPARE(note.actionItems.at(0).text, QStringLiteral("File the taxes"));
    QVERIFY(!note.actionItems.at(0).due.isValid());
    QCOMPARE(note.actionItems.at(0).priority, Priority::High);
    QCOMPARE(note.diagnostics.size(), 2);
    QCOMPARE(note.diagnostics.at(0).line, 2);
    QCOMPARE(note.diagnostics.at(0).severity, Diagnostic::Severity::Warning);
    QVERIFY2(note.diagnostics.at(0).message.contains(QStringLiteral("due date 2024-02-31 does not exist")),
             qPrintable(note.diagnostics.at(0).message));
    QCOMPARE(note.diagnostics.at(1).line, 3);
    QVERIFY2(note.diagnostics.at(1).message.contains(QStringLiteral("archive")),
             qPrintable(note.diagnostics.at(1).message));
}

void TestNoteParser::hostile_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<int>("tasks"); // -1: any number

    QTest::newRow("empty") << QByteArray() << 0;
    QTest::newRow("only a BOM") << QByteArray("\xEF\xBB\xBF") << 0;
    QTest::newRow("only CRs") << QByteArray("\r\r\r") << 0;
    QTest::newRow("only dashes") << QByteArray("---") << 0;
    QTest::newRow("NUL bytes") << QByteArray("- [ ] a\0b @Ann\n\0\0\n", 18) << 1;
    QTest::newRow("invalid UTF-8") << QByteArray("# \xFF\xFE\n- [ ] \xC3 ok @\xE2\x82\n") << 1;
    QByteArray binary;
    for (int i = 0; i < 50; ++i) {
        for (int c = 0; c < 256; ++c)
            binary.append(char(c));
    }
    QTest::newRow("binary") << binary << -1;
    QTest::newRow("100,000 [") << repeated("[", 100000) << 0;
    QTest::newRow("50,000 [[") << repeated("[[", 50000) << 0;
    QTest::newRow("100,000 backticks") << repeated("`", 100000) << 0;
    QTest::newRow("50,000 backtick pairs") << repeated("` ", 50000) << 0;
    QTest::newRow("100,000 *") << repeated("*a", 100000) << 0;
    QTest::newRow("100,000 <") << repeated("<", 100000) << 0;
    QTest::newRow("30,000 #tags") << repeated("#a ", 30000) << 0;
    QTest::newRow("50,000 nested quotes") << repeated(">", 50000) + " - [?] deep\n" << -1;
    QTest::newRow("20,000 nested list markers") << repeated("- ", 20000) + "[?] deep\n" << -1;
    QByteArray indented;
    for (int i = 0; i < 1000; ++i)
        indented += QByteArray(i * 2, ' ') + "- [ ] t\n";
    QTest::newRow("1,000 nested task lines") << indented << 1000;
    QTest::newRow("20,000 tasks") << "## Action Items\n"
            + repeated("- [?] Task @Ann Lee \xF0\x9F\x93\x85 2025-10-31 #task\n", 20000)
                                  << 20000;
    QTest::newRow("20,000 headings") << repeated("## H\n- [ ] t\n", 20000) << 20000;
    QTest::newRow("20,000 lines ended by lone CRs") << repeated("- [ ] t\r", 20000) << 20000;
    QTest::newRow("a 1 MiB line") << repeated("word ", 200000) << 0;
    QTest::newRow("table with 5,000 rows") << "| a | b |\n|---|---|\n" + repeated("| [[x]] | `y` |\n", 5000) << 0;
    QTest::newRow("10,000 delimiter rows in one paragraph") << repeated("a |\n| --- | --- |\n", 10000) << 0;
    QTest::newRow("table with 5,000 columns") << repeated("|a", 5000) + "|\n" + repeated("|-", 5000) + "|\n" << 0;
    QTest::newRow("a row of 100,000 pipes") << repeated("|", 100000) + "\n" + repeated("|-", 1000) + "|\n" << 0;
    QTest::newRow("100,000 nested [ in frontmatter") << "---\na: " + repeated("[", 100000) + "\n---\n- [ ] t\n" << 1;
    QByteArray bomb = "---\na: &a [x,x,x,x,x,x,x,x,x]\n";
    for (char name = 'b'; name <= 'i'; ++name)
        bomb += QByteArray(1, name) + ": &" + QByteArray(1, name) + " ["
            + repeated("*" + QByteArray(1, char(name - 1)) + ",", 8) + "*" + QByteArray(1, char(name - 1)) + "]\n";
    QTest::newRow("alias bomb") << bomb + "---\n- [ ] t\n" << 1;
    QTest::newRow("alias cycle") << QByteArray("---\na: &x [1, *x]\n---\n- [ ] t\n") << 1;
    QTest::newRow("unterminated frontmatter") << QByteArray("---\ntitle: x\n- [ ] t\n") << 1;
    QTest::newRow("frontmatter and nothing else") << QByteArray("---\ntitle: x\n---") << 0;
}

void TestNoteParser::hostile()
{
    QFETCH(QByteArray, input);
    QFETCH(int, tasks);

    // A hang shows as ctest's timeout; speed is bench_noteparser's business, not a test's.
    const Note note = NoteParser::parse(input, QStringLiteral("/vault/hostile.md"));
    if (tasks >= 0)
        QCOMPARE(note.actionItems.size(), tasks);
    for (const ActionItem &item : note.actionItems)
        QVERIFY(item.line >= 1 && item.line <= note.lineCount);
    for (const Section &section : note.sections)
        QVERIFY(section.headingLine >= 1 && section.headingLine <= section.lastLine
                && section.lastLine <= qMax(note.lineCount, 1));
    for (const Link &link : note.links)
        QVERIFY(link.line >= 1 && link.line <= note.lineCount);
    QCOMPARE(note.stamp.size, input.size());
}

void TestNoteParser::fileNameFallbacks_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("title");
    QTest::addColumn<QDate>("date");

    QTest::newRow("dated file name") << QStringLiteral("/vault/2025-02-03 Kickoff.md")
                                     << QStringLiteral("2025-02-03 Kickoff") << QDate(2025, 2, 3);
    QTest::newRow("upper-case extension")
        << QStringLiteral("/vault/Kickoff.MD") << QStringLiteral("Kickoff") << QDate();
    QTest::newRow("dots in the name") << QStringLiteral("/vault/v1.2 review.md") << QStringLiteral("v1.2 review")
                                      << QDate();
    QTest::newRow("not a date") << QStringLiteral("/vault/2025-13-45 x.md") << QStringLiteral("2025-13-45 x")
                                << QDate();
    QTest::newRow("no extension") << QStringLiteral("/vault/2025-02-03") << QStringLiteral("2025-02-03")
                                  << QDate(2025, 2, 3);
}

void TestNoteParser::fileNameFallbacks()
{
    QFETCH(QString, path);
    QFETCH(QString, title);
    QFETCH(QDate, date);

    // A file written to disk, read back as the vault reads it.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString file = dir.filePath(QFileInfo(path).fileName());
    QFile out(file);
    QVERIFY(out.open(QIODevice::WriteOnly));
    // A '# Summary' heading names a section, not the meeting; an empty '#' names nothing.
    out.write("#\n# Summary\nNo title here.\n## Notes\n");
    out.close();

    const Note note = NoteParser::parse(readFile(file), file);
    QCOMPARE(note.title, title);
    QCOMPARE(note.date, date);
    QCOMPARE(note.blocks.first().kind, TextBlock::Kind::Title);
    QCOMPARE(note.blocks.first().line, 0);
    QCOMPARE(std::count_if(note.blocks.begin(), note.blocks.end(),
                           [](const TextBlock &block) { return block.kind == TextBlock::Kind::Title; }),
             1);
}

void TestNoteParser::seeds_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QDate>("date");
    QTest::addColumn<QStringList>("participants");
    QTest::addColumn<QStringList>("tags");
    QTest::addColumn<QStringList>("bodyTags");
    QTest::addColumn<int>("frontmatterLines");
    QTest::addColumn<int>("lineCount");
    QTest::addColumn<QStringList>("actionItems"); // line|owner|due|priority, all proposed
    QTest::addColumn<QList<int>>("sectionLines");
    QTest::addColumn<QList<int>>("decisionLines");
    QTest::addColumn<QList<int>>("keyInformationLines");
    QTest::addColumn<QList<int>>("linkLines");

    const QString lior = QStringLiteral("Lior Genzel");
    const QString jason = QStringLiteral("Jason Vallery");
    QList<int> related;
    for (int line = 63; line <= 83; ++line)
        related.append(line);

    QTest::newRow("block lists, [ ?]")
        << QStringLiteral("000_b57d37c1f49f76b5.txt") << QDate(2025, 10, 30) << QStringList{lior, jason}
        << QStringList{QStringLiteral("type/people"), QStringLiteral("person/lior-genzel"), QStringLiteral("generated")}
        << QStringList{QStringLiteral("task"), QStringLiteral("proposed")} << 16 << 83
        << QStringList{
               QStringLiteral("27|Lior Genzel|2025-10-31|high"), QStringLiteral("28|Lior Genzel|2025-10-31|high"),
               QStringLiteral("29|Lior Genzel|2025-10-31|high"), QStringLiteral("30|Myself||"),
               QStringLiteral("31|Lior Genzel|2025-10-31|"), QStringLiteral("32|Lior Genzel||"),
               QStringLiteral("33|Lior Genzel|2025-10-31|"), QStringLiteral("34|Myself||high"),
               QStringLiteral("35|Myself||"), QStringLiteral("36|Myself||low"),
               QStringLiteral("37|Myself||"), QStringLiteral("38|Lior Genzel|2025-11-01|high"),
               QStringLiteral("39|Myself||"),
           }
        << QList<int>{18, 23, 26, 41, 47, 61} << QList<int>{42, 43, 44, 45}
        << QList<int>{48, 49, 50, 51, 52, 53, 54, 55} << QList<int>{59} + related;
    QTest::newRow("flow lists, [?], loose lists")
        << QStringLiteral("001_7eeb404e615b664d.txt") << QDate(2025, 10, 30) << QStringList{jason, lior}
        << QStringList{QStringLiteral("type/people"), QStringLiteral("person/"), QStringLiteral("generated")}
        << QStringList{QStringLiteral("task"), QStringLiteral("proposed"), QStringLiteral("auto")} << 14 << 67
        << QStringList{QStringLiteral("29|Myself|2025-10-31|high"), QStringLiteral("31|Lior Genzel|2025-10-31|high"),
                       QStringLiteral("33|Lior Genzel|2025-10-31|")}
        << QList<int>{16, 21, 26, 38, 48} << QList<int>{41, 43} << QList<int>{51, 53, 55, 57, 59, 61} << QList<int>{67};
}

void TestNoteParser::seeds()
{
    QFETCH(QString, file);
    QFETCH(QDate, date);
    QFETCH(QStringList, participants);
    QFETCH(QStringList, tags);
    QFETCH(QStringList, bodyTags);
    QFETCH(int, frontmatterLines);
    QFETCH(int, lineCount);
    QFETCH(QStringList, actionItems);
    QFETCH(QList<int>, sectionLines);
    QFETCH(QList<int>, decisionLines);
    QFETCH(QList<int>, keyInformationLines);
    QFETCH(QList<int>, linkLines);

    const QString path = QDir(seedsFolder()).filePath(file);
    if (!QFileInfo::exists(path))
        QSKIP("the seed notes are not beside the project");
    const QByteArray bytes = readFile(path);
    const Note note = NoteParser::parse(bytes, path);

    // The title is the frontmatter's, which here is also the first heading's text.
    QVERIFY(!note.title.isEmpty());
    QCOMPARE(note.title, note.frontmatter.value(QLatin1StringView("title")).toString());
    QCOMPARE(note.title, note.sections.first().name);
    QCOMPARE(note.date, date);
    QCOMPARE(note.participants, participants);
    QCOMPARE(note.tags, tags);
    QCOMPARE(note.bodyTags, bodyTags);
    QCOMPARE(note.frontmatterLines, frontmatterLines);
    QCOMPARE(note.lineCount, lineCount);
    QVERIFY(note.diagnostics.isEmpty());
    QVERIFY(note.hasMojibake);
    QVERIFY(!note.summary.isEmpty());

    QStringList items;
    for (const ActionItem &item : note.actionItems) {
        items.append(QStringLiteral("%1|%2|%3|%4")
                         .arg(item.line)
                         .arg(item.owner, item.due.toString(Qt::ISODate), priorityName(item.priority)));
        QCOMPARE(item.status, TaskStatus::Proposed);
        QCOMPARE(item.section, QStringLiteral("Action Items"));
        QVERIFY(!item.text.isEmpty());
        QCOMPARE(item.tags, bodyTags); // every task carries the note's only body tags
    }
    QCOMPARE(items, actionItems);

    QList<int> lines;
    for (const Section &section : note.sections)
        lines.append(section.headingLine);
    QCOMPARE(lines, sectionLines);
    lines.clear();
    for (const Bullet &bullet : note.decisions)
        lines.append(bullet.line);
    QCOMPARE(lines, decisionLines);
    lines.clear();
    for (const Bullet &bullet : note.keyInformation)
        lines.append(bullet.line);
    QCOMPARE(lines, keyInformationLines);
    lines.clear();
    for (const Link &link : note.links)
        lines.append(link.line);
    QCOMPARE(lines, linkLines);

    for (const QString &text : displayedStrings(note))
        QVERIFY2(!looksLikeMojibake(text), qPrintable(text));
}

// The vault parses on worker threads: cmark-gfm, yaml-cpp and the repair tables must not share
// mutable state. Every thread must read every note exactly as one thread does.
void TestNoteParser::parallelParsesAgree()
{
    QStringList names = QDir(fixture(QString())).entryList(QDir::Files);
    QList<QByteArray> notes;
    QStringList expected;
    const auto summaryOf = [](const Note &note) {
        return note.title + describeAll(note.actionItems).join(u'\n') + describeAll(note.sections).join(u'\n')
            + describeAll(note.links).join(u'\n') + describeAll(note.blocks).join(u'\n') + note.summary;
    };
    for (const QString &name : names) {
        notes.append(readFile(fixture(name)));
        expected.append(summaryOf(NoteParser::parse(notes.last(), name)));
    }
    std::atomic<int> mismatches = 0;
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&] {
            for (int round = 0; round < 50; ++round) {
                for (qsizetype i = 0; i < notes.size(); ++i) {
                    if (summaryOf(NoteParser::parse(notes.at(i), names.at(i))) != expected.at(i))
                        ++mismatches;
                }
            }
        });
    }
    for (std::thread &thread : threads)
        thread.join();
    QCOMPARE(mismatches.load(), 0);
}

QTEST_APPLESS_MAIN(TestNoteParser)
#include "tst_noteparser.moc"
