// Vault: finding notes on disk, reading them safely, resolving wikilinks like Obsidian.
#include "testfiles.h"
#include "vault/vault.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>
#include <unistd.h>

using namespace debrief;
using namespace debrief::test;

namespace {

// Builds a layout below `base` from lines like "f:vault/a.md", "d:vault/x.md", "p:vault/fifo.md"
// (a fifo) and "l:vault/link=>../outside" (a symlink and its target, as written).
bool makeLayout(const QString &base, const QStringList &layout)
{
    for (const QString &entry : layout) {
        const QString kind = entry.left(2);
        const QString rest = entry.mid(2);
        const QString path = base + u'/' + rest.section(QStringLiteral("=>"), 0, 0);
        QDir().mkpath(QFileInfo(path).absolutePath());
        bool ok = false;
        if (kind == u"f:")
            ok = writeFile(path, "# Note\n");
        else if (kind == u"d:")
            ok = QDir().mkpath(path);
        else if (kind == u"p:")
            ok = ::mkfifo(QFile::encodeName(path).constData(), 0600) == 0;
        else if (kind == u"l:")
            ok = QFile::link(rest.section(QStringLiteral("=>"), 1), path);
        if (!ok) {
            qWarning() << "cannot create" << entry;
            return false;
        }
    }
    return true;
}

QStringList relativePaths(const QString &root, const QStringList &paths)
{
    QStringList relative;
    for (const QString &path : paths)
        relative.append(QDir(root).relativeFilePath(path));
    return relative;
}

} // namespace

class TestVault final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void findNotes_data();
    void findNotes();
    void invalidRoot_data();
    void invalidRoot();
    void unparsedFile_data();
    void unparsedFile();
    void unreadableFile();
    void unreadableFolder();
    void fileNameNotUtf8_data();
    void fileNameNotUtf8();
    void linkNameNotUtf8_data();
    void linkNameNotUtf8();
    void stamp();
    void resolveLink_data();
    void resolveLink();
    void loadSampleVault();
    void loadWithSymlinkLoop();
    void reloadAndRemove();
    void linksElsewhere_data();
    void linksElsewhere();
};

