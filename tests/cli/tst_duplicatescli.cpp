// `debrief duplicates`, run as the real binary: notes of one meeting and their restated action
// items, as text and as JSON, and the exit codes.
#include "debriefrun.h"

#include "testfiles.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace debrief::test;

namespace {

using Result = debrief::test::DebriefRun;
using debrief::test::runDebrief;

QString fixtureVault()
{
    return QStringLiteral(DEBRIEF_FIXTURES "/duplicates/vault");
}

QSet<QString> keysOf(const QJsonObject &object)
{
    const QStringList keys = object.keys();
    return {keys.begin(), keys.end()};
}

} // namespace

class TestDuplicatesCli final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void help_data();
    void help();
    void usageErrors_data();
    void usageErrors();
    void unreadable_data();
    void unreadable();
    void json();
    void text();
    void nothingFound();
    void rejectedTwinGoes();
};

void TestDuplicatesCli::help_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("expected");

    QTest::newRow("duplicates --help") << QStringList{u"duplicates"_qs, u"--help"_qs} << u"--json"_qs;
    QTest::newRow("duplicates -h") << QStringList{u"duplicates"_qs, u"-h"_qs} << u"same date"_qs;
    QTest::newRow("listed in --help") << QStringList{u"--help"_qs} << u"duplicates VAULT [--json]"_qs;
}

void TestDuplicatesCli::help()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, expected);
    const Result result = runDebrief(arguments);
    QCOMPARE(result.code, 0);
    QVERIFY2(result.out.contains(expected), qPrintable(result.out));
    QVERIFY(result.err.isEmpty());
}

void TestDuplicatesCli::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");

    QTest::newRow("missing vault") << QStringList{u"duplicates"_qs} << u"missing VAULT"_qs;
    QTest::newRow("two vaults") << QStringList{u"duplicates"_qs, fixtureVault(), fixtureVault()} << u"one VAULT"_qs;
    QTest::newRow("unknown option") << QStringList{u"duplicates"_qs, fixtureVault(), u"--yaml"_qs} << u"yaml"_qs;
    QTest::newRow("bad option beats missing folder")
        << QStringList{u"duplicates"_qs, u"/no/such/folder"_qs, u"--threshold"_qs} << u"threshold"_qs;
}

void TestDuplicatesCli::usageErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    const Result result = runDebrief(arguments);
    QCOMPARE(result.code, 1);
    QVERIFY2(result.err.contains(message), qPrintable(result.err));
    QVERIFY(result.out.isEmpty());
}

void TestDuplicatesCli::unreadable_data()
{
    QTest::addColumn<QString>("target"); // below a temporary folder
    QTest::addColumn<bool>("json");

    QTest::newRow("missing folder") << u"missing"_qs << false;
    QTest::newRow("missing folder, json") << u"missing"_qs << true;
    QTest::newRow("a file") << u"note.md"_qs << false;
}

void TestDuplicatesCli::unreadable()
{
    QFETCH(QString, target);
    QFETCH(bool, json);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(writeFile(dir.filePath(u"note.md"_qs), "# A note\n"));
    const QString path = dir.filePath(target);
    const Result result =
        runDebrief(json ? QStringList{u"duplicates"_qs, u"--json"_qs, path} : QStringList{u"duplicates"_qs, path});
    QCOMPARE(result.code, 2);
    QVERIFY2(result.err.contains(path), qPrintable(result.err));
    QVERIFY(result.out.isEmpty());
}

