// `debrief export` and `debrief followup`, run as the real binary on a copy of the fixture vault.
// The formats themselves are tested against independent readers in tests/export; here: which
// items are chosen, where the bytes go, --add-ids through the write-back, and the exit codes.
#include "debriefrun.h"
#include "testfiles.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace debrief::test;

namespace {

using Result = DebriefRun;

const QString designReview = QStringLiteral("Meetings/2026-03-02 Design review.md");
const QString planning = QStringLiteral("Meetings/2026-04-10 Planning.md");

} // namespace

class TestExportCli final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_cache; // XDG_CACHE_HOME: the search index never lands in the user's cache
    QTemporaryDir *m_dir = nullptr;
    QString m_vault;

    Result run(const QStringList &arguments)
    {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("XDG_CACHE_HOME"), m_cache.path());
        environment.insert(QStringLiteral("DEBRIEF_TODAY"), QStringLiteral("2026-04-15"));
        return runDebrief(arguments, environment);
    }

    // The items of a JSON export, as "relative/path.md:line".
    QStringList exported(const QStringList &options)
    {
        const Result result =
            run(QStringList{QStringLiteral("export"), m_vault, QStringLiteral("--format"), QStringLiteral("json")}
                + options);
        if (result.code != 0)
            return {QStringLiteral("exit %1: %2").arg(result.code).arg(result.err)};
        QStringList where;
        for (const QJsonValue &value : QJsonDocument::fromJson(result.bytes).array()) {
            const QJsonObject object = value.toObject();
            where.append(QStringLiteral("%1:%2")
                             .arg(QDir(m_vault).relativeFilePath(object.value(QStringLiteral("path")).toString()))
                             .arg(object.value(QStringLiteral("line")).toInt()));
        }
        return where;
    }

    QString path(const QString &relative) const { return m_vault + u'/' + relative; }