void TestVault::findNotes_data()
{
    QTest::addColumn<QStringList>("layout"); // see makeLayout(); the vault is "vault"
    QTest::addColumn<QStringList>("expected");

    QTest::newRow("notes in folders, sorted")
        << QStringList{u"f:vault/b.md"_qs, u"f:vault/a.md"_qs, u"f:vault/sub/c.md"_qs}
        << QStringList{u"a.md"_qs, u"b.md"_qs, u"sub/c.md"_qs};
    QTest::newRow("any case of .md, other files ignored")
        << QStringList{u"f:vault/A.MD"_qs,      u"f:vault/b.Md"_qs, u"f:vault/c.mD"_qs,
                       u"f:vault/notes.txt"_qs, u"f:vault/md"_qs,   u"f:vault/x.markdown"_qs}
        << QStringList{u"A.MD"_qs, u"b.Md"_qs, u"c.mD"_qs};
    QTest::newRow("dot-folders and dot-files skipped")
        << QStringList{u"f:vault/.obsidian/x.md"_qs,   u"f:vault/.git/y.md"_qs, u"f:vault/.trash/z.md"_qs,
                       u"f:vault/sub/.hidden/w.md"_qs, u"f:vault/.draft.md"_qs, u"f:vault/keep.md"_qs}
        << QStringList{u"keep.md"_qs};
    QTest::newRow("folder named x.md is a folder, not a note")
        << QStringList{u"d:vault/x.md"_qs, u"f:vault/y.md/inner.md"_qs} << QStringList{u"y.md/inner.md"_qs};
    QTest::newRow("fifo skipped") << QStringList{u"p:vault/pipe.md"_qs, u"f:vault/a.md"_qs} << QStringList{u"a.md"_qs};
    QTest::newRow("symlink to a fifo skipped")
        << QStringList{u"p:outside/pipe.md"_qs, u"l:vault/pipe.md=>../outside/pipe.md"_qs, u"f:vault/a.md"_qs}
        << QStringList{u"a.md"_qs};
    QTest::newRow("broken symlink skipped")
        << QStringList{u"l:vault/gone.md=>nowhere.md"_qs, u"f:vault/a.md"_qs} << QStringList{u"a.md"_qs};
    QTest::newRow("symlinked file followed")
        << QStringList{u"f:outside/real.md"_qs, u"l:vault/linked.md=>../outside/real.md"_qs}
        << QStringList{u"linked.md"_qs};
    QTest::newRow("symlinked folder followed")
        << QStringList{u"f:outside/notes/n.md"_qs, u"l:vault/shared=>../outside/notes"_qs, u"f:vault/a.md"_qs}
        << QStringList{u"a.md"_qs, u"shared/n.md"_qs};
    QTest::newRow("symlink loop to the root")
        << QStringList{u"f:vault/a/n.md"_qs, u"l:vault/a/loop=>.."_qs} << QStringList{u"a/n.md"_qs};
    QTest::newRow("symlink loop to itself")
        << QStringList{u"f:vault/n.md"_qs, u"l:vault/self=>self"_qs} << QStringList{u"n.md"_qs};
    QTest::newRow("two symlinks to each other's folders")
        << QStringList{u"f:vault/a/n.md"_qs, u"f:vault/b/m.md"_qs, u"l:vault/a/to-b=>../b"_qs,
                       u"l:vault/b/to-a=>../a"_qs}
        << QStringList{u"a/n.md"_qs, u"b/m.md"_qs};
    QTest::newRow("symlink to a folder inside: listed once, under its real path")
        << QStringList{u"f:vault/zeta/n.md"_qs, u"l:vault/alias=>zeta"_qs} << QStringList{u"zeta/n.md"_qs};
    QTest::newRow("empty vault") << QStringList{u"d:vault"_qs} << QStringList{};
}

void TestVault::findNotes()
{
    QFETCH(QStringList, layout);
    QFETCH(QStringList, expected);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(makeLayout(dir.path(), layout));
    const QString root = dir.filePath(u"vault"_qs);

    QList<Diagnostic> problems;
    const QStringList found = Vault::findNotes(root, &problems);
    QCOMPARE(relativePaths(root, found), expected);
    QVERIFY(problems.isEmpty());
    for (const QString &path : found)
        QVERIFY2(path.startsWith(root + u'/'), qPrintable(path));
}

void TestVault::invalidRoot_data()
{
    QTest::addColumn<QString>("root"); // relative to a temporary folder holding "file.md"
    QTest::newRow("missing folder") << u"no such folder"_qs;
    QTest::newRow("a file") << u"file.md"_qs;
}

void TestVault::invalidRoot()
{
    QFETCH(QString, root);
    QTemporaryDir dir;
    QVERIFY(writeFile(dir.filePath(u"file.md"_qs), "# A\n"));
    const QString path = dir.filePath(root);

    const Vault vault = Vault::load(path);
    QVERIFY(!vault.isValid());
    QVERIFY(vault.notes().isEmpty());
    QCOMPARE(vault.diagnostics().size(), 1);
    QCOMPARE(vault.diagnostics().constFirst().severity, Diagnostic::Severity::Error);
    QVERIFY2(vault.diagnostics().constFirst().message.contains(path),
             qPrintable(vault.diagnostics().constFirst().message));

    QList<Diagnostic> problems;
    QVERIFY(Vault::findNotes(path, &problems).isEmpty());
    QCOMPARE(problems.size(), 1);
}

