// The command line, run as the real binary: output, JSON shapes, filters and exit codes.
#include "debriefrun.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

namespace {

using Result = debrief::test::DebriefRun;
using debrief::test::runDebrief;

QString fixtureVault()
{
    return QStringLiteral(DEBRIEF_FIXTURES "/cli/vault");
}

QString designReview()
{
    return fixtureVault() + u"/Meetings/2026-03-02 Design review.md"_qs;
}

QSet<QString> keysOf(const QJsonObject &object)
{
    const QStringList keys = object.keys();
    return {keys.begin(), keys.end()};
}

QSet<QString> setOf(const QStringList &list)
{
    return {list.begin(), list.end()};
}

} // namespace

class TestCli final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void helpAndVersion_data();
    void helpAndVersion();
    void showJson();
    void showText();
    void tasksFilters_data();
    void tasksFilters();
    void tasksText();
    void tasksSampleVault();
    void usageErrors_data();
    void usageErrors();
    void unreadable_data();
    void unreadable();
};

void TestCli::helpAndVersion_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("expected"); // some text the output must hold

    QTest::newRow("--help") << QStringList{u"--help"_qs} << u"tasks VAULT"_qs;
    QTest::newRow("-h") << QStringList{u"-h"_qs} << u"show FILE"_qs;
    QTest::newRow("--version") << QStringList{u"--version"_qs} << u"debrief " DEBRIEF_VERSION ""_qs;
    QTest::newRow("show --help") << QStringList{u"show"_qs, u"--help"_qs} << u"--json"_qs;
    QTest::newRow("tasks --help") << QStringList{u"tasks"_qs, u"--help"_qs} << u"--due-before DATE"_qs;
    QTest::newRow("tasks -h") << QStringList{u"tasks"_qs, u"-h"_qs} << u"--status LIST"_qs;
}

void TestCli::helpAndVersion()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, expected);
    const Result result = runDebrief(arguments);
    QCOMPARE(result.code, 0);
    QVERIFY2(result.out.contains(expected), qPrintable(result.out));
    QVERIFY(result.err.isEmpty());
}

