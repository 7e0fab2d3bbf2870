#include "cli/showcommand.h"

#include "cli/notejson.h"
#include "cli/texttable.h"
#include "vault/vault.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>

namespace debrief {

namespace {

const char helpText[] = "Usage: debrief show FILE [--vault FOLDER] [--json]\n"
                        "\n"
                        "Shows one meeting note: title, date, participants, summary, action items, decisions,\n"
                        "key information, links and anything wrong with the file.\n"
                        "\n"
                        "Links resolve against the vault the file belongs to: the nearest folder above it that\n"
                        "holds an .obsidian folder (as Obsidian defines a vault), else the file's own folder.\n"
                        "\n"
                        "Options:\n"
                        "  --vault FOLDER  Resolve links against FOLDER instead\n"
                        "  --json          Print the note as one JSON object (see README)\n"
                        "  -h, --help      Show this help\n"
                        "\n"
                        "Exit status: 0 shown, 1 usage error, 2 the file or folder cannot be read.\n";

// Obsidian calls a folder a vault when it holds .obsidian/; without one, the file's folder.
QString vaultRootFor(const QString &filePath)
{
    const QString folder = QFileInfo(filePath).absolutePath();
    QDir dir(folder);
    do {
        if (QFileInfo(dir.filePath(QStringLiteral(".obsidian"))).isDir())
            return dir.absolutePath();
    } while (dir.cdUp());
    return folder;
}

QString statusBox(const ActionItem &item)
{
    return u'[' + item.statusChar + u']';
}

QString relativeTo(const QString &root, const QString &path)
{
    return QDir(root).relativeFilePath(path);
}

void printBullets(QTextStream &out, const QString &heading, const QList<Bullet> &bullets)
{
    if (bullets.isEmpty())
        return;
    out << '\n' << heading << '\n';
    for (const Bullet &bullet : bullets)
        out << "  - " << bullet.text << '\n';
}

void printText(QTextStream &out, const Note &note, const QString &root)
{
    out << note.title << '\n';
    TextTable header;
    if (note.date.isValid())
        header.addRow({QStringLiteral("Date:"), note.date.toString(Qt::ISODate)});
    if (!note.participants.isEmpty())
        header.addRow({QStringLiteral("With:"), note.participants.join(QStringLiteral(", "))});
    if (!note.tags.isEmpty())
        header.addRow({QStringLiteral("Tags:"), note.tags.join(QStringLiteral(", "))});
    header.addRow({QStringLiteral("File:"), QDir::toNativeSeparators(note.path)});
    out << header.toString();

    if (!note.summary.isEmpty()) {
        out << "\nSummary\n";
        for (const QString &line : note.summary.split(u'\n'))
            out << (line.isEmpty() ? QString() : QStringLiteral("  ") + line) << '\n';
    }

    if (!note.actionItems.isEmpty()) {
        out << "\nAction items\n";
        TextTable items;
        items.setMaxWidth(1, 70);
        items.setMaxWidth(2, 24);
        for (const ActionItem &item : note.actionItems) {
            items.addRow({statusBox(item), item.text, item.owner.isEmpty() ? QString() : u'@' + item.owner,
                          item.due.isValid() ? QStringLiteral("due ") + item.due.toString(Qt::ISODate) : QString(),
                          priorityName(item.priority), QStringLiteral("line %1").arg(item.line)});
        }
        out << items.toString(QStringLiteral("  "));
    }

    printBullets(out, QStringLiteral("Decisions"), note.decisions);
    printBullets(out, QStringLiteral("Key information"), note.keyInformation);

    if (!note.links.isEmpty()) {
        out << "\nLinks\n";
        TextTable links;
        links.setMaxWidth(0, 50);
        for (const Link &link : note.links) {
            links.addRow({link.target,
                          link.resolvedPath.isEmpty() ? QStringLiteral("(unresolved)")
                                                      : QStringLiteral("-> ") + relativeTo(root, link.resolvedPath)});
        }
        out << links.toString(QStringLiteral("  "));
    }

    if (!note.diagnostics.isEmpty()) {
        out << "\nDiagnostics\n";
        TextTable diagnostics;
        for (const Diagnostic &diagnostic : note.diagnostics) {
            diagnostics.addRow(
                {diagnostic.line > 0 ? QStringLiteral("line %1").arg(diagnostic.line) : QStringLiteral("file"),
                 severityName(diagnostic.severity), diagnostic.message});
        }
        out << diagnostics.toString(QStringLiteral("  "));
    }
}

} // namespace

int ShowCommand::run(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    const QCommandLineOption jsonOption(QStringLiteral("json"));
    const QCommandLineOption vaultOption(QStringLiteral("vault"), QString(), QStringLiteral("FOLDER"));
    const QCommandLineOption helpOption(QStringList{QStringLiteral("h"), QStringLiteral("help")});
    parser.addOptions({jsonOption, vaultOption, helpOption});
    if (!parser.parse(QStringList{QStringLiteral("show")} + arguments)) {
        err << "debrief show: " << parser.errorText() << "\nTry 'debrief show --help'.\n";
        return 1;
    }
    if (parser.isSet(helpOption)) {
        out << helpText;
        return 0;
    }
    const QStringList files = parser.positionalArguments();
    if (files.size() != 1) {
        err << "debrief show: " << (files.isEmpty() ? "missing FILE" : "expected one FILE")
            << "\nTry 'debrief show --help'.\n";
        return 1;
    }

    const QString file = files.constFirst();
    const QFileInfo info(file);
    if (info.isDir()) {
        err << "debrief show: cannot read '" << file << "': it is a folder, not a note\n";
        return 2;
    }
    const Note read = Vault::readNote(QDir::cleanPath(info.absoluteFilePath()));
    if (!read.parsed) {
        const QString reason =
            read.diagnostics.isEmpty() ? QStringLiteral("cannot read") : read.diagnostics.constFirst().message;
        err << "debrief show: '" << file << "': " << reason << '\n';
        return 2;
    }

    QString root = vaultRootFor(read.path);
    if (parser.isSet(vaultOption)) {
        root = parser.value(vaultOption);
        if (!QFileInfo(root).isDir()) {
            err << "debrief show: cannot read folder '" << root << "'\n";
            return 2;
        }
    }
    // Listing the vault is enough to resolve links; its other notes need not be parsed.
    const Vault vault = Vault::namesOnly(root);
    Note note = read;
    vault.resolveLinks(note);

    if (parser.isSet(jsonOption))
        out << QString::fromUtf8(QJsonDocument(NoteJson::fromNote(note)).toJson(QJsonDocument::Indented));
    else
        printText(out, note, vault.root());
    return 0;
}

} // namespace debrief
