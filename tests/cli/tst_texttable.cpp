// TextTable: terminal columns for the command line.
#include "cli/texttable.h"

#include <QTest>

using namespace debrief;

class TestTextTable final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void elide_data();
    void elide();
    void columns();
};

void TestTextTable::elide_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("width");
    QTest::addColumn<QString>("expected");

    QTest::newRow("fits") << u"short"_qs << 10 << u"short"_qs;
    QTest::newRow("exactly the width") << u"abcde"_qs << 5 << u"abcde"_qs;
    QTest::newRow("cut with an ellipsis") << u"abcdefgh"_qs << 5 << u"abcd\u2026"_qs;
    QTest::newRow("no space before the ellipsis") << u"abc defgh"_qs << 5 << u"abc\u2026"_qs;
    QTest::newRow("emoji never split") << u"ab\U0001F4C5cd"_qs << 4 << u"ab\u2026"_qs;
    QTest::newRow("width 1") << u"abc"_qs << 1 << u"\u2026"_qs;
}

void TestTextTable::elide()
{
    QFETCH(QString, text);
    QFETCH(int, width);
    QFETCH(QString, expected);
    QCOMPARE(TextTable::elide(text, width), expected);
}

void TestTextTable::columns()
{
    TextTable table;
    table.setMaxWidth(1, 6);
    table.addRow({u"a"_qs, u"long text here"_qs, u"x"_qs});
    table.addRow({u"bbb"_qs, u"two\nlines"_qs, u""_qs});
    QCOMPARE(table.toString(u"  "_qs), u"  a    long\u2026   x\n  bbb  two l\u2026\n"_qs);
}

QTEST_GUILESS_MAIN(TestTextTable)
#include "tst_texttable.moc"