void TestVault::unparsedFile_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("reason");

    QTest::newRow("16 MiB + 1 byte") << QByteArray(Vault::maxNoteSize + 1, 'a') << u"16 MiB"_qs;
    QTest::newRow("NUL byte") << QByteArray("# Title\n\0more\n", 14) << u"NUL"_qs;
    QTest::newRow("NUL byte only") << QByteArray(1, '\0') << u"NUL"_qs;
}

void TestVault::unparsedFile()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, reason);
    QTemporaryDir dir;
    QVERIFY(writeFile(dir.filePath(u"notes/Odd file.md"_qs), bytes));
    QVERIFY(writeFile(dir.filePath(u"notes/Fine.md"_qs), "# Fine\n"));

    const Note note = Vault::readNote(dir.filePath(u"notes/Odd file.md"_qs));
    QVERIFY(!note.parsed);
    QCOMPARE(note.title, u"Odd file"_qs);
    QCOMPARE(note.stamp.size, bytes.size());
    QCOMPARE(note.diagnostics.size(), 1);
    QCOMPARE(note.diagnostics.constFirst().severity, Diagnostic::Severity::Error);
    QVERIFY2(note.diagnostics.constFirst().message.contains(reason), qPrintable(note.diagnostics.constFirst().message));

    // The vault still lists it, beside the notes it could read.
    const Vault vault = Vault::load(dir.filePath(u"notes"_qs));
    QCOMPARE(vault.notes().size(), 2);
    const Note *listed = vault.note(dir.filePath(u"notes/Odd file.md"_qs));
    QVERIFY(listed);
    QVERIFY(!listed->parsed);
    QVERIFY(vault.note(dir.filePath(u"notes/Fine.md"_qs))->parsed);
}

void TestVault::unreadableFile()
{
    if (::geteuid() == 0)
        QSKIP("root can read a file whatever its permissions");
    QTemporaryDir dir;
    const QString path = dir.filePath(u"Secret.md"_qs);
    QVERIFY(writeFile(path, "# Secret\n"));
    QVERIFY(::chmod(QFile::encodeName(path).constData(), 0) == 0);

    const Note note = Vault::readNote(path);
    QVERIFY(!note.parsed);
    QCOMPARE(note.title, u"Secret"_qs);
    QCOMPARE(note.diagnostics.size(), 1);
    QVERIFY2(note.diagnostics.constFirst().message.startsWith(u"cannot read: "_qs),
             qPrintable(note.diagnostics.constFirst().message));
    QVERIFY(note.diagnostics.constFirst().message.size() > 13); // the reason follows

    ::chmod(QFile::encodeName(path).constData(), 0600); // so that QTemporaryDir can clean up
}

void TestVault::unreadableFolder()
{
    if (::geteuid() == 0)
        QSKIP("root can read a folder whatever its permissions");
    QTemporaryDir dir;
    QVERIFY(makeLayout(dir.path(), {u"f:vault/a.md"_qs, u"f:vault/locked/b.md"_qs}));
    const QString locked = dir.filePath(u"vault/locked"_qs);
    QVERIFY(::chmod(QFile::encodeName(locked).constData(), 0) == 0);

    QList<Diagnostic> problems;
    const QStringList found = Vault::findNotes(dir.filePath(u"vault"_qs), &problems);
    ::chmod(QFile::encodeName(locked).constData(), 0700); // so that QTemporaryDir can clean up
    QCOMPARE(found, QStringList{dir.filePath(u"vault/a.md"_qs)});
    QCOMPARE(problems.size(), 1);
    QVERIFY2(problems.constFirst().message.contains(locked), qPrintable(problems.constFirst().message));
}