void TestCli::showJson()
{
    const Result result = runDebrief({u"show"_qs, designReview(), u"--json"_qs});
    QCOMPARE(result.code, 0);
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(result.out.toUtf8(), &error);
    QVERIFY2(document.isObject(), qPrintable(error.errorString()));
    const QJsonObject note = document.object();

    QCOMPARE(
        keysOf(note),
        setOf({u"path"_qs, u"title"_qs, u"date"_qs, u"participants"_qs, u"tags"_qs, u"frontmatter"_qs, u"summary"_qs,
               u"decisions"_qs, u"key_information"_qs, u"links"_qs, u"action_items"_qs, u"diagnostics"_qs}));
    QCOMPARE(note.value(u"path"_qs).toString(), QDir::cleanPath(designReview()));
    QCOMPARE(note.value(u"title"_qs).toString(), u"Design review for the Kestrel app"_qs);
    QCOMPARE(note.value(u"date"_qs).toString(), u"2026-03-02"_qs);
    QCOMPARE(note.value(u"participants"_qs).toArray(), QJsonArray({u"Ann Lee"_qs, u"Ravi Patel"_qs}));
    QCOMPARE(note.value(u"tags"_qs).toArray(), QJsonArray({u"type/meeting"_qs, u"project/kestrel"_qs}));
    QCOMPARE(note.value(u"frontmatter"_qs).toObject().value(u"custom_key"_qs).toString(), u"kept"_qs);
    QCOMPARE(note.value(u"summary"_qs).toString(), u"The team reviewed the onboarding screens of the Kestrel app."_qs);
    QCOMPARE(note.value(u"diagnostics"_qs).toArray().size(), 0);

    const QJsonArray decisions = note.value(u"decisions"_qs).toArray();
    QCOMPARE(decisions.size(), 1);
    QCOMPARE(keysOf(decisions.at(0).toObject()), setOf({u"line"_qs, u"text"_qs}));
    QCOMPARE(decisions.at(0).toObject().value(u"line"_qs).toInt(), 30);
    QCOMPARE(decisions.at(0).toObject().value(u"text"_qs).toString(), u"Onboarding has three screens, not five."_qs);
    QCOMPARE(note.value(u"key_information"_qs).toArray().size(), 1);

    // Links resolve in the vault the file is in: the folder holding .obsidian.
    QHash<QString, QJsonObject> links;
    for (const QJsonValue &value : note.value(u"links"_qs).toArray()) {
        const QJsonObject link = value.toObject();
        QCOMPARE(keysOf(link), setOf({u"line"_qs, u"target"_qs, u"alias"_qs, u"resolved"_qs}));
        links.insert(link.value(u"target"_qs).toString(), link);
    }
    QCOMPARE(links.size(), 3);
    const QJsonObject source = links.value(u"Inbox/Design review transcript"_qs);
    QCOMPARE(source.value(u"alias"_qs).toString(), u"Transcript"_qs);
    QVERIFY(source.value(u"resolved"_qs).isNull());
    const QJsonObject ann = links.value(u"Ann Lee"_qs);
    QVERIFY(ann.value(u"alias"_qs).isNull());
    QCOMPARE(ann.value(u"resolved"_qs).toString(), QDir::cleanPath(fixtureVault() + u"/People/Ann Lee.md"_qs));
    QCOMPARE(links.value(u"People/Ravi Patel"_qs).value(u"resolved"_qs).toString(),
             QDir::cleanPath(fixtureVault() + u"/People/Ravi Patel.md"_qs));

    const QJsonArray items = note.value(u"action_items"_qs).toArray();
    QCOMPARE(items.size(), 6);
    const QSet<QString> itemKeys =
        setOf({u"line"_qs, u"status"_qs, u"status_char"_qs, u"text"_qs, u"owner"_qs, u"due"_qs, u"scheduled"_qs,
               u"start"_qs, u"created"_qs, u"done_date"_qs, u"cancelled_date"_qs, u"priority"_qs, u"recurrence"_qs,
               u"on_completion"_qs, u"id"_qs, u"depends_on"_qs, u"tags"_qs, u"section"_qs, u"raw"_qs});
    for (const QJsonValue &item : items)
        QCOMPARE(keysOf(item.toObject()), itemKeys);

    const QJsonObject draft = items.at(0).toObject();
    QCOMPARE(draft.value(u"line"_qs).toInt(), 22);
    QCOMPARE(draft.value(u"status"_qs).toString(), u"proposed"_qs);
    QCOMPARE(draft.value(u"status_char"_qs).toString(), u"?"_qs);
    QCOMPARE(draft.value(u"text"_qs).toString(), u"Draft the onboarding copy."_qs);
    QCOMPARE(draft.value(u"owner"_qs).toString(), u"Ann Lee"_qs);
    QCOMPARE(draft.value(u"due"_qs).toString(), u"2026-03-09"_qs);
    QVERIFY(draft.value(u"scheduled"_qs).isNull());
    QVERIFY(draft.value(u"done_date"_qs).isNull());
    QCOMPARE(draft.value(u"priority"_qs).toString(), u"high"_qs);
    QVERIFY(draft.value(u"recurrence"_qs).isNull());
    QCOMPARE(draft.value(u"tags"_qs).toArray(), QJsonArray({u"task"_qs, u"proposed"_qs}));
    QCOMPARE(draft.value(u"section"_qs).toString(), u"Action Items"_qs);
    QCOMPARE(draft.value(u"raw"_qs).toString(),
             u"- [?] Draft the onboarding copy. @Ann Lee \U0001F4C5 2026-03-09 \u23EB #task #proposed"_qs);

    const QJsonObject booked = items.at(3).toObject();
    QCOMPARE(booked.value(u"status"_qs).toString(), u"done"_qs);
    QCOMPARE(booked.value(u"done_date"_qs).toString(), u"2026-03-03"_qs);
    QCOMPARE(items.at(4).toObject().value(u"status"_qs).toString(), u"cancelled"_qs);
    QCOMPARE(items.at(4).toObject().value(u"cancelled_date"_qs).toString(), u"2026-03-02"_qs);
    const QJsonObject crash = items.at(5).toObject();
    QCOMPARE(crash.value(u"status"_qs).toString(), u"other"_qs);
    QCOMPARE(crash.value(u"status_char"_qs).toString(), u"!"_qs);
    QVERIFY(crash.value(u"owner"_qs).isNull());
    QVERIFY(crash.value(u"due"_qs).isNull());
    QVERIFY(crash.value(u"priority"_qs).isNull());
}

