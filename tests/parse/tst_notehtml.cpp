#include "parse/notehtml.h"

#include <QTest>

using debrief::NoteHtml;

// A note's body as the detail view shows it: the frontmatter left out whatever the file's line
// endings, wikilinks as links of the view's scheme, nothing unsafe rendered.
class TestNoteHtml : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void body_data();
    void body();
    void markdown_data();
    void markdown();
};

void TestNoteHtml::body_data()
{
    QTest::addColumn<QByteArray>("file");
    QTest::addColumn<QString>("shown");
    QTest::addColumn<QString>("hidden");

    QTest::newRow("LF frontmatter") << QByteArray("---\ntitle: Secret key\n---\n# Plan\nBody text\n")
                                    << QStringLiteral("Body text") << QStringLiteral("Secret key");
    QTest::newRow("CRLF frontmatter") << QByteArray("---\r\ntitle: Secret key\r\n---\r\n# Plan\r\nBody text\r\n")
                                      << QStringLiteral("Body text") << QStringLiteral("Secret key");
    QTest::newRow("lone-CR frontmatter") << QByteArray("---\rtitle: Secret key\r---\r# Plan\rBody text\r")
                                         << QStringLiteral("Body text") << QStringLiteral("Secret key");
    QTest::newRow("BOM, no frontmatter") << QByteArray("\xEF\xBB\xBF# Plan\nBody text\n")
                                         << QStringLiteral("<h1>Plan</h1>") << QStringLiteral("\uFEFF");
    QTest::newRow("unterminated frontmatter is body")
        << QByteArray("---\ntitle: Shown anyway\n# Plan\n") << QStringLiteral("Shown anyway") << QString();
    QTest::newRow("mojibake repaired") << QByteArray("Ann\xe2\x80\x9a\xc3\x84\xc3\xb4s plan\n")
                                       << QStringLiteral("Ann\u2019s plan") << QStringLiteral("\u00c4");
}

void TestNoteHtml::body()
{
    QFETCH(QByteArray, file);
    QFETCH(QString, shown);
    QFETCH(QString, hidden);
    const QString html = NoteHtml::body(file, u"note");
    QVERIFY2(html.contains(shown), qPrintable(html));
    if (!hidden.isEmpty())
        QVERIFY2(!html.contains(hidden), qPrintable(html));
}

void TestNoteHtml::markdown_data()
{
    QTest::addColumn<QString>("markdown");
    QTest::addColumn<QString>("contains");
    QTest::addColumn<QString>("lacks");

    QTest::newRow("wikilink") << QStringLiteral("See [[Retro]].") << QStringLiteral("href=\"note:Retro\">Retro</a>")
                              << QString();
    QTest::newRow("wikilink with alias and folder")
        << QStringLiteral("See [[People/Ann Lee|Ann]].") << QStringLiteral("href=\"note:People%2FAnn%20Lee\">Ann</a>")
        << QString();
    QTest::newRow("raw HTML dropped") << QStringLiteral("<script>alert(1)</script>\n\nText")
                                      << QStringLiteral("<p>Text</p>") << QStringLiteral("<script>");
    QTest::newRow("javascript link dropped")
        << QStringLiteral("[x](javascript:alert(1))") << QStringLiteral(">x</a>") << QStringLiteral("javascript:");
    QTest::newRow("task boxes") << QStringLiteral("- [ ] open\n- [x] done\n") << QStringLiteral("\u2610")
                                << QStringLiteral("<input");
    QTest::newRow("table") << QStringLiteral("| a | b |\n|---|---|\n| 1 | 2 |\n") << QStringLiteral("<table>")
                           << QString();
}

void TestNoteHtml::markdown()
{
    QFETCH(QString, markdown);
    QFETCH(QString, contains);
    QFETCH(QString, lacks);
    const QString html = NoteHtml::fromMarkdown(markdown, u"note");
    QVERIFY2(html.contains(contains), qPrintable(html));
    if (!lacks.isEmpty())
        QVERIFY2(!html.contains(lacks), qPrintable(html));
}

QTEST_APPLESS_MAIN(TestNoteHtml)
#include "tst_notehtml.moc"