void TestVault::fileNameNotUtf8_data()
{
    QTest::addColumn<QByteArray>("name");
    QTest::addColumn<bool>("folder");
    QTest::addColumn<bool>("warned");
    QTest::addColumn<int>("listed");
    QTest::addColumn<QString>("shown");
    QTest::newRow("Latin-1 e acute") << QByteArray("caf\xe9.md") << false << true << 1 << u"/caf\\xE9.md'"_qs;
    QTest::newRow("cut UTF-8 sequence") << QByteArray("notes-\xe2\x82 \xc3\xa9.md") << false << true << 1
                                        << u"/notes-\\xE2\\x82 \u00e9.md'"_qs;
    QTest::newRow("folder not UTF-8") << QByteArray("r\xe9union") << true << true << 1 << u"/r\\xE9union'"_qs;
    QTest::newRow("image not UTF-8 is no note") << QByteArray("photo-\xe9.png") << false << false << 1 << QString();
    QTest::newRow("dot-file not UTF-8 is skipped") << QByteArray(".caf\xe9.md") << false << false << 1 << QString();
    QTest::newRow("valid UTF-8 is listed") << QByteArray("caf\xc3\xa9.md") << false << false << 2 << QString();
    QTest::newRow("a real U+FFFD in the name is listed")
        << QByteArray("odd-\xef\xbf\xbd.md") << false << false << 2 << QString();
}

// Such names come from other systems' archives; Qt cannot open them, so the user is told which.
void TestVault::fileNameNotUtf8()
{
    QFETCH(QByteArray, name);
    QFETCH(bool, folder);
    QFETCH(bool, warned);
    QFETCH(int, listed);
    QFETCH(QString, shown);
    QTemporaryDir dir;
    QVERIFY(writeFile(dir.filePath(u"a.md"_qs), "# Note\n"));
    const RawName entry(dir.path(), name, folder);
    QVERIFY(entry.made());

    QList<Diagnostic> problems;
    const QStringList found = Vault::findNotes(dir.path(), &problems);
    QCOMPARE(found.size(), listed);
    QVERIFY(found.contains(dir.filePath(u"a.md"_qs)));
    if (warned) {
        QCOMPARE(problems.size(), 1);
        QCOMPARE(problems.constFirst().severity, Diagnostic::Severity::Warning);
        const QString message = problems.constFirst().message;
        QVERIFY2(message.contains(u"not valid UTF-8"_qs), qPrintable(message));
        QVERIFY2(message.contains(dir.path() + shown), qPrintable(message));
    } else {
        QCOMPARE(problems.size(), 0);
    }
}

void TestVault::linkNameNotUtf8_data()
{
    QTest::addColumn<QByteArray>("target");
    QTest::addColumn<bool>("warned");
    QTest::newRow("link to a folder is a folder") << QByteArray("real") << true;
    QTest::newRow("link to a note is a note") << QByteArray("a.md") << true;
    QTest::newRow("dangling link is nothing") << QByteArray("gone") << false;
}

// Judged through the link, as the walk judges the entries it can spell.
void TestVault::linkNameNotUtf8()
{
    QFETCH(QByteArray, target);
    QFETCH(bool, warned);
    QTemporaryDir dir;
    QVERIFY(writeFile(dir.filePath(u"a.md"_qs), "# Note\n"));
    QVERIFY(QDir(dir.path()).mkdir(u"real"_qs));
    const QByteArray link = QFile::encodeName(dir.path()) + "/li\xe9n.md";
    QVERIFY(::symlink(target.constData(), link.constData()) == 0);
    const auto cleanup = qScopeGuard([&] { ::unlink(link.constData()); });

    QList<Diagnostic> problems;
    Vault::findNotes(dir.path(), &problems);
    QCOMPARE(problems.size(), warned ? 1 : 0);
}

void TestVault::stamp()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"2026-01-02 Note.md"_qs);
    const QByteArray bytes = "# Stamped\n\n## Summary\nText.\n";
    QVERIFY(writeFile(path, bytes));

    const Note note = Vault::readNote(path);
    QVERIFY(note.parsed);
    QCOMPARE(note.path, path);
    QCOMPARE(note.stamp.size, bytes.size());
    QCOMPARE(note.stamp.hash, FileStamp::contentHash(bytes));
    QCOMPARE(note.stamp.modifiedMsecs, QFileInfo(path).lastModified().toMSecsSinceEpoch());
}