void TestCli::showText()
{
    const Result result = runDebrief({u"show"_qs, designReview()});
    QCOMPARE(result.code, 0);
    QVERIFY(result.err.isEmpty());
    const QString &out = result.out;
    QVERIFY2(out.startsWith(u"Design review for the Kestrel app\n"_qs), qPrintable(out));
    for (const QString &expected :
         {u"Date:  2026-03-02"_qs, u"With:  Ann Lee, Ravi Patel"_qs, u"\nSummary\n  The team reviewed"_qs,
          u"\nAction items\n"_qs, u"[?]  Draft the onboarding copy."_qs, u"@Ann Lee"_qs, u"due 2026-03-09"_qs,
          u"line 22"_qs, u"\nDecisions\n"_qs, u"  - Onboarding has three screens, not five."_qs,
          u"\nKey information\n"_qs, u"-> People/Ann Lee.md"_qs, u"(unresolved)"_qs}) {
        QVERIFY2(out.contains(expected), qPrintable(expected + u"\n--- in ---\n"_qs + out));
    }
}

void TestCli::tasksFilters_data()
{
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<QStringList>("expected"); // "file name:line", in output order

    const QString review = u"2026-03-02 Design review.md:"_qs;
    const QString planning = u"2026-04-10 Planning.md:"_qs;
    QTest::newRow("default: proposed, open, in progress")
        << QStringList{}
        << QStringList{review + u"22"_qs, review + u"23"_qs, review + u"24"_qs, planning + u"11"_qs,
                       planning + u"12"_qs};
    QTest::newRow("done") << QStringList{u"--status"_qs, u"done"_qs} << QStringList{review + u"25"_qs};
    QTest::newRow("cancelled,other") << QStringList{u"--status"_qs, u"cancelled,other"_qs}
                                     << QStringList{review + u"26"_qs, review + u"27"_qs};
    QTest::newRow("open,done with spaces and case")
        << QStringList{u"--status=Open, done"_qs}
        << QStringList{review + u"23"_qs, review + u"25"_qs, planning + u"11"_qs};
    QTest::newRow("all") << QStringList{u"--status"_qs, u"all"_qs}
                         << QStringList{review + u"22"_qs, review + u"23"_qs, review + u"24"_qs,   review + u"25"_qs,
                                        review + u"26"_qs, review + u"27"_qs, planning + u"11"_qs, planning + u"12"_qs};
    QTest::newRow("owner, any case") << QStringList{u"--owner"_qs, u"ANN LEE"_qs}
                                     << QStringList{review + u"22"_qs, planning + u"11"_qs};
    QTest::newRow("owner with @") << QStringList{u"--owner"_qs, u"@Mia Chen"_qs}
                                  << QStringList{review + u"24"_qs, planning + u"12"_qs};
    QTest::newRow("owner is an exact name") << QStringList{u"--owner"_qs, u"Ann"_qs} << QStringList{};
    QTest::newRow("owner with all statuses") << QStringList{u"--status"_qs, u"all"_qs, u"--owner"_qs, u"Ravi Patel"_qs}
                                             << QStringList{review + u"23"_qs, review + u"26"_qs};
    QTest::newRow("due before: strictly")
        << QStringList{u"--due-before"_qs, u"2026-03-20"_qs} << QStringList{review + u"22"_qs};
    QTest::newRow("due before: items without a due date left out")
        << QStringList{u"--due-before"_qs, u"2027-01-01"_qs}
        << QStringList{review + u"22"_qs, review + u"23"_qs, planning + u"11"_qs, planning + u"12"_qs};
    QTest::newRow("due before and owner")
        << QStringList{u"--due-before"_qs, u"2026-04-30"_qs, u"--owner"_qs, u"ann lee"_qs}
        << QStringList{review + u"22"_qs, planning + u"11"_qs};
}

