#include "cli/commandline.h"
#include "noteparser.h"

#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("Debrief"));
    QCoreApplication::setOrganizationName(QStringLiteral("Debrief"));
    QCoreApplication::setApplicationVersion(QStringLiteral(DEBRIEF_VERSION));

    // Before any worker thread parses a note.
    debrief::NoteParser::registerMarkdownExtensions();

    QTextStream out(stdout);
    QTextStream err(stderr);
    // JSON and notes are UTF-8 whatever the locale says.
    out.setEncoding(QStringConverter::Utf8);
    err.setEncoding(QStringConverter::Utf8);
    const int code = debrief::CommandLine::run(app.arguments().mid(1), out, err);
    out.flush();
    err.flush();
    return code;
}