void TestVault::resolveLink_data()
{
    QTest::addColumn<QStringList>("notes"); // vault-relative paths
    QTest::addColumn<QString>("target");
    QTest::addColumn<QString>("expected"); // vault-relative path, empty when unresolved

    const QStringList people{u"People/Ann Lee.md"_qs, u"Meetings/2026-06-04 Kickoff.md"_qs};
    QTest::newRow("base name") << people << u"Ann Lee"_qs << u"People/Ann Lee.md"_qs;
    QTest::newRow("case-insensitive") << people << u"ann LEE"_qs << u"People/Ann Lee.md"_qs;
    QTest::newRow(".md suffix") << people << u"Ann Lee.md"_qs << u"People/Ann Lee.md"_qs;
    QTest::newRow(".MD suffix") << people << u"Ann Lee.MD"_qs << u"People/Ann Lee.md"_qs;
    QTest::newRow("full vault path") << people << u"Meetings/2026-06-04 Kickoff"_qs
                                     << u"Meetings/2026-06-04 Kickoff.md"_qs;
    QTest::newRow("unresolved") << people << u"Nobody"_qs << QString();
    QTest::newRow("part of a name is no match") << people << u"Lee"_qs << QString();
    QTest::newRow("empty target") << people << QString() << QString();
    QTest::newRow("upper-case file, lower-case link")
        << QStringList{u"NOTES/Plan.MD"_qs} << u"plan"_qs << u"NOTES/Plan.MD"_qs;
    QTest::newRow("shortest path wins") << QStringList{u"a/b/c/Note.md"_qs, u"x/Note.md"_qs, u"deep/er/Note.md"_qs}
                                        << u"Note"_qs << u"x/Note.md"_qs;
    QTest::newRow("root beats any folder")
        << QStringList{u"a/Note.md"_qs, u"Note.md"_qs} << u"Note"_qs << u"Note.md"_qs;
    QTest::newRow("equal length: alphabetical")
        << QStringList{u"b/Note.md"_qs, u"a/Note.md"_qs} << u"Note"_qs << u"a/Note.md"_qs;
    QTest::newRow("Folder/Target picks that folder")
        << QStringList{u"a/Note.md"_qs, u"b/Note.md"_qs} << u"b/Note"_qs << u"b/Note.md"_qs;
    QTest::newRow("Folder/Target below other folders")
        << QStringList{u"x/y/b/Note.md"_qs, u"a/Note.md"_qs} << u"b/Note"_qs << u"x/y/b/Note.md"_qs;
    QTest::newRow("Folder/Target matches whole folder names")
        << QStringList{u"xb/Note.md"_qs} << u"b/Note"_qs << QString();
    QTest::newRow("Folder/Target case-insensitive, with .md")
        << QStringList{u"People/Ann Lee.md"_qs} << u"people/ann lee.md"_qs << u"People/Ann Lee.md"_qs;
    QTest::newRow("leading slash") << people << u"/People/Ann Lee"_qs << u"People/Ann Lee.md"_qs;
    QTest::newRow("other extension is no note") << QStringList{u"Diagram.md"_qs} << u"Diagram.png"_qs << QString();
}

void TestVault::resolveLink()
{
    QFETCH(QStringList, notes);
    QFETCH(QString, target);
    QFETCH(QString, expected);
    QTemporaryDir dir;
    for (const QString &note : notes)
        QVERIFY(writeFile(dir.filePath(note), "# Note\n"));

    // Listing the vault is enough to resolve links.
    const Vault vault = Vault::namesOnly(dir.path());
    QVERIFY(vault.isValid());
    const QString resolved = vault.resolveLink(target);
    QCOMPARE(resolved.isEmpty() ? QString() : QDir(dir.path()).relativeFilePath(resolved), expected);
}

