// The write-back commands, through the real binary: exit codes, messages, bytes on disk.
#include "testfiles.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace debrief::test;

namespace {

using Lines = QList<std::pair<int, QByteArray>>;

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

Run run(const QStringList &arguments, const QString &workingDirectory,
        const QString &today = QStringLiteral("2026-11-21"))
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("DEBRIEF_TODAY"), today);
    process.setProcessEnvironment(environment);
    process.setWorkingDirectory(workingDirectory);
    process.start(QStringLiteral(DEBRIEF_BINARY), arguments);
    if (!process.waitForFinished(30000))
        return {};
    return {process.exitCode(), process.readAllStandardOutput(), process.readAllStandardError()};
}

// The fixture's bytes with some lines (1-based) replaced; the endings are kept.
QByteArray withLines(QByteArray bytes, const Lines &lines)
{
    QList<QByteArray> split;
    qsizetype start = 0;
    for (qsizetype i = 0; i < bytes.size(); ++i) {
        if (bytes.at(i) == '\n') {
            split.append(bytes.mid(start, i + 1 - start));
            start = i + 1;
        }
    }
    if (start < bytes.size())
        split.append(bytes.mid(start));
    for (const auto &[line, content] : lines) {
        QByteArray &target = split[line - 1];
        const QByteArray ending = target.endsWith("\r\n") ? "\r\n" : target.endsWith('\n') ? "\n" : "";
        target = content + ending;
    }
    return split.join();
}

const QString tight = QStringLiteral("tight-lf.md");

QString at(int line)
{
    return tight + QLatin1Char(':') + QString::number(line);
}

} // namespace

class TestEditCli final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void statusCommands_data();
    void statusCommands();
    void editCommand_data();
    void editCommand();
    void usageErrors_data();
    void usageErrors();
    void help_data();
    void help();
    void helpAfterDoubleDashIsText();
    void helpAsAnOptionValueIsAValue();
    void notAnActionItemWritesNothing();
    void missingFileWritesNothingAnywhere();
    void readOnlyFile();
    void addAndDelete();
    void editDecisionText();
    void deleteNeighbours();
    void repair();
    void reviewed();
    void doneRecurring();

private:
    QTemporaryDir *m_dir = nullptr;
    QByteArray m_original;
    QString dir() const { return m_dir->path(); }
    QString note() const { return m_dir->filePath(tight); }
};

void TestEditCli::init()
{
    m_dir = new QTemporaryDir;
    const QDir fixtures(QStringLiteral(DEBRIEF_FIXTURES "/edit"));
    for (const QString &name : fixtures.entryList({QStringLiteral("*.md")}, QDir::Files))
        QVERIFY(QFile::copy(fixtures.filePath(name), m_dir->filePath(name)));
    m_original = readFile(note());
}

void TestEditCli::cleanup()
{
    delete m_dir;
    m_dir = nullptr;
}

void TestEditCli::statusCommands_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<Lines>("changed");
    QTest::newRow("accept two") << QStringList{QStringLiteral("accept"), at(18), at(19)}
                                << Lines{{18, "- [ ] Send the revised budget. @Ann Park 📅 2026-03-06 ⏫ #task"},
                                         {19, "- [ ] Book the room for the offsite. @Bo Li #task #auto"}};
    QTest::newRow("reject") << QStringList{QStringLiteral("reject"), at(19)}
                            << Lines{{19, "- [-] Book the room for the offsite. @Bo Li #task #auto ❌ 2026-11-21"}};
    QTest::newRow("done") << QStringList{QStringLiteral("done"), at(20)}
                          << Lines{{20, "- [x] Draft the hiring plan. @Myself ⏳ 2026-03-04 #task ✅ 2026-11-21"}};
    QTest::newRow("reopen done and cancelled")
        << QStringList{QStringLiteral("reopen"), at(21), at(22)}
        << Lines{{21, "- [ ] Share last quarter's numbers. @Ann Park #task"}, {22, "- [ ] Drop the old vendor. #task"}};
    QTest::newRow("same target twice is one edit") << QStringList{QStringLiteral("done"), at(24), at(24)}
                                                   << Lines{{24, "- [x] Plain task without fields ✅ 2026-11-21"}};
}

