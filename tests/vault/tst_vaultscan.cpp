// VaultScan decides whether a cached search index is fresh: every note once, with the size and
// modification time the file system reports, in byte order of its path, whatever the folder
// layout (one big folder, stats on several threads; more folders than descriptors kept open).

#include "testfiles.h"
#include "vault/vaultscan.h"

#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

#include <sys/resource.h>

using namespace debrief;
using namespace debrief::test;

namespace {

// What scan() must report, the slow way: QDirIterator and QFileInfo.
QList<VaultScan::File> expectedFiles(const QString &root)
{
    QList<VaultScan::File> files;
    const QDir dir(root);
    QDirIterator it(root, QDir::Files, QDirIterator::Subdirectories | QDirIterator::FollowSymlinks);
    while (it.hasNext()) {
        const QFileInfo info(it.next());
        const QString relative = dir.relativeFilePath(info.filePath());
        if (relative.startsWith(u'.') || relative.contains(QStringLiteral("/.")) || !info.isFile()
            || !relative.endsWith(QStringLiteral(".md"), Qt::CaseInsensitive)) {
            continue;
        }
        files.append({relative.toUtf8(), info.size(), info.lastModified().toMSecsSinceEpoch()});
    }
    std::sort(files.begin(), files.end(),
              [](const VaultScan::File &a, const VaultScan::File &b) { return a.relativePath < b.relativePath; });
    return files;
}

QByteArray noteBytes(int n)
{
    // Sizes differ from note to note, so a size reported for the wrong file shows.
    return QByteArray("# Note ") + QByteArray::number(n) + '\n' + QByteArray(n % 97, 'x');
}

} // namespace

