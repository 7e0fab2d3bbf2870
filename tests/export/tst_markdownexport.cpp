#include "export/jsonwriter.h"
#include "export/markdownwriter.h"
#include "export/taskexport.h"
#include "exportfixture.h"

#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace debrief;
using namespace debrief::test;

// Markdown (grouped by owner, links back) and JSON export.
class TestMarkdownExport final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void line_data()
    {
        QTest::addColumn<QByteArray>("task");
        QTest::addColumn<QString>("expected");
        QTest::newRow("block id link") << QByteArray("- [ ] Ship it ^ship-1")
                                       << QStringLiteral("- [ ] Ship it ([[meetings/2025-10-03 sync#^ship-1|Sync]])");
        QTest::newRow("note link, due")
            << QByteArray("- [x] Done it \xF0\x9F\x93\x85 2025-10-09")
            << QStringLiteral("- [x] Done it \U0001F4C5 2025-10-09 ([[meetings/2025-10-03 sync|Sync]])");
        QTest::newRow("proposed box") << QByteArray("- [?] Maybe")
                                      << QStringLiteral("- [?] Maybe ([[meetings/2025-10-03 sync|Sync]])");
    }

    void line()
    {
        QFETCH(QByteArray, task);
        QTemporaryDir dir;
        const QList<ExportItem> items = itemsOf(noteWith(task, "Sync"), dir.path());
        QCOMPARE(items.size(), 1);
        QTEST(MarkdownWriter::line(items.first()), "expected");
    }

    void groupedByOwner()
    {
        QTemporaryDir dir;
        const QList<ExportItem> items = itemsOf(noteWith("- [ ] Nobody's\n- [ ] Zed's @zed\n- [ ] Ann's @Ann\n"
                                                         "- [ ] Ann's too @ann",
                                                         "Sync"),
                                                dir.path());
        const QString md = QString::fromUtf8(MarkdownWriter::write(items));
        const QString link = QStringLiteral(" ([[meetings/2025-10-03 sync|Sync]])\n");
        QCOMPARE(md,
                 QStringLiteral("# Action items\n\n## Ann\n\n- [ ] Ann's") + link + QStringLiteral("- [ ] Ann's too")
                     + link + QStringLiteral("\n## zed\n\n- [ ] Zed's") + link
                     + QStringLiteral("\n## No owner\n\n- [ ] Nobody's") + link);
    }

    void json()
    {
        QTemporaryDir dir;
        const QList<ExportItem> items =
            itemsOf(noteWith("- [ ] A @Ann \xF0\x9F\x93\x85 2025-10-10 #x\n- [x] B ^b-1", "Sync"), dir.path());
        const QJsonDocument document = QJsonDocument::fromJson(JsonWriter::write(items));
        QVERIFY(document.isArray());
        QCOMPARE(document.array().size(), 2);
        const QJsonObject a = document.array()[0].toObject();
        QCOMPARE(a.value(u"text").toString(), QStringLiteral("A"));
        QCOMPARE(a.value(u"owner").toString(), QStringLiteral("Ann"));
        QCOMPARE(a.value(u"due").toString(), QStringLiteral("2025-10-10"));
        QCOMPARE(a.value(u"meeting").toString(), QStringLiteral("Sync"));
        QCOMPARE(a.value(u"meeting_date").toString(), QStringLiteral("2025-10-03"));
        QCOMPARE(a.value(u"uid").toString(), items[0].uid());
        QVERIFY(a.value(u"priority").isNull());
        const QJsonObject b = document.array()[1].toObject();
        QCOMPARE(b.value(u"status").toString(), QStringLiteral("done"));
        QCOMPARE(b.value(u"block_id").toString(), QStringLiteral("b-1"));
        QVERIFY(b.value(u"owner").isNull());
        QCOMPARE(JsonWriter::write({}), QByteArray("[\n]\n"));
    }

    // The writer builds its text itself for speed; QJsonDocument's own serialisation of toJson()
    // is the reference, octet for octet, for every kind of value and character.
    void jsonAsQtWritesIt_data()
    {
        QTest::addColumn<QByteArray>("lines");
        QTest::newRow("every field") << QByteArray("- [x] Ship \xF0\x9F\x9B\xAB 2025-10-01 \xE2\x8F\xB3 2025-10-02 "
                                                   "\xF0\x9F\x93\x85 2025-10-10 \xE2\x8F\xAB @Ann Lee #a #b/c "
                                                   "\xF0\x9F\x86\x94 x1 \xE2\x9C\x85 2025-10-09 ^blk-2");
        QTest::newRow("nothing but text") << QByteArray("- [ ] Plain");
        QTest::newRow("quotes and backslashes") << QByteArray("- [ ] Say \"hi\" to C:\\temp\\ and \\\"x\\\"");
        QTest::newRow("control characters") << QByteArray("- [ ] Bell \x07 tab \t form \x0C esc \x1B del \x7F");
        QTest::newRow("non-Latin scripts") << QByteArray(
            "- [?] Обсудить бюджет, 予算を確認, مراجعة 👩🏽‍💻 @José Ñúñez "
            "#proposed");
        QTest::newRow("several items") << QByteArray("- [ ] One @A\n- [/] Two @B\n- [-] Three \xE2\x9D\x8C 2025-10-05");
        QTest::newRow("empty list") << QByteArray();
    }

    void jsonAsQtWritesIt()
    {
        QFETCH(QByteArray, lines);
        QTemporaryDir dir;
        const QList<ExportItem> items = itemsOf(noteWith(lines, "Sync \"weekly\" \\ team"), dir.path());
        QByteArray expected = "[\n";
        for (qsizetype i = 0; i < items.size(); ++i) {
            QByteArray json = QJsonDocument(JsonWriter::toJson(items.at(i))).toJson(QJsonDocument::Indented);
            json.chop(1);
            json.replace("\n", "\n    ");
            expected += (i ? ",\n    " : "    ") + json;
        }
        expected += items.isEmpty() ? "]\n" : "\n]\n";
        QCOMPARE(JsonWriter::write(items), expected);
    }

    void progressAndStop_data()
    {
        QTest::addColumn<int>("format");
        for (const char *name : {"ics", "csv", "json", "md"})
            QTest::newRow(name) << int(*TaskExport::formatFromName(QString::fromLatin1(name)));
    }

    // Every format tells how far it has come, and stops with nothing written when told to.
    void progressAndStop()
    {
        QFETCH(int, format);
        QTemporaryDir dir;
        QByteArray lines;
        for (int i = 0; i < 600; ++i)
            lines += "- [ ] Item " + QByteArray::number(i) + (i % 3 ? " @Ann\n" : "\n");
        const QList<ExportItem> items = itemsOf(noteWith(lines), dir.path());
        QCOMPARE(items.size(), 600);
        QList<std::pair<qsizetype, qsizetype>> calls;
        TaskExport::Options options;
        options.progress = [&](qsizetype done, qsizetype total) {
            calls.append({done, total});
            return true;
        };
        QVERIFY(!TaskExport::write(TaskExport::Format(format), items, options).isEmpty());
        const QList<std::pair<qsizetype, qsizetype>> expected{{256, 600}, {512, 600}, {600, 600}};
        QCOMPARE(calls, expected);
        calls.clear();
        options.progress = [&](qsizetype done, qsizetype total) {
            calls.append({done, total});
            return false;
        };
        QVERIFY(TaskExport::write(TaskExport::Format(format), items, options).isEmpty());
        QCOMPARE(calls.size(), 1);
    }

    void formatNames()
    {
        for (const char *name : {"ics", "csv", "json", "md"}) {
            const auto format = TaskExport::formatFromName(QString::fromLatin1(name));
            QVERIFY(format);
            QCOMPARE(TaskExport::fileSuffix(*format), QString::fromLatin1(name));
        }
        QVERIFY(!TaskExport::formatFromName(QStringLiteral("xlsx")));
    }
};

QTEST_GUILESS_MAIN(TestMarkdownExport)
#include "tst_markdownexport.moc"