void TestEditCli::statusCommands()
{
    QFETCH(QStringList, arguments);
    QFETCH(Lines, changed);
    const Run result = run(arguments, dir());
    QVERIFY2(result.exitCode == 0, result.err.constData());
    QCOMPARE(readFile(note()), withLines(m_original, changed));
}

void TestEditCli::editCommand_data()
{
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<int>("line");
    QTest::addColumn<QByteArray>("after");
    QTest::newRow("owner and due in place")
        << QStringList{QStringLiteral("--owner"), QStringLiteral("Cy Roe"), QStringLiteral("--due=2026-12-24")} << 18
        << QByteArray("- [?] Send the revised budget. @Cy Roe 📅 2026-12-24 ⏫ #task #proposed");
    QTest::newRow("fields removed") << QStringList{QStringLiteral("--owner"),    QStringLiteral("none"),
                                                   QStringLiteral("--due"),      QStringLiteral("none"),
                                                   QStringLiteral("--priority"), QStringLiteral("none")}
                                    << 18 << QByteArray("- [?] Send the revised budget. #task #proposed");
    QTest::newRow("text, scheduled, start")
        << QStringList{QStringLiteral("--text"),     QStringLiteral("Draft it"), QStringLiteral("--scheduled"),
                       QStringLiteral("2026-12-01"), QStringLiteral("--start"),  QStringLiteral("2026-11-30")}
        << 20 << QByteArray("- [ ] Draft it @Myself ⏳ 2026-12-01 🛫 2026-11-30 #task");
    QTest::newRow("dataview fields in their spelling")
        << QStringList{QStringLiteral("--due"), QStringLiteral("2026-12-31"), QStringLiteral("--priority"),
                       QStringLiteral("highest")}
        << 23 << QByteArray("- [/] Collect quotes [due:: 2026-12-31] [priority:: highest] #task");
}

void TestEditCli::editCommand()
{
    QFETCH(QStringList, options);
    QFETCH(int, line);
    QFETCH(QByteArray, after);
    const Run result = run(QStringList{QStringLiteral("edit"), at(line)} + options, dir());
    QVERIFY2(result.exitCode == 0, result.err.constData());
    QCOMPARE(readFile(note()), withLines(m_original, {{line, after}}));
}

void TestEditCli::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("today");
    const QString day = QStringLiteral("2026-11-21");
    QTest::newRow("accept without target") << QStringList{QStringLiteral("accept")} << day;
    QTest::newRow("target without line") << QStringList{QStringLiteral("done"), tight} << day;
    QTest::newRow("line zero") << QStringList{QStringLiteral("done"), at(0)} << day;
    QTest::newRow("edit without options") << QStringList{QStringLiteral("edit"), at(18)} << day;
    QTest::newRow("edit bad date") << QStringList{QStringLiteral("edit"), at(18), QStringLiteral("--due"),
                                                  QStringLiteral("tomorrow")}
                                   << day;
    QTest::newRow("edit bad priority") << QStringList{QStringLiteral("edit"), at(18), QStringLiteral("--priority"),
                                                      QStringLiteral("urgent")}
                                       << day;
    QTest::newRow("edit unknown option") << QStringList{QStringLiteral("edit"), at(18), QStringLiteral("--colour"),
                                                        QStringLiteral("red")}
                                         << day;
    QTest::newRow("add without text") << QStringList{QStringLiteral("add"), tight} << day;
    QTest::newRow("delete without target") << QStringList{QStringLiteral("delete")} << day;
    QTest::newRow("bad DEBRIEF_TODAY") << QStringList{QStringLiteral("done"), at(18)} << QStringLiteral("soon");
    QTest::newRow("repair unknown option")
        << QStringList{QStringLiteral("repair"), tight, QStringLiteral("--force")} << day;
    QTest::newRow("edit to empty text") << QStringList{QStringLiteral("edit"), at(18), QStringLiteral("--text"),
                                                       QString()}
                                        << day;
    QTest::newRow("edit to blank text") << QStringList{QStringLiteral("edit"), at(18), QStringLiteral("--text=  ")}
                                        << day;
    QTest::newRow("add to a section across lines")
        << QStringList{QStringLiteral("add"), tight, QStringLiteral("--section"), QStringLiteral("Next\n## Steps"),
                       QStringLiteral("Call the venue")}
        << day;
    QTest::newRow("add to a section with a carriage return")
        << QStringList{QStringLiteral("add"), tight, QStringLiteral("--section=Next\rSteps"),
                       QStringLiteral("Call the venue")}
        << day;
}

