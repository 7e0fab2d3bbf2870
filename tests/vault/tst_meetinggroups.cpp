// MeetingGroups: which notes record the same meeting (same date, and the same source or most
// of the same participants), with the near misses that must stay apart.
#include "testfiles.h"
#include "vault/meetinggroups.h"
#include "vault/vault.h"

#include <QDir>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace debrief;
using namespace debrief::test;

namespace {

// A note in the shape pipelines write. `extra` is frontmatter lines; `body` follows the title.
QByteArray note(const char *date, const QByteArray &extra, const char *body = "")
{
    QByteArray text = "---\ntype: people\n";
    if (*date)
        text += QByteArray("date: '") + date + "'\n";
    text += extra;
    text += "---\n\n# A meeting\n\n## Summary\n\nWe met.\n\n";
    text += body;
    return text;
}

// "a.md+b.md: reason" for each group, paths relative to the vault.
QStringList describe(const QString &root, const QList<MeetingGroup> &groups)
{
    QStringList out;
    for (const MeetingGroup &group : groups) {
        QStringList names;
        for (const QString &path : group.paths)
            names.append(QDir(root).relativeFilePath(path));
        out.append(names.join(u'+') + QStringLiteral(": ") + group.reason);
    }
    return out;
}

} // namespace

class TestMeetingGroups final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void groups_data();
    void groups();
    void vaultInsideTranscriptsFolder();
    void sourceKey_data();
    void sourceKey();
    void seeds();
};

using Files = QList<std::pair<QByteArray, QByteArray>>; // file name (UTF-8), bytes