void TestVault::loadSampleVault()
{
    const QString root = QStringLiteral(DEBRIEF_SAMPLE_VAULT);
    int lastDone = -1;
    int lastTotal = -1;
    std::atomic<int> calls = 0;
    const Vault vault = Vault::load(root, [&](int done, int total) {
        ++calls;
        if (done == total) { // the last call; others may come from several threads
            lastDone = done;
            lastTotal = total;
        }
    });
    QVERIFY(vault.isValid());
    QVERIFY2(vault.diagnostics().isEmpty(), qPrintable(vault.diagnostics().value(0).message));
    QCOMPARE(vault.notes().size(), 13);
    QCOMPARE(lastDone, 13);
    QCOMPARE(lastTotal, 13);
    QCOMPARE(calls.load(), 14); // 0 of 13, then once per note

    for (const Note &note : vault.notes()) {
        QVERIFY2(note.parsed, qPrintable(note.path));
        QVERIFY2(!note.path.contains(u"/.obsidian/"_qs), qPrintable(note.path));
        QVERIFY(note.stamp.isValid());
    }

    const Note *kickoff = vault.note(root + u"/Meetings/2026-06-04 Project Atlas kickoff.md"_qs);
    QVERIFY(kickoff);
    QCOMPARE(kickoff->title, u"Project Atlas kickoff"_qs);
    QCOMPARE(kickoff->date, QDate(2026, 6, 4));
    QCOMPARE(kickoff->actionItems.size(), 5);
    QHash<QString, QString> resolved;
    for (const Link &link : kickoff->links)
        resolved.insert(link.target, link.resolvedPath);
    QCOMPARE(resolved.value(u"Ann Lee"_qs), root + u"/People/Ann Lee.md"_qs);
    QCOMPARE(resolved.value(u"Project Atlas"_qs), root + u"/Projects/Project Atlas.md"_qs);
    QCOMPARE(resolved.value(u"Inbox/Transcripts/2026-06-04 - Atlas kickoff"_qs),
             root + u"/Inbox/Transcripts/2026-06-04 - Atlas kickoff.md"_qs);

    const Note *retro = vault.note(root + u"/Meetings/2026-11-05 Pilot retrospective.md"_qs);
    QVERIFY(retro);
    bool sawUnresolved = false;
    for (const Link &link : retro->links) {
        if (link.target == u"Battery plan")
            sawUnresolved = link.resolvedPath.isEmpty();
        if (link.target == u"Meetings/2026-08-20 Vendor selection")
            QCOMPARE(link.resolvedPath, root + u"/Meetings/2026-08-20 Vendor selection.md"_qs);
    }
    QVERIFY(sawUnresolved);

    // The mojibake note reads as if it were clean.
    const Note *pricing = vault.note(root + u"/Meetings/2026-07-15 Pilot pricing review.md"_qs);
    QVERIFY(pricing);
    QVERIFY(pricing->hasMojibake);
    QVERIFY(!pricing->actionItems.isEmpty());
    const ActionItem &first = pricing->actionItems.constFirst();
    QCOMPARE(first.status, TaskStatus::Proposed);
    QCOMPARE(first.owner, u"Tom\u00e1s Ortega"_qs);
    QCOMPARE(first.due, QDate(2026, 12, 4));
    QCOMPARE(first.priority, Priority::High);
}

void TestVault::loadWithSymlinkLoop()
{
    QTemporaryDir dir;
    QVERIFY(makeLayout(
        dir.path(),
        {u"f:vault/a/One.md"_qs, u"f:vault/Two.md"_qs, u"l:vault/a/up=>.."_qs, u"l:vault/a/again=>../a"_qs}));
    const Vault vault = Vault::load(dir.filePath(u"vault"_qs));
    QCOMPARE(vault.notes().size(), 2);
}

