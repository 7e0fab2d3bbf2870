#include "edit/noteeditor.h"
#include "export/icswriter.h"
#include "exportfixture.h"
#include "testfiles.h"

#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace debrief;
using namespace debrief::test;

// iCalendar export, read back by python3-icalendar (skipped when it is not installed), with
// the folding and line endings checked octet by octet here and in the reader's script.
class TestIcsWriter final : public QObject
{
    Q_OBJECT

private:
    const QDateTime m_stamp{QDate(2025, 10, 6), QTime(9, 30), Qt::UTC};

    QByteArray write(const QList<ExportItem> &items)
    {
        IcsWriter::Options options;
        options.vaultName = QStringLiteral("Team vault");
        options.stamp = m_stamp;
        options.productVersion = QStringLiteral("1.0");
        return IcsWriter::write(items, options);
    }

    // The to-dos as python3-icalendar reads them; skips the test when it cannot.
    QJsonArray readBack(const QTemporaryDir &dir, const QByteArray &ics)
    {
        const QString path = dir.filePath(QStringLiteral("out.ics"));
        if (!writeFile(path, ics))
            return {};
        const ReaderResult result = runPython({QStringLiteral(DEBRIEF_ICSCHECK), path});
        if (result.exitCode == 3 || python().isEmpty())
            return QJsonArray{QStringLiteral("skip")};
        if (result.exitCode != 0)
            qWarning("icscheck: %s", result.err.constData());
        return result.exitCode == 0 ? QJsonDocument::fromJson(result.out).array() : QJsonArray{};
    }

private Q_SLOTS:
    void fields_data()
    {
        QTest::addColumn<QByteArray>("line");
        QTest::addColumn<QString>("summary");
        QTest::addColumn<QString>("due");
        QTest::addColumn<QString>("dtstart");
        QTest::addColumn<int>("priority"); // 0: none
        QTest::addColumn<QString>("status");
        QTest::addColumn<QString>("completed");
        QTest::addColumn<QStringList>("categories");

        const QString none;
        QTest::newRow("open with due") << QByteArray("- [ ] Send the deck @Ann Lee \xF0\x9F\x93\x85 2025-10-10")
                                       << QStringLiteral("Send the deck") << QStringLiteral("2025-10-10") << none << 0
                                       << QStringLiteral("NEEDS-ACTION") << none << QStringList();
        QTest::newRow("no dates at all") << QByteArray("- [ ] Think about it") << QStringLiteral("Think about it")
                                         << none << none << 0 << QStringLiteral("NEEDS-ACTION") << none
                                         << QStringList();
        QTest::newRow("proposed") << QByteArray("- [?] Draft the plan #task #proposed")
                                  << QStringLiteral("Draft the plan") << none << none << 0
                                  << QStringLiteral("NEEDS-ACTION") << none
                                  << QStringList{QStringLiteral("task"), QStringLiteral("proposed")};
        QTest::newRow("in progress") << QByteArray("- [/] Migrate the data") << QStringLiteral("Migrate the data")
                                     << none << none << 0 << QStringLiteral("IN-PROCESS") << none << QStringList();
        QTest::newRow("done with date") << QByteArray("- [x] Book the room \xE2\x9C\x85 2025-10-04")
                                        << QStringLiteral("Book the room") << none << none << 0
                                        << QStringLiteral("COMPLETED") << QStringLiteral("2025-10-04T00:00:00+00:00")
                                        << QStringList();
        QTest::newRow("done without date") << QByteArray("- [x] Call back") << QStringLiteral("Call back") << none
                                           << none << 0 << QStringLiteral("COMPLETED") << none << QStringList();
        QTest::newRow("cancelled") << QByteArray("- [-] Order pizza \xE2\x9D\x8C 2025-10-04")
                                   << QStringLiteral("Order pizza") << none << none << 0 << QStringLiteral("CANCELLED")
                                   << none << QStringList();
        QTest::newRow("other status") << QByteArray("- [>] Forwarded item") << QStringLiteral("Forwarded item") << none
                                      << none << 0 << QStringLiteral("NEEDS-ACTION") << none << QStringList();
        QTest::newRow("highest") << QByteArray("- [ ] A \xF0\x9F\x94\xBA") << QStringLiteral("A") << none << none << 1
                                 << QStringLiteral("NEEDS-ACTION") << none << QStringList();
        QTest::newRow("high") << QByteArray("- [ ] B \xE2\x8F\xAB") << QStringLiteral("B") << none << none << 3
                              << QStringLiteral("NEEDS-ACTION") << none << QStringList();
        QTest::newRow("medium") << QByteArray("- [ ] C \xF0\x9F\x94\xBC") << QStringLiteral("C") << none << none << 5
                                << QStringLiteral("NEEDS-ACTION") << none << QStringList();
        QTest::newRow("low") << QByteArray("- [ ] D \xF0\x9F\x94\xBD") << QStringLiteral("D") << none << none << 7
                             << QStringLiteral("NEEDS-ACTION") << none << QStringList();
        QTest::newRow("lowest") << QByteArray("- [ ] E \xE2\x8F\xAC") << QStringLiteral("E") << none << none << 9
                                << QStringLiteral("NEEDS-ACTION") << none << QStringList();
        QTest::newRow("start before due")
            << QByteArray("- [ ] Plan \xF0\x9F\x9B\xAB 2025-10-05 \xF0\x9F\x93\x85 2025-10-09")
            << QStringLiteral("Plan") << QStringLiteral("2025-10-09") << QStringLiteral("2025-10-05") << 0
            << QStringLiteral("NEEDS-ACTION") << none << QStringList();
        QTest::newRow("scheduled as start")
            << QByteArray("- [ ] Prep \xE2\x8F\xB3 2025-10-07") << QStringLiteral("Prep") << none
            << QStringLiteral("2025-10-07") << 0 << QStringLiteral("NEEDS-ACTION") << none << QStringList();
        QTest::newRow("start after due left out")
            << QByteArray("- [ ] Late \xF0\x9F\x9B\xAB 2025-10-12 \xF0\x9F\x93\x85 2025-10-09")
            << QStringLiteral("Late") << QStringLiteral("2025-10-09") << none << 0 << QStringLiteral("NEEDS-ACTION")
            << none << QStringList();
        QTest::newRow("escaping") << QByteArray("- [ ] Split a, b; then c\\d")
                                  << QStringLiteral("Split a, b; then c\\d") << none << none << 0
                                  << QStringLiteral("NEEDS-ACTION") << none << QStringList();
        const QString longAscii = QStringLiteral("Write the long report ").repeated(9).trimmed();
        QTest::newRow("long ASCII folded") << QByteArray("- [ ] " + longAscii.toUtf8()) << longAscii << none << none
                                           << 0 << QStringLiteral("NEEDS-ACTION") << none << QStringList();
        const QString cyrillic = QStringLiteral("Подготовить отчёт для клиента ").repeated(6).trimmed();
        QTest::newRow("long Cyrillic folded") << QByteArray("- [ ] " + cyrillic.toUtf8()) << cyrillic << none << none
                                              << 0 << QStringLiteral("NEEDS-ACTION") << none << QStringList();
        const QString cjk = QStringLiteral("会議の議事録を共有する").repeated(8);
        QTest::newRow("long CJK folded") << QByteArray("- [ ] " + cjk.toUtf8()) << cjk << none << none << 0
                                         << QStringLiteral("NEEDS-ACTION") << none << QStringList();
        const QString emoji = QStringLiteral("Ship \U0001F680 and celebrate \U0001F389 ").repeated(7).trimmed();
        QTest::newRow("long emoji folded") << QByteArray("- [ ] " + emoji.toUtf8()) << emoji << none << none << 0
                                           << QStringLiteral("NEEDS-ACTION") << none << QStringList();
        QTest::newRow("mojibake repaired") << QByteArray("- [ ] Book the Caf\xC3\x83\xC2\xA9 for Ren\xC3\x83\xC2\xA9"
                                                         "e @Ann Lee")
                                           << QStringLiteral("Book the Café for Renée") << none << none << 0
                                           << QStringLiteral("NEEDS-ACTION") << none << QStringList();
        QTest::newRow("tags as categories") << QByteArray("- [ ] Tag it #ops #q4/budget") << QStringLiteral("Tag it")
                                            << none << none << 0 << QStringLiteral("NEEDS-ACTION") << none
                                            << QStringList{QStringLiteral("ops"), QStringLiteral("q4/budget")};
    }