void TestMeetingGroups::groups_data()
{
    QTest::addColumn<Files>("files");
    QTest::addColumn<QStringList>("expected");

    const QByteArray annBo = "participants:\n- Ann Lee\n- Bo Chen\n";
    const QByteArray cyDee = "participants: [Cy Park, Dee Ruiz]\n";

    QTest::newRow("source_ref in two folders")
        << Files{{"a.md", note("2025-03-04", "source_ref: Inbox/_archive/2025-03-04 - Call.md\n" + annBo)},
                 {"b.md", note("2025-03-04", "source_ref: /home/u/Transcripts/2025/2025-03-04 - Call.md\n" + cyDee)}}
        << QStringList{QStringLiteral("a.md+b.md: same source: 2025-03-04 - Call")};
    QTest::newRow("folded source_ref, quoted one")
        << Files{{"a.md",
                  note("2025-03-04", "source_ref: Inbox/2025-03-04 - Weekly call about the\n  launch plan.md\n")},
                 {"b.md", note("2025-03-04", "source_ref: \"2025-03-04 - Weekly call about the launch plan.md\"\n")}}
        << QStringList{QStringLiteral("a.md+b.md: same source: 2025-03-04 - Weekly call about the launch plan")};
    QTest::newRow("Source line and source_ref")
        << Files{{"a.md",
                  note("2025-03-04", annBo, "---\n\n*Source: [[Inbox/Transcripts/2025-03-04 - Call|the call]]*\n")},
                 {"b.md", note("2025-03-04", "source_ref: 2025-03-04 - Call.md\n" + cyDee)}}
        << QStringList{QStringLiteral("a.md+b.md: same source: 2025-03-04 - Call")};
    QTest::newRow("Source line: bare name and name in a folder with .md")
        << Files{{"a.md", note("2025-03-04", "", "*Source: [[2025-03-04 - Call]]*\n")},
                 {"b.md", note("2025-03-04", "", "*Source: [[Inbox/Transcripts/2025-03-04 - Call.md|x]]*\n")}}
        << QStringList{QStringLiteral("a.md+b.md: same source: 2025-03-04 - Call")};
    QTest::newRow("source names differ in case and accents")
        << Files{{"a.md", note("2025-03-04", "source_ref: Réunion Équipe.md\n")},
                 {"b.md", note("2025-03-04", "source_ref: reunion equipe.md\n")}}
        << QStringList{QStringLiteral("a.md+b.md: same source: Réunion Équipe")};
    QTest::newRow("link to a note in Transcripts")
        << Files{{"a.md", note("2025-03-04", annBo, "See [[2025-03-04 Planning]].\n")},
                 {"b.md", note("2025-03-04", cyDee, "- [[Transcripts/2025-03-04 Planning]]\n")},
                 {"Transcripts/2025-03-04 Planning.md", "Ann: hello\n"}}
        << QStringList{QStringLiteral("a.md+b.md: same source: 2025-03-04 Planning")};
    QTest::newRow("link to a note of type transcript")
        << Files{{"a.md", note("2025-03-04", annBo, "See [[raw call]].\n")},
                 {"b.md", note("2025-03-04", cyDee, "See [[Raw Call]].\n")},
                 {"Archive/raw call.md", "---\ntype: transcript\n---\nAnn: hello\n"}}
        << QStringList{QStringLiteral("a.md+b.md: same source: raw call")};
    QTest::newRow("near miss: a shared link to a person is no source")
        << Files{{"a.md", note("2025-03-04", annBo, "## Related\n\n- [[Ann Lee]]\n")},
                 {"b.md", note("2025-03-04", cyDee, "## Related\n\n- [[Ann Lee]]\n")},
                 {"People/Ann Lee.md", "# Ann Lee\n"}}
        << QStringList{};
    QTest::newRow("near miss: a note named transcript is in no Transcripts folder")
        << Files{{"a.md", note("2025-03-04", annBo, "See [[Transcript template]].\n")},
                 {"b.md", note("2025-03-04", cyDee, "See [[Transcript template]].\n")},
                 {"Transcript template.md", "# How we write transcripts\n"}}
        << QStringList{};
    QTest::newRow("near miss: same source, another date")
        << Files{{"a.md", note("2025-03-04", "source_ref: 2025-03-04 - Call.md\n")},
                 {"b.md", note("2025-03-05", "source_ref: 2025-03-04 - Call.md\n")}}
        << QStringList{};
    QTest::newRow("near miss: sources differ after a dot")
        << Files{{"a.md", note("2025-03-04", "source_ref: Call v1.2 notes.md\n")},
                 {"b.md", note("2025-03-04", "source_ref: Call v1.md\n")}}
        << QStringList{};
    QTest::newRow("same participants in another order")
        << Files{{"a.md", note("2025-03-04", annBo)},
                 {"b.md", note("2025-03-04", "participants: [\"Bo Chen\", \"Ann Lee\"]\n")}}
        << QStringList{QStringLiteral("a.md+b.md: same participants: Ann Lee, Bo Chen")};
    QTest::newRow("participants: case and diacritics")
        << Files{{"a.md", note("2025-03-04", "participants: [Zoë Dubois, RENÉ ILIĆ]\n")},
                 {"b.md", note("2025-03-04", "participants: [zoe dubois, René Ilic]\n")}}
        << QStringList{QStringLiteral("a.md+b.md: same participants: Zoë Dubois, RENÉ ILIĆ")};
    QTest::newRow("participants from the With line and wikilinks")
        << Files{{"a.md", note("2025-03-04", "", "**With**: [[Ann Lee]], [[People/Bo Chen|Bo Chen]]\n")},
                 {"b.md", note("2025-03-04", annBo)}}
        << QStringList{QStringLiteral("a.md+b.md: same participants: Ann Lee, Bo Chen")};
    QTest::newRow("two of three is most")
        << Files{{"a.md", note("2025-03-04", annBo)},
                 {"b.md", note("2025-03-04", "participants: [Ann Lee, Bo Chen, Cy Park]\n")}}
        << QStringList{QStringLiteral("a.md+b.md: same participants: Ann Lee, Bo Chen")};
    QTest::newRow("near miss: half is not most")
        << Files{{"a.md", note("2025-03-04", annBo)},
                 {"b.md", note("2025-03-04", "participants: [Ann Lee, Cy Park]\n")}}
        << QStringList{};
    QTest::newRow("near miss: two of five is not most")
        << Files{{"a.md", note("2025-03-04", annBo)},
                 {"b.md", note("2025-03-04", "participants: [Ann Lee, Bo Chen, Cy Park, Dee Ruiz, Eve Kaya]\n")}}
        << QStringList{};
    QTest::newRow("near miss: same date, different people")
        << Files{{"a.md", note("2025-03-04", annBo)}, {"b.md", note("2025-03-04", cyDee)}} << QStringList{};
    QTest::newRow("near miss: same people, another date")
        << Files{{"a.md", note("2025-03-04", annBo)}, {"b.md", note("2025-03-11", annBo)}} << QStringList{};
    QTest::newRow("near miss: empty person and participants are no evidence")
        << Files{{"a.md", note("2025-03-04", "person: \"\"\nparticipants: []\n")},
                 {"b.md", note("2025-03-04", "person: \"\"\nparticipants: []\n")}}
        << QStringList{};
    QTest::newRow("near miss: empty person beside different participants")
        << Files{{"a.md", note("2025-03-04", "person: \"\"\nparticipants: [Ann Lee]\n")},
                 {"b.md", note("2025-03-04", "person: \"\"\nparticipants: [Bo Chen]\n")}}
        << QStringList{};
    QTest::newRow("person counts as a participant")
        << Files{{"a.md", note("2025-03-04", "person: Ann Lee\n")},
                 {"b.md", note("2025-03-04", "participants: [Ann Lee]\n")}}
        << QStringList{QStringLiteral("a.md+b.md: same participants: Ann Lee")};
    QTest::newRow("near miss: no date") << Files{{"a.md", note("", "source_ref: Call.md\n")},
                                                 {"b.md", note("", "source_ref: Call.md\n")}}
                                        << QStringList{};
    QTest::newRow("date from the file name")
        << Files{{"2025-03-04 one.md", "# One\n\n*Source: [[Call]]*\n"},
                 {"2025-03-04 two.md", "# Two\n\n*Source: [[Call]]*\n"}}
        << QStringList{QStringLiteral("2025-03-04 one.md+2025-03-04 two.md: same source: Call")};
    QTest::newRow("joined through a third note, two meetings that day")
        << Files{{"a.md", note("2025-03-04", "source_ref: Call.md\n" + annBo)},
                 {"b.md", note("2025-03-04", annBo)},
                 {"c.md", note("2025-03-04", "source_ref: Call.md\n")},
                 {"d.md", note("2025-03-04", cyDee)},
                 {"e.md", note("2025-03-04", "participants: [Dee Ruiz, Cy Park]\n")},
                 {"f.md", note("2025-03-05", annBo)}}
        << QStringList{QStringLiteral("a.md+b.md+c.md: same source: Call; same participants: Ann Lee, Bo Chen"),
                       QStringLiteral("d.md+e.md: same participants: Cy Park, Dee Ruiz")};
}