void TestVault::reloadAndRemove()
{
    QTemporaryDir dir;
    const QString a = dir.filePath(u"A.md"_qs);
    const QString b = dir.filePath(u"sub/B.md"_qs);
    QVERIFY(writeFile(a, "# A\n\nSee [[B]].\n"));
    Vault vault = Vault::load(dir.path());
    QCOMPARE(vault.notes().size(), 1);
    QCOMPARE(vault.note(a)->links.size(), 1);
    QVERIFY(vault.note(a)->links.constFirst().resolvedPath.isEmpty());

    // A new note: added in path order, and links elsewhere now reach it.
    QVERIFY(writeFile(b, "# B\n"));
    vault.reloadNote(b);
    QCOMPARE(vault.notes().size(), 2);
    QCOMPARE(vault.notes().at(1).path, b);
    QCOMPARE(vault.note(a)->links.constFirst().resolvedPath, b);

    // A changed note is read again.
    QVERIFY(writeFile(a, "# A changed\n"));
    vault.reloadNote(a);
    QCOMPARE(vault.notes().size(), 2);
    QCOMPARE(vault.note(a)->title, u"A changed"_qs);
    QVERIFY(vault.note(a)->links.isEmpty());

    // Removed: by removeNote, or by reloadNote once the file is gone.
    vault.removeNote(b);
    QCOMPARE(vault.notes().size(), 1);
    QVERIFY(!vault.note(b));
    QFile::remove(a);
    vault.reloadNote(a);
    QVERIFY(vault.notes().isEmpty());
}

void TestVault::linksElsewhere_data()
{
    QTest::addColumn<QStringList>("notes");   // vault-relative paths besides From.md
    QTest::addColumn<QString>("target");      // the link in From.md
    QTest::addColumn<QStringList>("changes"); // "+path" writes a note, "-path" deletes it
    QTest::addColumn<QString>("before");      // what the link resolves to, vault-relative
    QTest::addColumn<QString>("after");

    QTest::newRow("added: captures an unresolved link")
        << QStringList{} << u"Ann"_qs << QStringList{u"+People/Ann.md"_qs} << QString() << u"People/Ann.md"_qs;
    QTest::newRow("added: a shorter path wins") << QStringList{u"deep/x/Ann.md"_qs} << u"Ann"_qs
                                                << QStringList{u"+Ann.md"_qs} << u"deep/x/Ann.md"_qs << u"Ann.md"_qs;
    QTest::newRow("added: a longer path does not")
        << QStringList{u"a/Ann.md"_qs} << u"Ann"_qs << QStringList{u"+b/c/Ann.md"_qs} << u"a/Ann.md"_qs
        << u"a/Ann.md"_qs;
    QTest::newRow("added: equal length, alphabetically first")
        << QStringList{u"b/Ann.md"_qs} << u"Ann"_qs << QStringList{u"+a/Ann.md"_qs} << u"b/Ann.md"_qs << u"a/Ann.md"_qs;
    QTest::newRow("added: equal length, alphabetically later")
        << QStringList{u"a/Ann.md"_qs} << u"Ann"_qs << QStringList{u"+b/Ann.md"_qs} << u"a/Ann.md"_qs << u"a/Ann.md"_qs;
    QTest::newRow("added: other case and .md in the link")
        << QStringList{} << u"/ann.MD"_qs << QStringList{u"+ANN.md"_qs} << QString() << u"ANN.md"_qs;
    QTest::newRow("added: Folder/Target only in that folder")
        << QStringList{u"x/Ann.md"_qs} << u"y/Ann"_qs << QStringList{u"+y/Ann.md"_qs} << QString() << u"y/Ann.md"_qs;
    QTest::newRow("added: Folder/Target elsewhere is no match")
        << QStringList{u"y/Ann.md"_qs} << u"y/Ann"_qs << QStringList{u"+Ann.md"_qs} << u"y/Ann.md"_qs << u"y/Ann.md"_qs;
    QTest::newRow("added: another name leaves it")
        << QStringList{} << u"Ann"_qs << QStringList{u"+Anna.md"_qs} << QString() << QString();
    QTest::newRow("removed: falls back to the next shortest")
        << QStringList{u"Ann.md"_qs, u"a/Ann.md"_qs, u"bb/Ann.md"_qs} << u"Ann"_qs << QStringList{u"-Ann.md"_qs}
        << u"Ann.md"_qs << u"a/Ann.md"_qs;
    QTest::newRow("removed: the last one leaves it unresolved")
        << QStringList{u"p/Ann.md"_qs} << u"Ann.md"_qs << QStringList{u"-p/Ann.md"_qs} << u"p/Ann.md"_qs << QString();
    QTest::newRow("removed: another candidate leaves it")
        << QStringList{u"Ann.md"_qs, u"a/Ann.md"_qs} << u"Ann"_qs << QStringList{u"-a/Ann.md"_qs} << u"Ann.md"_qs
        << u"Ann.md"_qs;
    QTest::newRow("removed: another name leaves it") << QStringList{u"Ann.md"_qs, u"Bob.md"_qs} << u"Ann"_qs
                                                     << QStringList{u"-Bob.md"_qs} << u"Ann.md"_qs << u"Ann.md"_qs;
    QTest::newRow("renamed: moved deeper, another now wins")
        << QStringList{u"Ann.md"_qs, u"a/Ann.md"_qs} << u"Ann"_qs << QStringList{u"-Ann.md"_qs, u"+z/z/Ann.md"_qs}
        << u"Ann.md"_qs << u"a/Ann.md"_qs;
    QTest::newRow("renamed: to another name") << QStringList{u"Ann.md"_qs} << u"Ann"_qs
                                              << QStringList{u"-Ann.md"_qs, u"+Bob.md"_qs} << u"Ann.md"_qs << QString();
    QTest::newRow("renamed: to the linked name")
        << QStringList{u"Bob.md"_qs} << u"Ann"_qs << QStringList{u"-Bob.md"_qs, u"+q/Ann.md"_qs} << QString()
        << u"q/Ann.md"_qs;
}