void TestEditCli::help_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("synopsis");
    for (const char *command : {"accept", "reject", "done", "reopen", "delete"}) {
        const QString name = QString::fromLatin1(command);
        QTest::newRow(command) << QStringList{name, QStringLiteral("--help")}
                               << QStringLiteral("Usage: debrief %1 FILE:LINE [FILE:LINE...]").arg(name);
    }
    QTest::newRow("edit -h after a target")
        << QStringList{QStringLiteral("edit"), at(18), QStringLiteral("-h")} << QStringLiteral("Usage: debrief edit");
    QTest::newRow("add") << QStringList{QStringLiteral("add"), QStringLiteral("--help")}
                         << QStringLiteral("Usage: debrief add FILE [--section NAME]");
    QTest::newRow("repair") << QStringList{QStringLiteral("repair"), QStringLiteral("--help")}
                            << QStringLiteral("Usage: debrief repair FILE... [--dry-run]");
    QTest::newRow("reviewed") << QStringList{QStringLiteral("reviewed"), QStringLiteral("--help")}
                              << QStringLiteral("Usage: debrief reviewed FILE... [--undo]");
}

// Help goes to standard output with exit 0 and writes nothing, even with a target beside it.
void TestEditCli::help()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, synopsis);
    const Run result = run(arguments, dir());
    QCOMPARE(result.exitCode, 0);
    QVERIFY2(result.out.startsWith(synopsis.toUtf8()), result.out.constData());
    QVERIFY(result.out.contains("Exit codes:"));
    QVERIFY(result.err.isEmpty());
    QCOMPARE(readFile(note()), m_original);
}

// "--" ends the options: after it, "--help" is the text of the new item.
void TestEditCli::helpAfterDoubleDashIsText()
{
    const Run result = run({QStringLiteral("add"), tight, QStringLiteral("--"), QStringLiteral("--help")}, dir());
    QVERIFY2(result.exitCode == 0, result.err.constData());
    QVERIFY(readFile(note()).contains("- [ ] --help"));
}

// The value of an option is a value, whatever it spells: a script that passes a user's text
// must not get help and exit 0 with nothing written.
void TestEditCli::helpAsAnOptionValueIsAValue()
{
    const Run result = run({QStringLiteral("edit"), at(18), QStringLiteral("--text"), QStringLiteral("--help")}, dir());
    QVERIFY2(result.exitCode == 0, result.err.constData());
    QVERIFY(result.out.isEmpty() || !result.out.startsWith("Usage:"));
    QVERIFY(readFile(note()) != m_original);
    QVERIFY(readFile(note()).contains("] --help"));
}

void TestEditCli::usageErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, today);
    const Run result = run(arguments, dir(), today);
    QCOMPARE(result.exitCode, 1);
    QVERIFY(!result.err.isEmpty());
    QCOMPARE(readFile(note()), m_original);
}

void TestEditCli::notAnActionItemWritesNothing()
{
    const Run result = run({QStringLiteral("accept"), at(18), at(9)}, dir());
    QCOMPARE(result.exitCode, 3);
    QVERIFY2(result.err.contains("tight-lf.md:9 is not an action item"), result.err.constData());
    QCOMPARE(readFile(note()), m_original);
}

void TestEditCli::missingFileWritesNothingAnywhere()
{
    const Run result = run({QStringLiteral("accept"), at(18), QStringLiteral("missing.md:3")}, dir());
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.err.contains("missing.md does not exist"), result.err.constData());
    QCOMPARE(readFile(note()), m_original);
}

void TestEditCli::readOnlyFile()
{
    QVERIFY(QFile::setPermissions(note(), QFileDevice::ReadOwner | QFileDevice::ReadGroup));
    const Run result = run({QStringLiteral("done"), at(20)}, dir());
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.err.contains("tight-lf.md is read-only"), result.err.constData());
    QCOMPARE(readFile(note()), m_original);
}