void TestMeetingGroups::groups()
{
    QFETCH(Files, files);
    QFETCH(QStringList, expected);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    for (const auto &[name, bytes] : files)
        QVERIFY(writeFile(dir.filePath(QString::fromUtf8(name)), bytes));
    const Vault vault = Vault::load(dir.path());
    QVERIFY(vault.isValid());
    QCOMPARE(describe(dir.path(), MeetingGroups::find(vault.notes(), vault.root())), expected);
}

void TestMeetingGroups::vaultInsideTranscriptsFolder()
{
    // Only folders below the vault's root say "transcript": a vault kept in a folder named
    // Transcripts does not make every link a source.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString root = dir.filePath(QStringLiteral("Transcripts/vault"));
    QVERIFY(writeFile(root + QStringLiteral("/a.md"),
                      note("2025-03-04", "participants: [Ann Lee, Bo Chen]\n", "- [[Ann Lee]]\n")));
    QVERIFY(writeFile(root + QStringLiteral("/b.md"),
                      note("2025-03-04", "participants: [Cy Park, Dee Ruiz]\n", "- [[Ann Lee]]\n")));
    QVERIFY(writeFile(root + QStringLiteral("/People/Ann Lee.md"), "# Ann Lee\n"));
    const Vault vault = Vault::load(root);
    QCOMPARE(vault.notes().size(), 3);
    QCOMPARE(vault.note(root + QStringLiteral("/a.md"))->links.value(0).resolvedPath,
             root + QStringLiteral("/People/Ann Lee.md"));
    QCOMPARE(MeetingGroups::find(vault.notes(), vault.root()), QList<MeetingGroup>{});
}

