#include "export/csvwriter.h"
#include "exportfixture.h"
#include "testfiles.h"

#include <QTemporaryDir>
#include <QTest>

using namespace debrief;
using namespace debrief::test;

namespace {

// Reads a CSV file with python3's csv module and prints its rows as a JSON array of arrays.
const char csvReader[] = "import csv, json, sys\n"
                         "with open(sys.argv[1], newline='', encoding='utf-8-sig') as f:\n"
                         "    print(json.dumps(list(csv.reader(f, strict=True)), ensure_ascii=False))\n";

QStringList strings(std::initializer_list<const char *> values)
{
    QStringList list;
    for (const char *value : values)
        list << QString::fromUtf8(value);
    return list;
}

} // namespace

// CSV export read back by python3's csv module (skipped without python3).
class TestCsvWriter final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rows_data()
    {
        QTest::addColumn<QByteArray>("line");
        QTest::addColumn<QStringList>("row"); // status, text, owner, due, priority, tags

        QTest::newRow("plain open") << QByteArray(
            "- [ ] Send the deck @Ann Lee \xF0\x9F\x93\x85 2025-10-10 \xE2\x8F\xAB")
                                    << strings({"open", "Send the deck", "Ann Lee", "2025-10-10", "high", ""});
        QTest::newRow("no dates") << QByteArray("- [?] Think #proposed")
                                  << strings({"proposed", "Think", "", "", "", "#proposed"});
        QTest::newRow("comma quoted") << QByteArray("- [ ] Buy milk, eggs")
                                      << strings({"open", "Buy milk, eggs", "", "", "", ""});
        QTest::newRow("quotes doubled") << QByteArray("- [/] Say \"hello\" twice")
                                        << strings({"in_progress", "Say \"hello\" twice", "", "", "", ""});
        QTest::newRow("formula =") << QByteArray("- [ ] =SUM(A1:A9) check")
                                   << strings({"open", "'=SUM(A1:A9) check", "", "", "", ""});
        QTest::newRow("formula +") << QByteArray("- [ ] +1 for the idea")
                                   << strings({"open", "'+1 for the idea", "", "", "", ""});
        QTest::newRow("formula -") << QByteArray("- [ ] -2 days slack")
                                   << strings({"open", "'-2 days slack", "", "", "", ""});
        QTest::newRow("formula with comma") << QByteArray("- [-] =HYPERLINK(\"x\",\"y\")")
                                            << strings({"cancelled", "'=HYPERLINK(\"x\",\"y\")", "", "", "", ""});
        QTest::newRow("non-ASCII") << QByteArray("- [ ] Отправить отчёт @Дарья 🔽")
                                   << strings({"open", "Отправить отчёт", "Дарья", "", "low", ""});
        QTest::newRow("mojibake repaired")
            << QByteArray("- [ ] Book the Caf\xC3\x83\xC2\xA9") << strings({"open", "Book the Café", "", "", "", ""});
        QTest::newRow("tags") << QByteArray("- [>] Forward it #ops #q4")
                              << strings({"other", "Forward it", "", "", "", "#ops #q4"});
    }

    void rows()
    {
        QFETCH(QByteArray, line);
        QFETCH(QStringList, row);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QList<ExportItem> items = itemsOf(noteWith(line, "Sync, 'A'"), dir.path());
        QCOMPARE(items.size(), 1);
        const QByteArray csv = CsvWriter::write(items);
        QVERIFY(csv.startsWith("\xEF\xBB\xBFstatus,text,owner,due,priority,tags,meeting,meeting date,file,line\r\n"));
        QVERIFY(csv.endsWith("\r\n"));

        const QString path = dir.filePath(QStringLiteral("out.csv"));
        QVERIFY(writeFile(path, csv));
        if (python().isEmpty())
            QSKIP("python3 is not installed");
        const ReaderResult result = runPython({QStringLiteral("-c"), QString::fromLatin1(csvReader), path});
        QVERIFY2(result.exitCode == 0, result.err.constData());
        const QJsonArray rows = QJsonDocument::fromJson(result.out).array();
        QCOMPARE(rows.size(), 2);
        QStringList read;
        for (const QJsonValue &value : rows[1].toArray())
            read << value.toString();
        QCOMPARE(read, row + strings({"Sync, 'A'", "2025-10-03", "meetings/2025-10-03 sync.md", "13"}));
    }

    void newlineInField()
    {
        // Item texts are one line, but a meeting title may hold anything: quoted, read back whole.
        QCOMPARE(CsvWriter::field(QStringLiteral("two\nlines")), QStringLiteral("\"two\nlines\""));
        QCOMPARE(CsvWriter::field(QStringLiteral("cr\rhere")), QStringLiteral("\"cr\rhere\""));
        QCOMPARE(CsvWriter::field(QStringLiteral("\tTab")), QStringLiteral("'\tTab"));
        QCOMPARE(CsvWriter::field(QStringLiteral("plain")), QStringLiteral("plain"));
        QCOMPARE(CsvWriter::field(QString()), QString());
        // An owner's @ is not part of the name, so a cell starting with @ is only checked here.
        QCOMPARE(CsvWriter::field(QStringLiteral("@SUM(1)")), QStringLiteral("'@SUM(1)"));
        QCOMPARE(CsvWriter::field(QStringLiteral("say \"hi\"")), QStringLiteral("\"say \"\"hi\"\"\""));
    }
};

QTEST_GUILESS_MAIN(TestCsvWriter)
#include "tst_csvwriter.moc"
