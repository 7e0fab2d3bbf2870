#include "testfiles.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace debrief::test;

// scripts/check-layers on a copy of the source tree: quiet on the tree as it is, and failing,
// with the file and line, on each kind of include the layout forbids.
class TestCheckLayers : public QObject
{
    Q_OBJECT

    struct Result
    {
        int exitCode = -1;
        QString output;
    };

    static Result check(const QString &root)
    {
        QProcess process;
        process.setProcessChannelMode(QProcess::MergedChannels);
        process.start(QStringLiteral(DEBRIEF_SOURCE_DIR "/scripts/check-layers"), {QStringLiteral("--root"), root});
        if (!process.waitForFinished(60000))
            return {};
        return {process.exitCode(), QString::fromUtf8(process.readAll())};
    }

    static bool copyTree(const QString &to)
    {
        QStringList arguments{QStringLiteral("-R")};
        for (const char *part : {"model", "cli", "ui", "app"})
            arguments.append(QStringLiteral(DEBRIEF_SOURCE_DIR "/") + QLatin1StringView(part));
        arguments.append(to);
        return QProcess::execute(QStringLiteral("cp"), arguments) == 0;
    }

private Q_SLOTS:
    void treeAsItIsPasses()
    {
        const Result result = check(QStringLiteral(DEBRIEF_SOURCE_DIR));
        QVERIFY2(result.exitCode == 0, qPrintable(result.output));
        QVERIFY2(result.output.isEmpty(), qPrintable(result.output));
    }

    void plantedIncludeFails_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QByteArray>("include");
        QTest::addColumn<QString>("says");

        QTest::newRow("model uses the ui") << QStringLiteral("model/base/bytehash.cpp")
                                           << QByteArray("#include \"views/mainwindow.h\"") << QStringLiteral("views");
        QTest::newRow("model uses the command line")
            << QStringLiteral("model/parse/taskline.cpp") << QByteArray("#include \"cli/texttable.h\"")
            << QStringLiteral("cli");
        QTest::newRow("model uses Qt Gui") << QStringLiteral("model/note/actionitem.cpp")
                                           << QByteArray("#include <QColor>") << QStringLiteral("Qt Gui");
        QTest::newRow("model uses Qt Widgets, by module path")
            << QStringLiteral("model/search/snippet.cpp") << QByteArray("#include <QtWidgets/QLabel>")
            << QStringLiteral("Qt Widgets");
        QTest::newRow("edit uses search") << QStringLiteral("model/edit/taskedit.cpp")
                                          << QByteArray("#include \"search/segment.h\"") << QStringLiteral("search");
        QTest::newRow("search uses edit") << QStringLiteral("model/search/snippet.cpp")
                                          << QByteArray("#include \"edit/notefile.h\"") << QStringLiteral("edit");
        QTest::newRow("vault uses edit") << QStringLiteral("model/vault/vault.cpp")
                                         << QByteArray("#include \"edit/noteeditor.h\"") << QStringLiteral("edit");
        QTest::newRow("vault uses search")
            << QStringLiteral("model/vault/vaultscan.cpp") << QByteArray("#include \"search/searchindex.h\"")
            << QStringLiteral("search");
        QTest::newRow("ui uses cmark-gfm") << QStringLiteral("ui/views/markdownview.cpp")
                                           << QByteArray("#include <cmark-gfm.h>") << QStringLiteral("cmark");
        QTest::newRow("ui uses yaml-cpp") << QStringLiteral("ui/session/session.cpp")
                                          << QByteArray("#include <yaml-cpp/yaml.h>") << QStringLiteral("yaml-cpp");
        QTest::newRow("ui reads files itself") << QStringLiteral("ui/views/notedetail.cpp")
                                               << QByteArray("#include <QFile>") << QStringLiteral("NoteFile");
        QTest::newRow("ui writes files itself") << QStringLiteral("ui/session/session.cpp")
                                                << QByteArray("#include <QSaveFile>") << QStringLiteral("NoteFile");
        QTest::newRow("cli uses the ui") << QStringLiteral("cli/showcommand.cpp")
                                         << QByteArray("#include \"session/session.h\"") << QStringLiteral("session");
        QTest::newRow("ui uses the cli") << QStringLiteral("ui/views/mainwindow.cpp")
                                         << QByteArray("#include \"cli/commandline.h\"") << QStringLiteral("cli");
        QTest::newRow("models use views") << QStringLiteral("ui/models/peoplemodel.cpp")
                                          << QByteArray("#include \"views/theme.h\"") << QStringLiteral("views");
        QTest::newRow("session uses widgets") << QStringLiteral("ui/session/vaultwatcher.cpp")
                                              << QByteArray("#include <QPushButton>") << QStringLiteral("no widgets");
        QTest::newRow("an include without its part")
            << QStringLiteral("model/edit/taskedit.cpp") << QByteArray("#include \"taskline.h\"")
            << QStringLiteral("names no part");
        QTest::newRow("the command line opens a window")
            << QStringLiteral("app/main.cpp") << QByteArray("#include \"views/mainwindow.h\"")
            << QStringLiteral("views");
    }

    void plantedIncludeFails()
    {
        QFETCH(QString, file);
        QFETCH(QByteArray, include);
        QFETCH(QString, says);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QVERIFY(copyTree(dir.path()));
        const QString path = dir.filePath(file);
        const QByteArray original = readFile(path);
        QVERIFY(original != "<unreadable>");
        QVERIFY(writeFile(path, original + include + '\n'));
        const int line = int(original.count('\n')) + 1;

        const Result result = check(dir.path());
        QCOMPARE(result.exitCode, 1);
        QVERIFY2(result.output.startsWith(QStringLiteral("%1:%2: ").arg(file).arg(line)), qPrintable(result.output));
        QVERIFY2(result.output.contains(says), qPrintable(result.output));
        QCOMPARE(result.output.count(u'\n'), 1); // that include, and nothing else
    }
};

QTEST_GUILESS_MAIN(TestCheckLayers)
#include "tst_checklayers.moc"