    void fields()
    {
        QFETCH(QByteArray, line);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QList<ExportItem> items = itemsOf(noteWith(line), dir.path());
        QCOMPARE(items.size(), 1);
        const QByteArray ics = write(items);
        QVERIFY(ics.startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Debrief//Debrief 1.0//EN\r\n"));
        QVERIFY(ics.endsWith("END:VTODO\r\nEND:VCALENDAR\r\n"));

        const QJsonArray todos = readBack(dir, ics);
        if (todos == QJsonArray{QStringLiteral("skip")})
            QSKIP("python3 with python3-icalendar is not installed");
        QCOMPARE(todos.size(), 1);
        const QJsonObject todo = todos.first().toObject();
        const auto orNull = [](const QString &text) { return text.isEmpty() ? QJsonValue() : QJsonValue(text); };
        QTEST(todo.value(u"summary").toString(), "summary");
        QFETCH(QString, due);
        QCOMPARE(todo.value(u"due"), orNull(due));
        QFETCH(QString, dtstart);
        QCOMPARE(todo.value(u"dtstart"), orNull(dtstart));
        QFETCH(int, priority);
        QCOMPARE(todo.value(u"priority"), priority == 0 ? QJsonValue() : QJsonValue(priority));
        QTEST(todo.value(u"status").toString(), "status");
        QFETCH(QString, completed);
        QCOMPARE(todo.value(u"completed"), orNull(completed));
        QFETCH(QStringList, categories);
        QCOMPARE(todo.value(u"categories"),
                 categories.isEmpty() ? QJsonValue() : QJsonValue(QJsonArray::fromStringList(categories)));
        QCOMPARE(todo.value(u"description").toString(),
                 QStringLiteral("Meeting: Weekly sync, team A (2025-10-03)\n")
                     + (items.first().item.owner.isEmpty()
                            ? QString()
                            : QStringLiteral("Owner: ") + items.first().item.owner + u'\n')
                     + QStringLiteral("Note: meetings/2025-10-03 sync.md:13"));
        QCOMPARE(todo.value(u"url").toString(),
                 QStringLiteral("obsidian://open?vault=Team%20vault&file=meetings%2F2025-10-03%20sync.md"));
        QCOMPARE(todo.value(u"uid").toString(), items.first().uid());
    }

    void fold_data()
    {
        QTest::addColumn<QByteArray>("line");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("75 octets stay") << QByteArray(75, 'a');
        QTest::newRow("76 octets fold") << QByteArray(76, 'a');
        QTest::newRow("many lines") << QByteArray(1000, 'b');
        QTest::newRow("two-octet letters") << QStringLiteral("é").repeated(200).toUtf8();
        QTest::newRow("three-octet letters") << QStringLiteral("漢").repeated(200).toUtf8();
        QTest::newRow("four-octet emoji") << QStringLiteral("\U0001F600").repeated(100).toUtf8();
        QTest::newRow("mixed, odd offset") << "x" + QStringLiteral("aé漢\U0001F600").repeated(40).toUtf8();
    }

    void fold()
    {
        QFETCH(QByteArray, line);
        const QByteArray folded = IcsWriter::fold(line);
        QVERIFY(folded.endsWith("\r\n"));
        const QList<QByteArray> physical = folded.chopped(2).split('\n');
        QByteArray unfolded;
        for (qsizetype i = 0; i < physical.size(); ++i) {
            QByteArray part = physical[i];
            if (i + 1 < physical.size()) {
                QVERIFY(part.endsWith('\r'));
                part.chop(1);
            }
            QVERIFY2(part.size() <= 75, part.constData());
            QVERIFY(!part.contains('\r'));
            if (i > 0) {
                QVERIFY(part.startsWith(' '));
                part.remove(0, 1);
                QVERIFY(!part.isEmpty());
            }
            // No physical line starts or ends inside a UTF-8 sequence.
            QVERIFY(QString::fromUtf8(part).toUtf8() == part);
            unfolded += part;
        }
        QCOMPARE(unfolded, line);
        // Full lines: a long line's pieces are as long as they may be (less 1-3 octets for a letter).
        if (physical.size() > 1)
            QVERIFY(physical.first().size() >= 72 + 1);
    }

    void escapeText_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("escaped");
        QTest::newRow("plain") << QStringLiteral("plain text") << QStringLiteral("plain text");
        QTest::newRow("comma") << QStringLiteral("a, b") << QStringLiteral("a\\, b");
        QTest::newRow("semicolon") << QStringLiteral("a; b") << QStringLiteral("a\\; b");
        QTest::newRow("backslash") << QStringLiteral("C:\\dir") << QStringLiteral("C:\\\\dir");
        QTest::newRow("newline") << QStringLiteral("one\ntwo") << QStringLiteral("one\\ntwo");
        QTest::newRow("CRLF") << QStringLiteral("one\r\ntwo") << QStringLiteral("one\\ntwo");
        QTest::newRow("colon stays") << QStringLiteral("Note: x") << QStringLiteral("Note: x");
        QTest::newRow("quote stays") << QStringLiteral("say \"hi\"") << QStringLiteral("say \"hi\"");
        QTest::newRow("tab becomes space") << QStringLiteral("a\tb") << QStringLiteral("a b");
        QTest::newRow("other control dropped") << QStringLiteral("a\x01z") << QStringLiteral("az");
    }

