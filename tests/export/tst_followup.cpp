#include "export/followup.h"
#include "exportfixture.h"

#include <QTest>

using namespace debrief;
using namespace debrief::test;

namespace {

Note note(const QByteArray &date, const QByteArray &title, const QByteArray &items, const QByteArray &decisions)
{
    const QByteArray bytes = "---\ntitle: " + title + "\ndate: " + date
        + "\nparticipants: [Ann Lee, Bo Chen]\n---\n\n"
          "## Action Items\n\n"
        + items + "\n\n## Decisions\n\n" + decisions + "\n";
    return NoteParser::parse(bytes, QStringLiteral("/vault/") + QString::fromLatin1(date) + QStringLiteral(".md"));
}

} // namespace

// The follow-up message: new items first, then overdue, then open, and the recent decisions.
class TestFollowUp final : public QObject
{
    Q_OBJECT

private:
    QList<Note> m_notes{
        note("2025-09-01", "Kickoff",
             "- [ ] Old open @Ann Lee\n- [ ] Old overdue @Ann Lee \xF0\x9F\x93\x85 2025-09-20\n- [x] Old done @Ann Lee",
             "- Use the old plan."),
        note("2025-10-02", "Weekly sync",
             "- [?] New proposed @ann lee #proposed\n- [ ] New open @Ann Lee \xF0\x9F\x93\x85 2025-10-20\n"
             "- [ ] Bo's @Bo Chen\n- [-] Dropped @Ann Lee",
             "- Ship the beta Friday."),
    };
    FollowUp::Options options(const QString &owner) const
    {
        return FollowUp::Options{owner, QDate(2025, 9, 29), QDate(2025, 10, 6)};
    }

private Q_SLOTS:
    void onePerson()
    {
        QCOMPARE(FollowUp::compose(m_notes, options(QStringLiteral("Ann Lee"))),
                 QStringLiteral("# Follow-up for Ann Lee\n"
                                "\n## New since 2025-09-29\n\n"
                                "- New proposed (proposed; from Weekly sync, 2025-10-02)\n"
                                "- New open (due 2025-10-20; from Weekly sync, 2025-10-02)\n"
                                "\n## Overdue\n\n"
                                "- Old overdue (due 2025-09-20; from Kickoff, 2025-09-01)\n"
                                "\n## Still open\n\n"
                                "- Old open (from Kickoff, 2025-09-01)\n"
                                "\n## Decisions\n\n"
                                "Weekly sync, 2025-10-02:\n\n"
                                "- Ship the beta Friday.\n"));
    }

    void nothingOpen()
    {
        QCOMPARE(FollowUp::compose(m_notes, options(QStringLiteral("Cy"))),
                 QStringLiteral("# Follow-up for Cy\n\nNothing open.\n"));
    }

    void everyOwner()
    {
        const QString text = FollowUp::compose(m_notes, options(QString()));
        QVERIFY(text.startsWith(QStringLiteral("# Follow-up since 2025-09-29\n\n## Ann Lee\n")));
        QVERIFY(text.contains(QStringLiteral("\n## Bo Chen\n\n### New since 2025-09-29\n\n- Bo's (from Weekly sync, "
                                             "2025-10-02)\n")));
        QVERIFY(text.indexOf(QStringLiteral("## Ann Lee")) < text.indexOf(QStringLiteral("## Bo Chen")));
        QCOMPARE(FollowUp::owners(m_notes), (QStringList{QStringLiteral("Ann Lee"), QStringLiteral("Bo Chen")}));
    }
};

QTEST_GUILESS_MAIN(TestFollowUp)
#include "tst_followup.moc"