void TestVault::linksElsewhere()
{
    QFETCH(QStringList, notes);
    QFETCH(QString, target);
    QFETCH(QStringList, changes);
    QFETCH(QString, before);
    QFETCH(QString, after);
    QTemporaryDir dir;
    const QString from = dir.filePath(u"From.md"_qs);
    QVERIFY(writeFile(from, "# From\n\nSee [[" + target.toUtf8() + "]] and [[Ann]] and [[#Top]].\n"));
    for (const QString &note : notes)
        QVERIFY(writeFile(dir.filePath(note), "# Note\n\nBack to [[From]], on to [[Ann]].\n"));
    Vault vault = Vault::load(dir.path());
    auto resolved = [&](const Vault &v) {
        const QString path = v.note(from)->links.constFirst().resolvedPath;
        return path.isEmpty() ? QString() : QDir(dir.path()).relativeFilePath(path);
    };
    QCOMPARE(resolved(vault), before);

    for (const QString &change : changes) {
        const QString path = dir.filePath(change.mid(1));
        if (change.startsWith(u'+'))
            QVERIFY(writeFile(path, "# New\n\nSee [[From]] and [[Ann]].\n"));
        else
            QVERIFY(QFile::remove(path));
        vault.reloadNote(path);
    }
    QCOMPARE(resolved(vault), after);

    // Every link of every note, as a fresh load resolves it.
    const Vault fresh = Vault::load(dir.path());
    QCOMPARE(vault.notes().size(), fresh.notes().size());
    for (qsizetype i = 0; i < fresh.notes().size(); ++i) {
        QCOMPARE(vault.notes().at(i).path, fresh.notes().at(i).path);
        QCOMPARE(vault.notes().at(i).links, fresh.notes().at(i).links);
    }
    QCOMPARE(resolved(fresh), after);
}

QTEST_GUILESS_MAIN(TestVault)
#include "tst_vault.moc"
