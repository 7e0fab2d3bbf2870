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