void TestCli::tasksFilters()
{
    QFETCH(QStringList, options);
    QFETCH(QStringList, expected);

    const Result result = runDebrief(QStringList{u"tasks"_qs, fixtureVault(), u"--json"_qs} + options);
    QCOMPARE(result.code, 0);
    const QJsonDocument document = QJsonDocument::fromJson(result.out.toUtf8());
    QVERIFY2(document.isArray(), qPrintable(result.out));
    QStringList found;
    for (const QJsonValue &value : document.array()) {
        const QJsonObject item = value.toObject();
        QVERIFY(item.contains(u"path"_qs));
        QCOMPARE(item.size(), 20); // the action item's 19 keys and "path"
        found.append(item.value(u"path"_qs).toString().section(u'/', -1) + u':'
                     + QString::number(item.value(u"line"_qs).toInt()));
    }
    QCOMPARE(found, expected);

    // The text output lists the same items.
    const Result text = runDebrief(QStringList{u"tasks"_qs, fixtureVault()} + options);
    QCOMPARE(text.code, 0);
    for (const QString &where : expected)
        QVERIFY2(text.out.contains(where), qPrintable(text.out));
    if (expected.isEmpty())
        QVERIFY2(text.out.startsWith(u"No matching action items"_qs), qPrintable(text.out));
}

void TestCli::tasksText()
{
    const Result result = runDebrief({u"tasks"_qs, fixtureVault()});
    QCOMPARE(result.code, 0);
    const QStringList lines = result.out.split(u'\n');
    QVERIFY(lines.size() >= 7);
    QVERIFY2(lines.at(0).startsWith(u"STATUS"_qs), qPrintable(result.out));
    QVERIFY(result.out.contains(u"\n5 action items\n"_qs));

    // Columns line up: the file column starts at the same place on every row.
    const qsizetype column = lines.at(0).indexOf(u"WHERE"_qs);
    QVERIFY(column > 0);
    for (int i = 1; i <= 5; ++i) {
        QCOMPARE(lines.at(i).indexOf(u"Meetings/"_qs), column);
    }
    QVERIFY(lines.at(1).startsWith(u"[?] proposed"_qs));
    QVERIFY(lines.at(1).contains(u"2026-03-09"_qs));
    QVERIFY(lines.at(1).contains(u"Ann Lee"_qs));
    QVERIFY(lines.at(1).contains(u"Draft the onboarding copy."_qs));
    QVERIFY(lines.at(3).startsWith(u"[/] in_progress"_qs));
}

void TestCli::tasksSampleVault()
{
    const Result result = runDebrief({u"tasks"_qs, QStringLiteral(DEBRIEF_SAMPLE_VAULT)});
    QCOMPARE(result.code, 0);
    QVERIFY2(result.err.isEmpty(), qPrintable(result.err));
    QVERIFY(result.out.contains(u"[?] proposed"_qs));
    QVERIFY(result.out.contains(u"[ ] open"_qs));
    QVERIFY(result.out.contains(u"[/] in_progress"_qs));
    QVERIFY(!result.out.contains(u"[x] done"_qs));
    QVERIFY2(result.out.contains(u"Tom\u00e1s Ortega"_qs), qPrintable(result.out)); // mojibake repaired
}