void TestEditCli::addAndDelete()
{
    Run result = run({QStringLiteral("add"), tight, QStringLiteral("Call the bank"), QStringLiteral("--owner"),
                      QStringLiteral("Ann Park"), QStringLiteral("--due"), QStringLiteral("2026-12-01"),
                      QStringLiteral("--priority"), QStringLiteral("high")},
                     dir());
    QVERIFY2(result.exitCode == 0, result.err.constData());
    QCOMPARE(result.out, QByteArray("tight-lf.md:25: added\n"));
    QByteArray expected = m_original;
    expected.replace("- [ ] Plain task without fields\n",
                     "- [ ] Plain task without fields\n- [ ] Call the bank @Ann Park 📅 2026-12-01 ⏫\n");
    QCOMPARE(readFile(note()), expected);
    result = run({QStringLiteral("delete"), at(25)}, dir());
    QVERIFY2(result.exitCode == 0, result.err.constData());
    QCOMPARE(readFile(note()), m_original);

    // A decision in a loose CRLF list, then deleted with its blank line.
    const QString loose = m_dir->filePath(QStringLiteral("loose-crlf.md"));
    const QByteArray looseOriginal = readFile(loose);
    result = run({QStringLiteral("add"), QStringLiteral("loose-crlf.md"), QStringLiteral("--decision"),
                  QStringLiteral("Pay yearly.")},
                 dir());
    QVERIFY2(result.exitCode == 0, result.err.constData());
    QByteArray looseExpected = looseOriginal;
    looseExpected.replace("- Ask for on-site spares.\r\n", "- Ask for on-site spares.\r\n\r\n- Pay yearly.\r\n");
    QCOMPARE(readFile(loose), looseExpected);
    result = run({QStringLiteral("delete"), QStringLiteral("loose-crlf.md:34")}, dir());
    QVERIFY2(result.exitCode == 0, result.err.constData());
    QCOMPARE(readFile(loose), looseOriginal);

    result = run({QStringLiteral("delete"), at(9)}, dir());
    QCOMPARE(result.exitCode, 3);
}

// A decision's text is edited through the same command as an action item's; its fields are not.
void TestEditCli::editDecisionText()
{
    Run result =
        run({QStringLiteral("edit"), at(28), QStringLiteral("--text"), QStringLiteral("Move it to May.")}, dir());
    QVERIFY2(result.exitCode == 0, result.err.constData());
    QCOMPARE(readFile(note()), withLines(m_original, {{28, "- Move it to May."}}));
    result = run({QStringLiteral("edit"), at(31), QStringLiteral("--owner"), QStringLiteral("Bo Li")}, dir());
    QCOMPARE(result.exitCode, 3);
    QVERIFY2(result.err.contains("tight-lf.md:31 is a decision"), result.err.constData());
    QCOMPARE(readFile(note()), withLines(m_original, {{28, "- Move it to May."}}));
}

// Items selected together are deleted together, neighbours included; one bad target stops all.
void TestEditCli::deleteNeighbours()
{
    Run result = run({QStringLiteral("delete"), at(20), at(21), at(9)}, dir());
    QCOMPARE(result.exitCode, 3);
    QCOMPARE(readFile(note()), m_original);
    result = run({QStringLiteral("delete"), at(20), at(21)}, dir());
    QVERIFY2(result.exitCode == 0, result.err.constData());
    QCOMPARE(result.out, QByteArray("tight-lf.md:20: deleted\ntight-lf.md:21: deleted\n"));
    QByteArray expected = m_original;
    expected.replace("- [ ] Draft the hiring plan. @Myself ⏳ 2026-03-04 #task\n"
                     "- [x] Share last quarter's numbers. @Ann Park #task ✅ 2026-03-01\n",
                     "");
    QVERIFY(expected != m_original);
    QCOMPARE(readFile(note()), expected);
}

