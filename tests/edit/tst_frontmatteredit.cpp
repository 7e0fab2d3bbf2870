// Setting a frontmatter key (the reviewed: date) with the fewest changed bytes, through the
// file, byte for byte, and its undo giving back the bytes exactly.
#include "base/textlines.h"
#include "edit/frontmatteredit.h"
#include "edit/noteeditor.h"
#include "edit/notefile.h"
#include "editfixture.h"
#include "parse/noteparser.h"

#include <QTemporaryDir>
#include <QTest>

#include <optional>

using namespace debrief;
using namespace debrief::test;

Q_DECLARE_METATYPE(std::optional<QString>)

class TestFrontmatterEdit final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void setThroughTheFile_data();
    void setThroughTheFile();
    void refused_data();
    void refused();
    void theParserReadsIt();
};

void TestFrontmatterEdit::setThroughTheFile_data()
{
    QTest::addColumn<QByteArray>("before");
    QTest::addColumn<std::optional<QString>>("value");
    QTest::addColumn<QByteArray>("after");

    const std::optional<QString> day = QStringLiteral("2026-11-21");
    const std::optional<QString> none;
    QTest::newRow("new key at the end of the block, LF")
        << QByteArray("---\ntitle: Budget\ndate: 2025-11-02\n---\n# Budget\n") << day
        << QByteArray("---\ntitle: Budget\ndate: 2025-11-02\nreviewed: 2026-11-21\n---\n# Budget\n");
    QTest::newRow("new key in the block's CRLF, body LF")
        << QByteArray("---\r\ntitle: Budget\r\n---\n# Budget\n") << day
        << QByteArray("---\r\ntitle: Budget\r\nreviewed: 2026-11-21\r\n---\n# Budget\n");
    QTest::newRow("after a list value and a comment")
        << QByteArray("---\nparticipants:\n  - Ann\n  - Bo\n# a comment\n---\nText") << day
        << QByteArray("---\nparticipants:\n  - Ann\n  - Bo\n# a comment\nreviewed: 2026-11-21\n---\nText");
    QTest::newRow("closed by dots") << QByteArray("---\ntitle: X\n...\nText\n") << day
                                    << QByteArray("---\ntitle: X\nreviewed: 2026-11-21\n...\nText\n");
    QTest::newRow("empty block") << QByteArray("---\n---\nText\n") << day
                                 << QByteArray("---\nreviewed: 2026-11-21\n---\nText\n");
    QTest::newRow("value replaced, spacing kept")
        << QByteArray("---\ntitle: X\nreviewed:   2025-01-02\ndate: 2025-01-01\n---\n") << day
        << QByteArray("---\ntitle: X\nreviewed:   2026-11-21\ndate: 2025-01-01\n---\n");
    QTest::newRow("quoted value replaced, CRLF") << QByteArray("---\r\nreviewed: \"2025-01-02\"\r\n---\r\n") << day
                                                 << QByteArray("---\r\nreviewed: 2026-11-21\r\n---\r\n");
    QTest::newRow("empty value filled") << QByteArray("---\nreviewed:\ntitle: X\n---\n") << day
                                        << QByteArray("---\nreviewed: 2026-11-21\ntitle: X\n---\n");
    QTest::newRow("same value: nothing changes")
        << QByteArray("---\nreviewed: 2026-11-21\n---\n") << day << QByteArray("---\nreviewed: 2026-11-21\n---\n");
    QTest::newRow("a nested key of that name is not it")
        << QByteArray("---\nmeta:\n  reviewed: 2020-01-01\n---\n") << day
        << QByteArray("---\nmeta:\n  reviewed: 2020-01-01\nreviewed: 2026-11-21\n---\n");
    QTest::newRow("a longer key is not it") << QByteArray("---\nreviewed_by: Ann\n---\n") << day
                                            << QByteArray("---\nreviewed_by: Ann\nreviewed: 2026-11-21\n---\n");
    QTest::newRow("no frontmatter: one on top")
        << QByteArray("# Budget\n\nText\n") << day << QByteArray("---\nreviewed: 2026-11-21\n---\n# Budget\n\nText\n");
    QTest::newRow("no frontmatter, CRLF, BOM, no final newline")
        << QByteArray("\xEF\xBB\xBF# Budget\r\nText") << day
        << QByteArray("\xEF\xBB\xBF---\r\nreviewed: 2026-11-21\r\n---\r\n# Budget\r\nText");
    QTest::newRow("empty file") << QByteArray() << day << QByteArray("---\nreviewed: 2026-11-21\n---\n");
    QTest::newRow("mojibake and invalid UTF-8 elsewhere stay")
        << QByteArray("---\ntitle: Booker\xE2\x80\x9A\xC3\x84\xC3\xB4s \xFF\n---\n- [ ] x \xFE\n") << day
        << QByteArray(
               "---\ntitle: Booker\xE2\x80\x9A\xC3\x84\xC3\xB4s \xFF\nreviewed: 2026-11-21\n---\n- [ ] x \xFE\n");
    QTest::newRow("removed") << QByteArray("---\ntitle: X\nreviewed: 2026-11-21\n---\nText\n") << none
                             << QByteArray("---\ntitle: X\n---\nText\n");
    QTest::newRow("removed with the block it alone held")
        << QByteArray("---\r\nreviewed: 2026-11-21\r\n---\r\n# Budget\r\n") << none << QByteArray("# Budget\r\n");
    QTest::newRow("removing what is not there")
        << QByteArray("---\ntitle: X\n---\n") << none << QByteArray("---\ntitle: X\n---\n");
}