void TestCli::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message"); // what the message must name

    const QString vault = fixtureVault();
    // No argument at all opens the desktop window (issue 5), so the usage row is an unknown option.
    QTest::newRow("unknown option") << QStringList{u"--frobnicate"_qs} << u"Usage"_qs;
    QTest::newRow("unknown command") << QStringList{u"frobnicate"_qs} << u"frobnicate"_qs;
    QTest::newRow("tasks: unknown option") << QStringList{u"tasks"_qs, vault, u"--bogus"_qs} << u"bogus"_qs;
    QTest::newRow("tasks: missing vault") << QStringList{u"tasks"_qs} << u"VAULT"_qs;
    QTest::newRow("tasks: two vaults") << QStringList{u"tasks"_qs, vault, vault} << u"VAULT"_qs;
    QTest::newRow("tasks: bad status") << QStringList{u"tasks"_qs, vault, u"--status"_qs, u"open,finished"_qs}
                                       << u"finished"_qs;
    QTest::newRow("tasks: empty status") << QStringList{u"tasks"_qs, vault, u"--status"_qs, u""_qs} << u"status"_qs;
    QTest::newRow("tasks: status without value") << QStringList{u"tasks"_qs, vault, u"--status"_qs} << u"status"_qs;
    QTest::newRow("tasks: bad month") << QStringList{u"tasks"_qs, vault, u"--due-before"_qs, u"2026-13-01"_qs}
                                      << u"2026-13-01"_qs;
    QTest::newRow("tasks: date not zero-padded")
        << QStringList{u"tasks"_qs, vault, u"--due-before"_qs, u"2026-3-1"_qs} << u"2026-3-1"_qs;
    QTest::newRow("tasks: date is words")
        << QStringList{u"tasks"_qs, vault, u"--due-before"_qs, u"tomorrow"_qs} << u"tomorrow"_qs;
    QTest::newRow("tasks: empty owner") << QStringList{u"tasks"_qs, vault, u"--owner"_qs, u""_qs} << u"owner"_qs;
    QTest::newRow("tasks: bad option beats missing folder")
        << QStringList{u"tasks"_qs, u"/no/such/folder"_qs, u"--status"_qs, u"nope"_qs} << u"nope"_qs;
    QTest::newRow("show: missing file") << QStringList{u"show"_qs} << u"FILE"_qs;
    QTest::newRow("show: unknown option") << QStringList{u"show"_qs, designReview(), u"--yaml"_qs} << u"yaml"_qs;
    QTest::newRow("show: two files") << QStringList{u"show"_qs, designReview(), designReview()} << u"FILE"_qs;
}

void TestCli::usageErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    const Result result = runDebrief(arguments);
    QCOMPARE(result.code, 1);
    QVERIFY2(result.err.contains(message), qPrintable(result.err));
    QVERIFY(result.out.isEmpty());
}

void TestCli::unreadable_data()
{
    QTest::addColumn<QStringList>("arguments"); // "TMP" stands for a temporary folder
    QTest::addColumn<QString>("path");          // what the message must name

    QTest::newRow("tasks: missing folder") << QStringList{u"tasks"_qs, u"TMP/missing"_qs} << u"TMP/missing"_qs;
    QTest::newRow("tasks: a file") << QStringList{u"tasks"_qs, u"TMP/note.md"_qs} << u"TMP/note.md"_qs;
    QTest::newRow("show: missing file") << QStringList{u"show"_qs, u"TMP/missing.md"_qs} << u"TMP/missing.md"_qs;
    QTest::newRow("show: missing file, json")
        << QStringList{u"show"_qs, u"--json"_qs, u"TMP/missing.md"_qs} << u"TMP/missing.md"_qs;
    QTest::newRow("show: a folder") << QStringList{u"show"_qs, u"TMP"_qs} << u"TMP"_qs;
    QTest::newRow("show: a fifo, without blocking") << QStringList{u"show"_qs, u"TMP/pipe.md"_qs} << u"TMP/pipe.md"_qs;
    QTest::newRow("show: binary file") << QStringList{u"show"_qs, u"TMP/binary.md"_qs} << u"TMP/binary.md"_qs;
    QTest::newRow("show: missing --vault folder")
        << QStringList{u"show"_qs, u"TMP/note.md"_qs, u"--vault"_qs, u"TMP/nowhere"_qs} << u"TMP/nowhere"_qs;
}

void TestCli::unreadable()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, path);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QFile note(dir.filePath(u"note.md"_qs));
    QVERIFY(note.open(QIODevice::WriteOnly));
    note.write("# A note\n");
    note.close();
    QFile binary(dir.filePath(u"binary.md"_qs));
    QVERIFY(binary.open(QIODevice::WriteOnly));
    binary.write(QByteArray("PK\0\0", 4));
    binary.close();
    QVERIFY(::mkfifo(QFile::encodeName(dir.filePath(u"pipe.md"_qs)).constData(), 0600) == 0);

    arguments.replaceInStrings(u"TMP"_qs, dir.path());
    path.replace(u"TMP"_qs, dir.path());
    const Result result = runDebrief(arguments);
    QCOMPARE(result.code, 2);
    QVERIFY2(result.err.contains(path), qPrintable(result.err));
    QVERIFY(result.out.isEmpty());
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