// Two notes, one with frontmatter and one without, marked and unmarked: the bytes come back.
void TestEditCli::reviewed()
{
    const QString bare = QStringLiteral("bom-no-final-newline.md");
    const QByteArray bareBefore = readFile(m_dir->filePath(bare));
    QVERIFY(!bareBefore.contains("---"));
    Run result = run({QStringLiteral("reviewed"), tight, bare}, dir());
    QVERIFY2(result.exitCode == 0, result.err.constData());
    QCOMPARE(readFile(note()),
             m_original.replace("tags: [type/meeting]\n", "tags: [type/meeting]\nreviewed: 2026-11-21\n"));
    QVERIFY(readFile(m_dir->filePath(bare)).startsWith("\xEF\xBB\xBF---"));
    QVERIFY(readFile(m_dir->filePath(bare)).contains("reviewed: 2026-11-21"));
    result = run({QStringLiteral("reviewed"), tight, bare, QStringLiteral("--undo")}, dir());
    QVERIFY2(result.exitCode == 0, result.err.constData());
    QCOMPARE(readFile(note()), readFile(QStringLiteral(DEBRIEF_FIXTURES "/edit/") + tight));
    QCOMPARE(readFile(m_dir->filePath(bare)), bareBefore);
}

void TestEditCli::repair()
{
    const QString path = m_dir->filePath(QStringLiteral("mojibake-invalid.md"));
    const QByteArray original = readFile(path);
    Run result =
        run({QStringLiteral("repair"), QStringLiteral("mojibake-invalid.md"), QStringLiteral("--dry-run")}, dir());
    QCOMPARE(result.exitCode, 0);
    QCOMPARE(readFile(path), original);
    QVERIFY(result.out.startsWith("--- a/mojibake-invalid.md\n+++ b/mojibake-invalid.md\n@@ -10,12 +10,12 @@\n"));
    QVERIFY(result.out.contains(
        "\n-They talked about Gus‚Äôs move and the café order.\n+They talked about Gus’s move and the café order.\n"));

    result = run({QStringLiteral("repair"), QStringLiteral("mojibake-invalid.md"), tight}, dir());
    QCOMPARE(result.exitCode, 0);
    QCOMPARE(result.out, QByteArray("mojibake-invalid.md: repaired 4 lines\ntight-lf.md: nothing to repair\n"));
    const QByteArray repaired = readFile(path);
    QVERIFY(repaired.contains("Gus’s notes to Fay. @Fay Ng 📅 2026-05-04 ⏫ #task"));
    QVERIFY(repaired.contains("- [ ] Fix the \xFF\xFE broken bytes line. #task\n"));
    QCOMPARE(readFile(note()), m_original);
}

// done on a recurring task writes the next occurrence above; a rule Debrief cannot compute ticks
// the one line, exit code 0, and says so on stderr.
void TestEditCli::doneRecurring()
{
    const QString path = m_dir->filePath(QStringLiteral("chores.md"));
    QVERIFY(writeFile(path,
                      "## Action Items\n- [ ] Feed the cat 🔁 every day 📅 2026-11-21\n"
                      "- [ ] Stretch 🔁 every hour 📅 2026-11-21\n"));
    Run result = run({QStringLiteral("done"), QStringLiteral("chores.md:2")}, dir());
    QVERIFY2(result.exitCode == 0, result.err.constData());
    QCOMPARE(result.err, QByteArray());
    QCOMPARE(readFile(path),
             QByteArray("## Action Items\n- [ ] Feed the cat 🔁 every day 📅 2026-11-22\n"
                        "- [x] Feed the cat 🔁 every day 📅 2026-11-21 ✅ 2026-11-21\n"
                        "- [ ] Stretch 🔁 every hour 📅 2026-11-21\n"));
    result = run({QStringLiteral("done"), QStringLiteral("chores.md:4")}, dir());
    QVERIFY2(result.exitCode == 0, result.err.constData());
    QVERIFY2(result.err.startsWith("debrief: note: ") && result.err.contains("“every hour”"), result.err.constData());
    QCOMPARE(readFile(path),
             QByteArray("## Action Items\n- [ ] Feed the cat 🔁 every day 📅 2026-11-22\n"
                        "- [x] Feed the cat 🔁 every day 📅 2026-11-21 ✅ 2026-11-21\n"
                        "- [x] Stretch 🔁 every hour 📅 2026-11-21 ✅ 2026-11-21\n"));
}

QTEST_GUILESS_MAIN(TestEditCli)
#include "tst_editcli.moc"