void TestMeetingGroups::sourceKey_data()
{
    QTest::addColumn<QString>("reference");
    QTest::addColumn<QString>("key");

    QTest::newRow("bare") << QStringLiteral("2025-03-04 - Call") << QStringLiteral("2025-03-04 - call");
    QTest::newRow("folder and .md") << QStringLiteral("Inbox/Transcripts/2025-03-04 - Call.md")
                                    << QStringLiteral("2025-03-04 - call");
    QTest::newRow("absolute, Windows") << QStringLiteral("C:\\Notes\\Call.MD") << QStringLiteral("call");
    QTest::newRow("wikilink with alias and heading")
        << QStringLiteral("[[Transcripts/Call#Start|the call]]") << QStringLiteral("call");
    QTest::newRow("other extension") << QStringLiteral("Call.vtt") << QStringLiteral("call");
    QTest::newRow("dots in the name stay") << QStringLiteral("Call v1.2 notes") << QStringLiteral("call v1.2 notes");
    QTest::newRow("a dotted date stays") << QStringLiteral("Call 2025.03.04") << QStringLiteral("call 2025.03.04");
    QTest::newRow("accents and case") << QStringLiteral("Réunion ÉQUIPE Straße")
                                      << QStringLiteral("reunion equipe strasse");
    QTest::newRow("runs of space") << QStringLiteral("  Call \n  notes ") << QStringLiteral("call notes");
    QTest::newRow("empty") << QString() << QString();
}

void TestMeetingGroups::sourceKey()
{
    QFETCH(QString, reference);
    QFETCH(QString, key);
    QCOMPARE(MeetingGroups::sourceKey(reference), key);
}

void TestMeetingGroups::seeds()
{
    const QStringList seeds = seedPair();
    if (seeds.isEmpty())
        QSKIP("the seed notes are not beside the project");
    // Notes are .md files; the seeds are kept as .txt. A third note of that day stays apart.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(writeFile(dir.filePath(QStringLiteral("a.md")), readFile(seeds[0])));
    QVERIFY(writeFile(dir.filePath(QStringLiteral("b.md")), readFile(seeds[1])));
    QVERIFY(writeFile(dir.filePath(QStringLiteral("c.md")), note("2025-10-30", "participants: [Ann Lee, Bo Chen]\n")));
    const Vault vault = Vault::load(dir.path());
    const QList<MeetingGroup> groups = MeetingGroups::find(vault.notes(), vault.root());
    QCOMPARE(groups.size(), 1);
    QCOMPARE(groups[0].date, QDate(2025, 10, 30));
    QCOMPARE(groups[0].paths,
             (QStringList{dir.filePath(QStringLiteral("a.md")), dir.filePath(QStringLiteral("b.md"))}));
    // Both ways in hold for the seeds: the same transcript, and the same two people.
    QVERIFY2(groups[0].reason.contains(QStringLiteral("same source: ")), qPrintable(groups[0].reason));
    QVERIFY2(groups[0].reason.contains(QStringLiteral("same participants: ")), qPrintable(groups[0].reason));
}

QTEST_GUILESS_MAIN(TestMeetingGroups)
#include "tst_meetinggroups.moc"