    void escapeText()
    {
        QFETCH(QString, text);
        QTEST(IcsWriter::escapeText(text), "escaped");
    }

    // Two exports give the same UIDs; UIDs differ between items; edits keep them where the
    // item has something that survives the edit.
    void uidStable()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QByteArray lines = "- [ ] First thing @Ann Lee \xF0\x9F\x93\x85 2025-10-10\n"
                                 "- [ ] Second thing with block id ^ship-1\n"
                                 "- [ ] Third thing \xF0\x9F\x86\x94 abc123";
        const QString relative = QStringLiteral("meetings/sync.md");
        const QString path = dir.filePath(relative);
        QVERIFY(writeFile(path, noteWith(lines)));
        const QList<ExportItem> before = itemsOf(readFile(path), dir.path(), relative);
        QCOMPARE(before.size(), 3);
        QCOMPARE(before[1].item.blockId, QStringLiteral("ship-1"));
        QCOMPARE(itemsOf(readFile(path), dir.path(), relative)[0].uid(), before[0].uid());
        QVERIFY(before[0].uid() != before[1].uid() && before[1].uid() != before[2].uid());
        const QByteArray first = write(before);
        QCOMPARE(write(itemsOf(readFile(path), dir.path(), relative)), first); // same bytes, same stamp

