#pragma once

// What the command-line tests share: the real `debrief` binary run with arguments, never
// allowed to hang a test.
#include <QByteArray>
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace debrief::test {

struct DebriefRun
{
    int code = -1; // -2: it crashed
    QString out;
    QString err;
    QByteArray bytes; // standard output as written, for formats that are not text to compare
};

inline DebriefRun runDebrief(const QStringList &arguments,
                             const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment())
{
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(DEBRIEF_BINARY), arguments);
    DebriefRun result;
    if (!process.waitForFinished(30000)) {
        process.kill();
        process.waitForFinished();
        result.err = QStringLiteral("debrief did not finish");
        return result;
    }
    result.code = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
    result.bytes = process.readAllStandardOutput();
    result.out = QString::fromUtf8(result.bytes);
    result.err = QString::fromUtf8(process.readAllStandardError());
    return result;
}

} // namespace debrief::test