void TestDuplicatesCli::json()
{
    const Result result = runDebrief({u"duplicates"_qs, fixtureVault(), u"--json"_qs});
    QCOMPARE(result.code, 0);
    QVERIFY2(result.err.isEmpty(), qPrintable(result.err));
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(result.out.toUtf8(), &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    QVERIFY(document.isArray());
    const QJsonArray meetings = document.array();
    QCOMPARE(meetings.size(), 4);

    const QDir root(fixtureVault());
    int pairs = 0;
    for (const QJsonValue &value : meetings) {
        const QJsonObject meeting = value.toObject();
        QCOMPARE(keysOf(meeting), (QSet<QString>{u"date"_qs, u"notes"_qs, u"reason"_qs, u"items"_qs}));
        QVERIFY(meeting.value(u"notes"_qs).toArray().size() >= 2);
        for (const QJsonValue &path : meeting.value(u"notes"_qs).toArray())
            QVERIFY2(QDir::isAbsolutePath(path.toString()), qPrintable(path.toString()));
        for (const QJsonValue &itemValue : meeting.value(u"items"_qs).toArray()) {
            const QJsonObject item = itemValue.toObject();
            QCOMPARE(keysOf(item), (QSet<QString>{u"a"_qs, u"b"_qs, u"score"_qs, u"words"_qs}));
            for (const QString &side : {u"a"_qs, u"b"_qs}) {
                const QJsonObject object = item.value(side).toObject();
                QCOMPARE(keysOf(object), (QSet<QString>{u"path"_qs, u"line"_qs, u"text"_qs}));
                QVERIFY(object.value(u"line"_qs).toInt() > 0);
                QVERIFY(meeting.value(u"notes"_qs).toArray().contains(object.value(u"path"_qs)));
            }
            QVERIFY(item.value(u"score"_qs).toDouble() > 0 && item.value(u"score"_qs).toDouble() <= 1);
            QVERIFY(!item.value(u"words"_qs).toArray().isEmpty());
            ++pairs;
        }
    }
    QCOMPARE(pairs, 12);

    // The first meeting in full.
    const QJsonObject first = meetings.first().toObject();
    QCOMPARE(first.value(u"date"_qs).toString(), u"2025-05-06"_qs);
    QCOMPARE(first.value(u"notes"_qs).toArray(),
             (QJsonArray{root.filePath(u"Meetings/2025-05-06 Harbor analytics pilot.md"_qs),
                         root.filePath(u"People/Ravi Patel 2025-05-06.md"_qs)}));
    QCOMPARE(first.value(u"reason"_qs).toString(),
             u"same source: 2025-05-06 - Harbor pilot kickoff; same participants: Ann Lee, Ravi Patel"_qs);
    const QJsonObject pair = first.value(u"items"_qs).toArray().first().toObject();
    QCOMPARE(pair.value(u"a"_qs).toObject().value(u"line"_qs).toInt(), 21);
    QCOMPARE(pair.value(u"a"_qs).toObject().value(u"text"_qs).toString(),
             u"Book the lab cluster for the two-week Harbor pilot starting May 19."_qs);
    QCOMPARE(pair.value(u"b"_qs).toObject().value(u"line"_qs).toInt(), 18);
    QVERIFY(pair.value(u"words"_qs).toArray().contains(u"cluster"_qs));
}

void TestDuplicatesCli::text()
{
    const Result result = runDebrief({u"duplicates"_qs, fixtureVault()});
    QCOMPARE(result.code, 0);
    QVERIFY2(result.err.isEmpty(), qPrintable(result.err));
    QVERIFY2(result.out.contains(u"2025-05-09  3 notes of one meeting (same source: 2025-05-09 Release go-no-go"_qs),
             qPrintable(result.out));
    QVERIFY(result.out.contains(u"    People/Kenji Mori 2025-05-09.md\n"_qs));
    QVERIFY(result.out.contains(u"  1.00  Meetings/2025-05-08 Point hebdo Lyon.md:11  Préparer la démo"_qs));
    QVERIFY(result.out.contains(u"        People/Tomas Novak 2025-05-08.md:10  Preparer la demo"_qs));
    QVERIFY(result.out.endsWith(u"4 meetings with more than one note, 12 restated action item pairs\n"_qs));
}

void TestDuplicatesCli::nothingFound()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(writeFile(dir.filePath(u"a.md"_qs), "---\ndate: 2025-01-02\nparticipants: [Ann]\n---\n- [?] Do it.\n"));
    QVERIFY(writeFile(dir.filePath(u"b.md"_qs), "---\ndate: 2025-01-02\nparticipants: [Bo]\n---\n- [?] Do it.\n"));
    const Result text = runDebrief({u"duplicates"_qs, dir.path()});
    QCOMPARE(text.code, 0);
    QVERIFY2(text.out.startsWith(u"No meeting has more than one note in "_qs), qPrintable(text.out));
    const Result json = runDebrief({u"duplicates"_qs, u"--json"_qs, dir.path()});
    QCOMPARE(json.code, 0);
    QCOMPARE(json.out, u"[\n]\n"_qs);
}

void TestDuplicatesCli::rejectedTwinGoes()
{
    // Rejecting one twin ends the pair: the reviewer sees it no more.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QDir fixtures(fixtureVault());
    for (const QString &name :
         {u"Meetings/2025-05-07 Quarterly budget review.md"_qs, u"People/Omar Haddad 2025-05-07.md"_qs})
        QVERIFY(writeFile(dir.filePath(name), readFile(fixtures.filePath(name))));
    const auto pairs = [&dir] {
        const Result result = runDebrief({u"duplicates"_qs, u"--json"_qs, dir.path()});
        return QJsonDocument::fromJson(result.out.toUtf8()).array().first().toObject().value(u"items"_qs).toArray();
    };
    QCOMPARE(pairs().size(), 3);
    const Result reject = runDebrief({u"reject"_qs, dir.filePath(u"People/Omar Haddad 2025-05-07.md"_qs) + u":12"_qs});
    QCOMPARE(reject.code, 0);
    const QJsonArray after = pairs();
    QCOMPARE(after.size(), 2);
    for (const QJsonValue &pair : after)
        QVERIFY(pair.toObject().value(u"b"_qs).toObject().value(u"line"_qs).toInt() != 12);
}

QTEST_GUILESS_MAIN(TestDuplicatesCli)
#include "tst_duplicatescli.moc"