private Q_SLOTS:
    void init()
    {
        m_dir = new QTemporaryDir;
        m_vault = m_dir->filePath(QStringLiteral("Team vault"));
        const QString from = QStringLiteral(DEBRIEF_FIXTURES "/cli/vault");
        QDirIterator it(from, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString file = it.next();
            const QString to = m_vault + u'/' + QDir(from).relativeFilePath(file);
            QVERIFY(QDir().mkpath(QFileInfo(to).absolutePath()));
            QVERIFY(QFile::copy(file, to));
        }
    }

    void cleanup()
    {
        delete m_dir;
        m_dir = nullptr;
    }

    void selection_data()
    {
        QTest::addColumn<QStringList>("options");
        QTest::addColumn<QStringList>("expected");
        const QString d = designReview;
        const QString p = planning;
        QTest::newRow("unfinished by default")
            << QStringList() << QStringList{d + u":22"_qs, d + u":23"_qs, d + u":24"_qs, p + u":11"_qs, p + u":12"_qs};
        QTest::newRow("every status") << QStringList{QStringLiteral("--status"), QStringLiteral("all")}
                                      << QStringList{d + u":22"_qs, d + u":23"_qs, d + u":24"_qs, d + u":25"_qs,
                                                     d + u":26"_qs, d + u":27"_qs, p + u":11"_qs, p + u":12"_qs};
        QTest::newRow("owner in any case") << QStringList{QStringLiteral("--owner"), QStringLiteral("@Ann Lee")}
                                           << QStringList{d + u":22"_qs, p + u":11"_qs};
        QTest::newRow("due before") << QStringList{QStringLiteral("--due-before"), QStringLiteral("2026-04-02")}
                                    << QStringList{d + u":22"_qs, d + u":23"_qs, p + u":11"_qs};
        QTest::newRow("query words: the items holding them")
            << QStringList{QStringLiteral("--query"), QStringLiteral("contrast")} << QStringList{d + u":23"_qs};
        QTest::newRow("query of note fields: their notes' items")
            << QStringList{QStringLiteral("--query"), QStringLiteral("date:2026-04")}
            << QStringList{p + u":11"_qs, p + u":12"_qs};
        QTest::newRow("query item field, with status all")
            << QStringList{QStringLiteral("--query"), QStringLiteral("status:done"), QStringLiteral("--status"),
                           QStringLiteral("all")}
            << QStringList{d + u":25"_qs};
        QTest::newRow("query and selection both hold")
            << QStringList{QStringLiteral("--query"), QStringLiteral("owner:ravi")} << QStringList{d + u":23"_qs};
        QTest::newRow("query owner:me with --me") << QStringList{QStringLiteral("--query"), QStringLiteral("owner:me"),
                                                                 QStringLiteral("--me"), QStringLiteral("Mia Chen")}
                                                  << QStringList{d + u":24"_qs, p + u":12"_qs};
        QTest::newRow("nothing matches") << QStringList{QStringLiteral("--owner"), QStringLiteral("Nobody")}
                                         << QStringList();
    }

    void selection()
    {
        QFETCH(QStringList, options);
        QFETCH(QStringList, expected);
        QCOMPARE(exported(options), expected);
    }

    void formats_data()
    {
        QTest::addColumn<QString>("format");
        QTest::addColumn<QByteArray>("begins");
        QTest::addColumn<QByteArray>("perItem"); // occurs once per exported item
        QTest::newRow("ics") << QStringLiteral("ics") << QByteArray("BEGIN:VCALENDAR\r\n")
                             << QByteArray("BEGIN:VTODO\r\n");
        QTest::newRow("csv") << QStringLiteral("csv") << QByteArray("status,text,owner,due,priority,tags,meeting")
                             << QByteArray("Kestrel");
        QTest::newRow("json") << QStringLiteral("json") << QByteArray("[") << QByteArray("\"line\"");
        QTest::newRow("md") << QStringLiteral("md") << QByteArray("#") << QByteArray("- [");
    }

    // To standard output, and to a file whose suffix names the format: the same bytes.
    void formats()
    {
        QFETCH(QString, format);
        QFETCH(QByteArray, begins);
        QFETCH(QByteArray, perItem);
        const Result toOut = run({QStringLiteral("export"), m_vault, QStringLiteral("--format"), format});
        QCOMPARE(toOut.code, 0);
        QVERIFY2(toOut.bytes.startsWith(begins), toOut.bytes.left(200).constData());
        QCOMPARE(toOut.bytes.count(perItem), 5);
        const QString file = m_dir->filePath(QStringLiteral("tasks.") + format);
        const Result toFile = run({QStringLiteral("export"), m_vault, QStringLiteral("-o"), file});
        QCOMPARE(toFile.code, 0);
        QVERIFY(toFile.out.isEmpty());
        QVERIFY2(toFile.err.contains(QStringLiteral("5 action items written to")), qPrintable(toFile.err));
        QByteArray written = readFile(file);
        // Only the moment of the export may differ between two iCalendar exports.
        static const QRegularExpression stamp(QStringLiteral("DTSTAMP:[0-9TZ]+"));
        QCOMPARE(QString::fromUtf8(written).replace(stamp, QString()), QString(toOut.out).replace(stamp, QString()));
    }

    void errors_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("message");
        const QString v = QStringLiteral("VAULT");
        const auto e = [](std::initializer_list<const char *> words) {
            QStringList list{QStringLiteral("export")};
            for (const char *word : words)
                list.append(QString::fromUtf8(word));
            return list;
        };
        QTest::newRow("no format, no file") << e({"VAULT"}) << 1 << QStringLiteral("missing --format");
        QTest::newRow("unknown format") << e({"VAULT", "--format", "xlsx"}) << 1
                                        << QStringLiteral("unknown format 'xlsx'");
        QTest::newRow("suffix that is no format")
            << e({"VAULT", "-o", "tasks.txt"}) << 1 << QStringLiteral("unknown format 'txt'");
        QTest::newRow("unknown status") << e({"VAULT", "--format", "csv", "--status", "later"}) << 1
                                        << QStringLiteral("unknown status 'later'");
        QTest::newRow("malformed query") << e({"VAULT", "--format", "csv", "--query", "due:<tomorrowish"}) << 1
                                         << QStringLiteral("due:");
        QTest::newRow("two vaults") << e({"VAULT", "VAULT", "--format", "csv"}) << 1
                                    << QStringLiteral("expected one VAULT");
        QTest::newRow("folder missing") << e({"VAULT/none", "--format", "csv"}) << 2 << QStringLiteral("none");
        QTest::newRow("output folder missing")
            << e({"VAULT", "-o", "VAULT/no/such/folder/t.ics"}) << 2 << QStringLiteral("does not exist");
        QTest::newRow("output is a folder")
            << e({"VAULT", "--format", "csv", "-o", "VAULT/Meetings"}) << 2 << QStringLiteral("not a regular file");
        QTest::newRow("followup bad since")
            << QStringList{QStringLiteral("followup"), v, QStringLiteral("--since"), QStringLiteral("last week")} << 1
            << QStringLiteral("invalid date 'last week'");
        QTest::newRow("followup empty owner")
            << QStringList{QStringLiteral("followup"), v, QStringLiteral("--owner"), QStringLiteral("@")} << 1
            << QStringLiteral("empty name");
    }

    void errors()
    {
        QFETCH(QStringList, arguments);
        QFETCH(int, code);
        QFETCH(QString, message);
        for (QString &argument : arguments)
            argument.replace(QStringLiteral("VAULT"), m_vault);
        const QByteArray before = readFile(path(designReview));
        const Result result = run(arguments);
        QCOMPARE(result.code, code);
        QVERIFY(result.out.isEmpty());
        QVERIFY2(result.err.contains(message), qPrintable(result.err));
        QCOMPARE(readFile(path(designReview)), before);
    }

    // --add-ids writes a block id at the end of each exported item's line and nothing else; the
    // UIDs then survive a text edit, and a second run writes nothing.
    void addIdsKeepsUidsAcrossAnEdit()
    {
        const QByteArray before = readFile(path(designReview));
        const QStringList select{QStringLiteral("--owner"), QStringLiteral("Ann Lee")};
        const Result first = run(QStringList{QStringLiteral("export"), m_vault, QStringLiteral("--format"),
                                             QStringLiteral("ics"), QStringLiteral("--add-ids")}
                                 + select);
        QCOMPARE(first.code, 0);
        const QByteArray after = readFile(path(designReview));
        const QList<QByteArray> oldLines = before.split('\n');
        const QList<QByteArray> newLines = after.split('\n');
        QCOMPARE(newLines.size(), oldLines.size());
        static const QRegularExpression id(QStringLiteral(" \\^t-[0-9a-f]{6}$"));
        for (int i = 0; i < oldLines.size(); ++i) {
            if (i + 1 == 22) {
                QVERIFY2(QString::fromUtf8(newLines[i]).contains(id), newLines[i].constData());
                QCOMPARE(QString::fromUtf8(newLines[i]).remove(id), QString::fromUtf8(oldLines[i]));
            } else {
                QCOMPARE(newLines[i], oldLines[i]);
            }
        }
        QVERIFY2(first.err.contains(QStringLiteral("given a block id")), qPrintable(first.err));

        const auto uids = [](const QByteArray &ics) {
            QStringList list;
            for (const QByteArray &line : ics.split('\n')) {
                if (line.startsWith("UID:"))
                    list.append(QString::fromUtf8(line.trimmed()));
            }
            return list;
        };
        QCOMPARE(uids(first.bytes).size(), 2);
        const Result again = run(QStringList{QStringLiteral("export"), m_vault, QStringLiteral("--format"),
                                             QStringLiteral("ics"), QStringLiteral("--add-ids")}
                                 + select);
        QCOMPARE(again.code, 0);
        QCOMPARE(readFile(path(designReview)), after);
        QCOMPARE(uids(again.bytes), uids(first.bytes));

        const Result edit = run({QStringLiteral("edit"), path(designReview) + QStringLiteral(":22"),
                                 QStringLiteral("--text"), QStringLiteral("Draft the onboarding copy, all screens.")});
        QCOMPARE(edit.code, 0);
        const Result edited = run(
            QStringList{QStringLiteral("export"), m_vault, QStringLiteral("--format"), QStringLiteral("ics")} + select);
        QCOMPARE(edited.code, 0);
        QVERIFY(edited.bytes.contains("SUMMARY:Draft the onboarding copy\\, all screens."));
        QCOMPARE(uids(edited.bytes), uids(first.bytes));
    }

    void followUp_data()
    {
        QTest::addColumn<QStringList>("options");
        QTest::addColumn<QStringList>("inOrder"); // each after the one before
        QTest::addColumn<QStringList>("absent");
        QTest::newRow("one person") << QStringList{QStringLiteral("--owner"), QStringLiteral("ann lee"),
                                                   QStringLiteral("--since"), QStringLiteral("2026-04-01")}
                                    << QStringList{QStringLiteral("# Follow-up for ann lee"), QStringLiteral("Overdue"),
                                                   QStringLiteral("Draft the onboarding copy"),
                                                   QStringLiteral("Send the release plan to Ravi")}
                                    << QStringList{QStringLiteral("Fix the contrast"),
                                                   QStringLiteral("Book the usability")};
        QTest::newRow("everyone, last 7 days by default")
            << QStringList()
            << QStringList{QStringLiteral("# Follow-up since 2026-04-08"), QStringLiteral("## Ann Lee"),
                           QStringLiteral("## Mia Chen"), QStringLiteral("Order the test devices"),
                           QStringLiteral("## Ravi Patel")}
            << QStringList{QStringLiteral("Build a dark theme")};
    }

    void followUp()
    {
        QFETCH(QStringList, options);
        QFETCH(QStringList, inOrder);
        QFETCH(QStringList, absent);
        const Result result = run(QStringList{QStringLiteral("followup"), m_vault} + options);
        QCOMPARE(result.code, 0);
        const QString text = result.out;
        qsizetype at = 0;
        for (const QString &part : inOrder) {
            const qsizetype found = text.indexOf(part, at);
            QVERIFY2(found >= 0, qPrintable(QStringLiteral("'%1' not after %2 in:\n%3").arg(part).arg(at).arg(text)));
            at = found + part.size();
        }
        for (const QString &part : absent)
            QVERIFY2(!text.contains(part), qPrintable(part));
    }
};

QTEST_GUILESS_MAIN(TestExportCli)
#include "tst_exportcli.moc"