        // Fields change on all three, text on the two with ids: written through the write-back.
        const QDate today(2025, 10, 6);
        QList<NoteEdit> edits;
        for (const ExportItem &item : before) {
            NoteEdit edit = NoteEdit::change(item.item.line, item.item.raw);
            edit.due = QDate(2025, 11, 1);
            edit.priority = Priority::High;
            if (!item.item.blockId.isEmpty() || !item.item.id.isEmpty())
                edit.text = item.item.text + QStringLiteral(" (reworded)");
            edits.append(edit);
        }
        const NoteEditor::Result result = NoteEditor::apply(path, edits, {}, today);
        QVERIFY2(result.ok(), qPrintable(result.error.message));
        const QList<ExportItem> after = itemsOf(readFile(path), dir.path(), relative);
        QCOMPARE(after.size(), 3);
        QCOMPARE(after[1].item.text, QStringLiteral("Second thing with block id (reworded)"));
        QCOMPARE(after[0].item.due, QDate(2025, 11, 1));
        for (int i = 0; i < 3; ++i)
            QCOMPARE(after[i].uid(), before[i].uid());

        // Without an id, a text edit is a new UID (README: --add-ids prevents that).
        NoteEdit reword = NoteEdit::change(after[0].item.line, after[0].item.raw);
        reword.text = QStringLiteral("First thing, reworded");
        QVERIFY(NoteEditor::apply(path, {reword}, {}, today).ok());
        QVERIFY(itemsOf(readFile(path), dir.path(), relative)[0].uid() != before[0].uid());
    }
};

QTEST_GUILESS_MAIN(TestIcsWriter)
#include "tst_icswriter.moc"
