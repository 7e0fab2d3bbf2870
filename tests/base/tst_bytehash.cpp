// The hash that checks the search cache's tables and tells whether a note changed: fed in
// pieces (as the index writes its tables) it must give what it gives for the whole, and it must
// not change between versions, or every user's cache is rebuilt.

#include "base/bytehash.h"

#include <QTest>

using namespace debrief;

namespace {

QByteArray sampleBytes(int size)
{
    QByteArray bytes;
    bytes.reserve(size);
    for (int i = 0; i < size; ++i)
        bytes.append(char((i * 131 + 7) % 251));
    return bytes;
}

} // namespace

class TestByteHash final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void piecesGiveTheWholeHash_data()
    {
        QTest::addColumn<int>("size");
        QTest::addColumn<int>("piece"); // bytes per add()

        QTest::newRow("empty") << 0 << 1;
        QTest::newRow("shorter than a word, byte by byte") << 5 << 1;
        QTest::newRow("one block, byte by byte") << 32 << 1;
        QTest::newRow("blocks and a tail, in sevens") << 100 << 7;
        QTest::newRow("blocks and a tail, in 31s") << 1000 << 31;
        QTest::newRow("blocks and a tail, in 33s") << 1000 << 33;
        QTest::newRow("large pieces") << 100000 << 4096;
        QTest::newRow("all at once") << 4099 << 4099;
    }

    void piecesGiveTheWholeHash()
    {
        QFETCH(int, size);
        QFETCH(int, piece);
        const QByteArray bytes = sampleBytes(size);
        ByteHasher hasher{quint64(size)};
        for (int at = 0; at < size; at += piece)
            hasher.add(QByteArrayView(bytes).sliced(at, std::min(piece, size - at)));
        QCOMPARE(hasher.result(), hashBytes(bytes));
    }

    void valuesAreStable_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<quint64>("hash");

        QTest::newRow("empty") << QByteArray() << Q_UINT64_C(0xda358e9604b8219d);
        QTest::newRow("a task line") << QByteArray("- [?] Book the room. @Ann Lee #task")
                                     << Q_UINT64_C(0x4ed71e4599dbd6c8);
    }

    void valuesAreStable()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(quint64, hash);
        QCOMPARE(QString::number(hashBytes(bytes), 16), QString::number(hash, 16));
    }

    void everyByteCounts()
    {
        const QByteArray bytes = sampleBytes(77);
        const quint64 whole = hashBytes(bytes);
        for (int i = 0; i < bytes.size(); ++i) {
            QByteArray changed = bytes;
            changed[i] = char(changed[i] ^ 1);
            QVERIFY2(hashBytes(changed) != whole, qPrintable(QStringLiteral("byte %1").arg(i)));
        }
        QVERIFY(hashBytes(bytes.chopped(1)) != whole);
    }
};

QTEST_GUILESS_MAIN(TestByteHash)
#include "tst_bytehash.moc"