void TestFrontmatterEdit::setThroughTheFile()
{
    QFETCH(QByteArray, before);
    QFETCH(std::optional<QString>, value);
    QFETCH(QByteArray, after);

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("note.md"));
    QVERIFY(writeFile(path, before));
    const NoteFile::ReadResult read = NoteFile::read(path);
    const NoteEditor::Result result =
        NoteEditor::apply(path, {NoteEdit::setFrontmatter(QStringLiteral("reviewed"), value)}, read.stamp, editToday);
    QVERIFY2(result.ok(), qPrintable(result.error.message));
    QCOMPARE(readFile(path), after);
    if (before == after) {
        QVERIFY(result.applied.isEmpty());
        return;
    }
    QVERIFY(NoteEditor::undo(path, result.applied, result.stamp).ok());
    QCOMPARE(readFile(path), before);
}

void TestFrontmatterEdit::refused_data()
{
    QTest::addColumn<QByteArray>("before");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("value");

    QTest::newRow("a block never closed")
        << QByteArray("---\ntitle: X\n# Budget\n") << QStringLiteral("reviewed") << QStringLiteral("2026-11-21");
    QTest::newRow("a key with a colon") << QByteArray("---\n---\n") << QStringLiteral("a:b")
                                        << QStringLiteral("2026-11-21");
    QTest::newRow("a value on two lines")
        << QByteArray("---\n---\n") << QStringLiteral("reviewed") << QStringLiteral("a\nb");
}

void TestFrontmatterEdit::refused()
{
    QFETCH(QByteArray, before);
    QFETCH(QString, key);
    QFETCH(QString, value);
    const EditPlanner::Plan plan =
        FrontmatterEdit::set(TextLines::split(before), QStringLiteral("note.md"), key, value);
    QVERIFY(!plan.ok());
    QCOMPARE(plan.error.code, EditError::Code::InvalidEdit);
    QVERIFY(plan.error.message.contains(QStringLiteral("note.md")));
    QVERIFY(plan.patch.isEmpty());
}

void TestFrontmatterEdit::theParserReadsIt()
{
    const Note marked =
        NoteParser::parse(QByteArrayLiteral("---\nreviewed: 2026-11-21\n---\n# X\n"), QStringLiteral("/v/x.md"));
    QCOMPARE(marked.reviewed, QDate(2026, 11, 21));
    const Note unmarked =
        NoteParser::parse(QByteArrayLiteral("---\nreviewed: soon\n---\n# X\n"), QStringLiteral("/v/x.md"));
    QVERIFY(!unmarked.reviewed.isValid());
}

QTEST_GUILESS_MAIN(TestFrontmatterEdit)
#include "tst_frontmatteredit.moc"
