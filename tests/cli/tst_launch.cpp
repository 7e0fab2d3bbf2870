// `debrief` is the command line; given a folder (or nothing) it hands over to the window
// program beside it, in the same process, so whoever started `debrief` still holds the window's
// process. Run as the real binary.

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {

QProcessEnvironment isolatedEnvironment(const QTemporaryDir &home)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const char *name : {"XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME"})
        environment.insert(QString::fromLatin1(name), home.filePath(QString::fromLatin1(name)));
    return environment;
}

QString programOf(qint64 pid)
{
    return QFileInfo(QStringLiteral("/proc/%1/exe").arg(pid)).symLinkTarget();
}

} // namespace

class TestLaunch final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void folderOpensTheWindowInTheSameProcess()
    {
        QTemporaryDir home;
        QVERIFY(home.isValid());
        QProcessEnvironment environment = isolatedEnvironment(home);
        environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        QProcess process;
        process.setProcessEnvironment(environment);
        process.start(QStringLiteral(DEBRIEF_BINARY), {QStringLiteral(DEBRIEF_SAMPLE_VAULT)});
        QVERIFY(process.waitForStarted());
        const QString gui = QFileInfo(QStringLiteral(DEBRIEF_BINARY)).absolutePath() + QStringLiteral("/debrief-gui");
        QTRY_COMPARE_WITH_TIMEOUT(programOf(process.processId()), QFileInfo(gui).canonicalFilePath(), 20000);
        // The window keeps running until it is closed; nothing went wrong on the way.
        QCOMPARE(process.state(), QProcess::Running);
        process.terminate();
        QVERIFY(process.waitForFinished(20000));
        QVERIFY2(!process.readAllStandardError().contains("cannot start"), "the window program was not found");
    }

    void noDisplaySaysSo_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::newRow("a folder") << QStringList{QStringLiteral(DEBRIEF_SAMPLE_VAULT)};
        QTest::newRow("no arguments") << QStringList{};
    }

    void noDisplaySaysSo()
    {
        QFETCH(QStringList, arguments);
        QTemporaryDir home;
        QProcessEnvironment environment = isolatedEnvironment(home);
        for (const char *name : {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"})
            environment.remove(QString::fromLatin1(name));
        QProcess process;
        process.setProcessEnvironment(environment);
        process.start(QStringLiteral(DEBRIEF_BINARY), arguments);
        QVERIFY(process.waitForFinished(20000));
        QCOMPARE(process.exitStatus(), QProcess::NormalExit);
        QCOMPARE(process.exitCode(), 2);
        const QByteArray err = process.readAllStandardError();
        QVERIFY2(err.contains("no display to open a window on") && err.contains("debrief --help"), err.constData());
    }
};

QTEST_GUILESS_MAIN(TestLaunch)
#include "tst_launch.moc"