class TestVaultScan : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void layouts_data()
    {
        QTest::addColumn<int>("folders");
        QTest::addColumn<int>("notesPerFolder");
        QTest::addColumn<int>("depth");

        QTest::newRow("empty vault") << 0 << 0 << 1;
        QTest::newRow("a few notes, one folder") << 1 << 5 << 1;
        QTest::newRow("one big folder, stats on several threads") << 1 << 2000 << 1;
        QTest::newRow("more folders than descriptors kept open") << 300 << 3 << 1;
        QTest::newRow("deep folders past the descriptor limit") << 280 << 2 << 3;
    }

    void layouts()
    {
        QFETCH(int, folders);
        QFETCH(int, notesPerFolder);
        QFETCH(int, depth);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        int n = 0;
        for (int f = 0; f < folders; ++f) {
            QString folder = dir.path();
            for (int d = 0; d < depth; ++d)
                folder += QStringLiteral("/f%1-%2").arg(f).arg(d);
            for (int i = 0; i < notesPerFolder; ++i, ++n)
                QVERIFY(writeFile(folder + QStringLiteral("/note %1.md").arg(i), noteBytes(n)));
        }
        bool ok = false;
        const QList<VaultScan::File> files = VaultScan::stampNotes(dir.path(), &ok);
        QVERIFY(ok);
        QCOMPARE(files.size(), n);
        QCOMPARE(files, expectedFiles(dir.path()));
    }

    // With few descriptors to spare, notes are stat'ed from the root and none is lost; a folder
    // that cannot be opened at all makes the scan fail rather than look empty (its notes would
    // otherwise look deleted to the search index).
    void descriptorLimit_data()
    {
        QTest::addColumn<int>("limit");
        QTest::addColumn<int>("folders");
        QTest::addColumn<int>("depth");
        QTest::addColumn<bool>("complete");

        QTest::newRow("many folders, few descriptors") << 48 << 300 << 1 << true;
        QTest::newRow("folders nested deeper than the descriptors go") << 24 << 1 << 40 << false;
    }

    void descriptorLimit()
    {
        QFETCH(int, limit);
        QFETCH(int, folders);
        QFETCH(int, depth);
        QFETCH(bool, complete);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        int n = 0;
        for (int f = 0; f < folders; ++f) {
            QString folder = dir.path();
            for (int d = 0; d < depth; ++d) {
                folder += QStringLiteral("/f%1-%2").arg(f).arg(d);
                QVERIFY(writeFile(folder + QStringLiteral("/note.md"), noteBytes(n++)));
            }
        }
        const QList<VaultScan::File> expected = expectedFiles(dir.path());
        QCOMPARE(expected.size(), n);

        struct rlimit saved;
        QCOMPARE(getrlimit(RLIMIT_NOFILE, &saved), 0);
        struct rlimit lowered = saved;
        lowered.rlim_cur = rlim_t(limit);
        QCOMPARE(setrlimit(RLIMIT_NOFILE, &lowered), 0);
        bool ok = !complete;
        const QList<VaultScan::File> files = VaultScan::stampNotes(dir.path(), &ok);
        QCOMPARE(setrlimit(RLIMIT_NOFILE, &saved), 0);
        QCOMPARE(ok, complete);
        if (complete)
            QCOMPARE(files, expected);
    }

    void entriesThatAreNotNotes()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString root = dir.path();
        QVERIFY(writeFile(root + QStringLiteral("/a.md"), "a"));
        QVERIFY(writeFile(root + QStringLiteral("/UPPER.MD"), "upper"));
        QVERIFY(writeFile(root + QStringLiteral("/notes.txt"), "text"));
        QVERIFY(writeFile(root + QStringLiteral("/.hidden.md"), "hidden"));
        QVERIFY(writeFile(root + QStringLiteral("/.obsidian/workspace.md"), "hidden folder"));
        QVERIFY(writeFile(root + QStringLiteral("/folder.md/inside.md"), "a folder named like a note"));
        QVERIFY(writeFile(root + QStringLiteral("/target/b.md"), "bb"));
        QVERIFY(QFile::link(root + QStringLiteral("/a.md"), root + QStringLiteral("/link to a.md")));
        QVERIFY(QFile::link(root + QStringLiteral("/missing.md"), root + QStringLiteral("/dangling.md")));
        QVERIFY(QFile::link(root + QStringLiteral("/target"), root + QStringLiteral("/linked folder")));
        QVERIFY(QFile::link(root, root + QStringLiteral("/target/loop"))); // a symlink loop

        bool ok = false;
        const QList<VaultScan::File> files = VaultScan::stampNotes(root, &ok);
        QVERIFY(ok);
        QStringList paths;
        for (const VaultScan::File &file : files)
            paths.append(QString::fromUtf8(file.relativePath));
        // The folder reached twice (its own name and a link) is walked once, under the name
        // met first in byte order; the loop back to the root is not followed.
        QCOMPARE(paths,
                 (QStringList{QStringLiteral("UPPER.MD"), QStringLiteral("a.md"), QStringLiteral("folder.md/inside.md"),
                              QStringLiteral("link to a.md"), QStringLiteral("linked folder/b.md")}));
        QCOMPARE(files.at(3).size, 1);
        QCOMPARE(files.at(4).size, 2);
    }

    void missingRoot()
    {
        QTemporaryDir dir;
        bool ok = true;
        QVERIFY(VaultScan::stampNotes(dir.path() + QStringLiteral("/nowhere"), &ok).isEmpty());
        QVERIFY(!ok);
    }

    // Qt cannot open them, so they would be read as missing notes: named instead, as the
    // folder walk names them (Vault::findNotes), so that search can warn.
    void namesNotUtf8()
    {
        QTemporaryDir dir;
        QVERIFY(writeFile(dir.path() + QStringLiteral("/sub/ok.md"), "# ok\n"));
        const RawName note(dir.path(), "sub/caf\xe9.md");
        const RawName folder(dir.path(), "r\xe9union", true);
        const RawName image(dir.path(), "photo\xe9.png");
        QVERIFY(note.made() && folder.made() && image.made());

        bool ok = false;
        QStringList unspellable;
        const QList<VaultScan::File> files = VaultScan::stampNotes(dir.path(), &ok, &unspellable);
        QVERIFY(ok);
        QCOMPARE(files.size(), 1);
        QCOMPARE(files.constFirst().relativePath, QByteArray("sub/ok.md"));
        unspellable.sort();
        QCOMPARE(unspellable, (QStringList{QStringLiteral("r\\xE9union"), QStringLiteral("sub/caf\\xE9.md")}));
    }

    void statOfOneFile()
    {
        QTemporaryDir dir;
        QVERIFY(writeFile(dir.path() + QStringLiteral("/sub/n.md"), "12345"));
        const VaultScan::File file = VaultScan::stat(dir.path(), "sub/n.md");
        QCOMPARE(file.size, 5);
        QCOMPARE(VaultScan::stampNotes(dir.path()), QList<VaultScan::File>{file});
        QCOMPARE(VaultScan::stat(dir.path(), "sub/gone.md").size, -1);
    }
};

QTEST_GUILESS_MAIN(TestVaultScan)
#include "tst_vaultscan.moc"
