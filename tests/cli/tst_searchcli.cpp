// `debrief search` as a user runs it: the real binary on the invented search vault.

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {

struct Run
{
    int code = -1;
    QByteArray out;
    QByteArray err;
};

} // namespace

class TestSearchCli : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_cache; // XDG_CACHE_HOME: the test never touches the user's cache

    Run run(const QStringList &arguments)
    {
        QProcess process;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("XDG_CACHE_HOME"), m_cache.path());
        process.setProcessEnvironment(environment);
        process.start(QStringLiteral(DEBRIEF_BINARY), QStringList{QStringLiteral("search")} + arguments);
        Run result;
        if (!process.waitForFinished(60000))
            return result;
        result.code = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
        result.out = process.readAllStandardOutput();
        result.err = process.readAllStandardError();
        return result;
    }

    static QString vault() { return QStringLiteral(DEBRIEF_FIXTURES "/search/vault"); }

private Q_SLOTS:
    void jsonShape()
    {
        const Run result =
            run({vault(), QStringLiteral("owner:ann"), QStringLiteral("budget"), QStringLiteral("--json")});
        QCOMPARE(result.code, 0);
        const QJsonArray hits = QJsonDocument::fromJson(result.out).array();
        QCOMPARE(hits.size(), 1);
        const QJsonObject hit = hits.first().toObject();
        QStringList keys = hit.keys();
        keys.sort();
        QCOMPARE(keys,
                 (QStringList{QStringLiteral("due"), QStringLiteral("kind"), QStringLiteral("line"),
                              QStringLiteral("owner"), QStringLiteral("path"), QStringLiteral("score"),
                              QStringLiteral("snippet"), QStringLiteral("status"), QStringLiteral("text")}));
        QVERIFY(hit.value(QStringLiteral("path"))
                    .toString()
                    .endsWith(QStringLiteral("/Meetings/2025-10-02 Budget review.md")));
        QCOMPARE(hit.value(QStringLiteral("line")).toInt(), 21);
        QCOMPARE(hit.value(QStringLiteral("kind")).toString(), QStringLiteral("action_item"));
        QCOMPARE(hit.value(QStringLiteral("status")).toString(), QStringLiteral("open"));
        QCOMPARE(hit.value(QStringLiteral("owner")).toString(), QStringLiteral("Ann Lee"));
        QCOMPARE(hit.value(QStringLiteral("due")).toString(), QStringLiteral("2025-10-10"));
        const QJsonObject snippet = hit.value(QStringLiteral("snippet")).toObject();
        QCOMPARE(snippet.value(QStringLiteral("text")).toString(), hit.value(QStringLiteral("text")).toString());
        const QJsonArray match = snippet.value(QStringLiteral("matches")).toArray().first().toArray();
        QCOMPARE(snippet.value(QStringLiteral("text")).toString().mid(match[0].toInt(), match[1].toInt()),
                 QStringLiteral("budget"));
    }

    void nullsOutsideActionItems()
    {
        const Run result = run({vault(), QStringLiteral("hiring"), QStringLiteral("--json")});
        QCOMPARE(result.code, 0);
        const QJsonObject hit = QJsonDocument::fromJson(result.out).array().first().toObject();
        QCOMPARE(hit.value(QStringLiteral("kind")).toString(), QStringLiteral("decision"));
        QVERIFY(hit.value(QStringLiteral("status")).isNull());
        QVERIFY(hit.value(QStringLiteral("owner")).isNull());
        QVERIFY(hit.value(QStringLiteral("due")).isNull());
    }

    void sameWithAndWithoutCache()
    {
        for (const char *query : {"budget", "status:open", "\"revised budget\"", "cafe -section:key", "quarter*"}) {
            const Run first = run({vault(), QString::fromUtf8(query), QStringLiteral("--json")});
            const Run cached = run({vault(), QString::fromUtf8(query), QStringLiteral("--json")});
            const Run uncached =
                run({vault(), QString::fromUtf8(query), QStringLiteral("--json"), QStringLiteral("--no-cache")});
            QCOMPARE(first.code, 0);
            QCOMPARE(cached.out, first.out);
            QCOMPARE(uncached.out, first.out);
        }
    }

    void limit()
    {
        const Run result = run(
            {vault(), QStringLiteral("the"), QStringLiteral("--json"), QStringLiteral("--limit"), QStringLiteral("2")});
        QCOMPARE(result.code, 0);
        QCOMPARE(QJsonDocument::fromJson(result.out).array().size(), 2);
        const Run text = run({vault(), QStringLiteral("the"), QStringLiteral("--limit=2")});
        QVERIFY(text.out.contains("the best 2 shown"));
    }

    void negatedWordIsNoOption()
    {
        const Run result = run({vault(), QStringLiteral("budget"), QStringLiteral("-hiring")});
        QCOMPARE(result.code, 0);
        QVERIFY(result.out.contains("Review the [budget] numbers."));
        QVERIFY(!result.out.contains("Freeze"));
    }

    void exitCodes_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("message");
        QTest::newRow("no match is success") << QStringList{vault(), QStringLiteral("zebra")} << 0 << QString();
        QTest::newRow("help") << QStringList{QStringLiteral("--help")} << 0 << QString();
        QTest::newRow("no query") << QStringList{vault()} << 1 << QStringLiteral("missing QUERY");
        QTest::newRow("nothing") << QStringList{} << 1 << QStringLiteral("missing VAULT");
        QTest::newRow("bad limit") << QStringList{vault(), QStringLiteral("x"), QStringLiteral("--limit"),
                                                  QStringLiteral("many")}
                                   << 1 << QStringLiteral("--limit");
        QTest::newRow("malformed field") << QStringList{vault(), QStringLiteral("due:<tomorrowish")} << 1
                                         << QStringLiteral("due:<tomorrowish");
        QTest::newRow("missing vault") << QStringList{QStringLiteral("/nonexistent/vault"), QStringLiteral("x")} << 2
                                       << QStringLiteral("cannot read");
        QTest::newRow("a file, not a vault")
            << QStringList{vault() + QStringLiteral("/People/Ann Lee.md"), QStringLiteral("x")} << 2
            << QStringLiteral("cannot read");
    }

    void exitCodes()
    {
        QFETCH(QStringList, arguments);
        QFETCH(int, code);
        QFETCH(QString, message);
        const Run result = run(arguments);
        QCOMPARE(result.code, code);
        if (!message.isEmpty())
            QVERIFY2(QString::fromUtf8(result.err).contains(message), result.err.constData());
    }
};

QTEST_GUILESS_MAIN(TestSearchCli)
#include "tst_searchcli.moc"
