// The UI's item models, over notes built by hand: structure (QAbstractItemModelTester),
// order, and the filters the views offer.
#include "actionitemsmodel.h"
#include "appsettings.h"
#include "itemroles.h"
#include "meetingfiltermodel.h"
#include "meetingsmodel.h"
#include "peoplemodel.h"
#include "reviewmodel.h"
#include "taskfiltermodel.h"
#include "tasksmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace debrief;

namespace {

ActionItem item(int line, TaskStatus status, const QString &text, const QString &owner = {},
                const QDate &due = {})
{
    ActionItem result;
    result.line = line;
    result.status = status;
    result.text = text;
    result.owner = owner;
    result.due = due;
    return result;
}

Note note(const QString &path, const QString &title, const QDate &date, const QStringList &participants,
          const QList<ActionItem> &items)
{
    Note result;
    result.path = path;
    result.title = title;
    result.date = date;
    result.participants = participants;
    result.actionItems = items;
    return result;
}

Note withSummary(Note note, const QString &summary)
{
    note.summary = summary;
    return note;
}

Note person(const QString &path, const QString &name)
{
    Note result = note(path, name, QDate(), {}, {});
    result.frontmatter.insert(QStringLiteral("type"), QStringLiteral("person"));
    return result;
}

QList<Note> sampleNotes()
{
    return {
        note(QStringLiteral("/v/a.md"), QStringLiteral("Older planning"), QDate(2025, 10, 1),
             {QStringLiteral("Ann Lee"), QStringLiteral("Bo Chen")},
             {item(10, TaskStatus::Proposed, QStringLiteral("Draft the plan"), QStringLiteral("Ann Lee"), QDate(2025, 10, 3)),
              item(11, TaskStatus::Open, QStringLiteral("Book a room"), QStringLiteral("Myself"), QDate(2025, 10, 20)),
              item(12, TaskStatus::Done, QStringLiteral("Send invites"), QStringLiteral("Bo Chen"))}),
        note(QStringLiteral("/v/b.md"), QStringLiteral("Newest sync"), QDate(2025, 11, 2),
             {QStringLiteral("Cy Diaz")},
             {item(7, TaskStatus::Proposed, QStringLiteral("Check the numbers"), QStringLiteral("Cy Diaz")),
              item(9, TaskStatus::Proposed, QStringLiteral("Ship it"))}),
        withSummary(note(QStringLiteral("/v/c.md"), QStringLiteral("Undated chat"), QDate(), {}, {}), QStringLiteral("We chatted.")),
        person(QStringLiteral("/v/People/Ann Lee.md"), QStringLiteral("Ann Lee")),
        note(QStringLiteral("/v/d.md"), QStringLiteral("Empty page"), QDate(), {}, {}),
    };
}

} // namespace

class TestModels final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        AppSettings::setUserName(QStringLiteral("Ann Lee"));
    }

    void meetingsNewestFirst()
    {
        MeetingsModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setNotes(sampleNotes());
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.index(0).data(TitleRole).toString(), QStringLiteral("Newest sync"));
        QCOMPARE(model.index(0).data(ProposedCountRole).toInt(), 2);
        QCOMPARE(model.index(1).data(ProposedCountRole).toInt(), 1);
        QCOMPARE(model.index(2).data(TitleRole).toString(), QStringLiteral("Undated chat"));
        QCOMPARE(model.rowOf(QStringLiteral("/v/a.md")), 1);
    }

    void meetingFilter_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("person");
        QTest::addColumn<QStringList>("titles");
        QTest::newRow("everything") << QString() << QString()
                                    << QStringList{QStringLiteral("Newest sync"), QStringLiteral("Older planning"), QStringLiteral("Undated chat")};
        QTest::newRow("title word") << QStringLiteral("sync") << QString() << QStringList{QStringLiteral("Newest sync")};
        QTest::newRow("participant") << QStringLiteral("bo") << QString() << QStringList{QStringLiteral("Older planning")};
        QTest::newRow("date") << QStringLiteral("2025-11") << QString() << QStringList{QStringLiteral("Newest sync")};
        QTest::newRow("person") << QString() << QStringLiteral("cy diaz") << QStringList{QStringLiteral("Newest sync")};
        QTest::newRow("owner is a person") << QString() << QStringLiteral("Myself") << QStringList{QStringLiteral("Older planning")};
        QTest::newRow("both, no match") << QStringLiteral("sync") << QStringLiteral("Ann Lee") << QStringList{};
    }

    void meetingFilter()
    {
        QFETCH(QString, text);
        QFETCH(QString, person);
        QFETCH(QStringList, titles);
        MeetingsModel model;
        MeetingFilterModel filter;
        filter.setSourceModel(&model);
        QAbstractItemModelTester tester(&filter, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setNotes(sampleNotes());
        filter.setText(text);
        filter.setPerson(person);
        QStringList shown;
        for (int row = 0; row < filter.rowCount(); ++row)
            shown << filter.index(row, 0).data(TitleRole).toString();
        QCOMPARE(shown, titles);
    }

    void people()
    {
        PeopleModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setNotes(sampleNotes());
        // Everyone, then Ann Lee, Bo Chen, Cy Diaz, Myself.
        QCOMPARE(model.rowCount(), 5);
        QCOMPARE(model.nameAt(0), QString());
        QCOMPARE(model.nameAt(1), QStringLiteral("Ann Lee"));
        QCOMPARE(model.index(1).data().toString(), QStringLiteral("Ann Lee (1)"));
        QCOMPARE(model.rowOf(QStringLiteral("myself")), 4);
    }

    void actionItemsOfOneMeeting()
    {
        ActionItemsModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setNote(sampleNotes().constFirst());
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.index(2, TaskListModel::StatusColumn).data(Qt::CheckStateRole).value<Qt::CheckState>(), Qt::Checked);
        QCOMPARE(model.index(0, TaskListModel::StatusColumn).data(Qt::CheckStateRole).value<Qt::CheckState>(), Qt::Unchecked);
        QVERIFY(model.flags(model.index(0, TaskListModel::StatusColumn)) & Qt::ItemIsUserCheckable);
        QCOMPARE(model.index(0, TaskListModel::OwnerColumn).data().toString(), QStringLiteral("Ann Lee"));

        // Checking a box asks for the edit; the row itself changes only when the note is read again.
        QSignalSpy toggled(&model, &TaskListModel::toggleRequested);
        QVERIFY(model.setData(model.index(1, 0), Qt::Checked, Qt::CheckStateRole));
        QCOMPARE(toggled.size(), 1);
        QCOMPARE(toggled.at(0).at(0).toString(), QStringLiteral("/v/a.md"));
        QCOMPARE(toggled.at(0).at(1).toInt(), 11);
        QCOMPARE(toggled.at(0).at(2).toBool(), true);
        QVERIFY(!model.setData(model.index(2, 0), Qt::Checked, Qt::CheckStateRole)); // already done
        model.clear();
        QCOMPARE(model.rowCount(), 0);
    }

    void reviewQueue()
    {
        ReviewModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setNotes(sampleNotes());
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.index(0, 0).data(LineRole).toInt(), 7);
        QCOMPARE(model.index(1, 0).data(LineRole).toInt(), 9);
        QCOMPARE(model.index(2, 0).data(PathRole).toString(), QStringLiteral("/v/a.md"));
        QCOMPARE(model.index(0, 0).data(TitleRole).toString(), QStringLiteral("Newest sync"));
        QCOMPARE(model.rowOf(QStringLiteral("/v/a.md"), 10), 2);
    }

    void tasksFilters_data()
    {
        QTest::addColumn<QList<TaskStatus>>("statuses");
        QTest::addColumn<QString>("owner");
        QTest::addColumn<bool>("mine");
        QTest::addColumn<QDate>("from");
        QTest::addColumn<QDate>("to");
        QTest::addColumn<QString>("person");
        QTest::addColumn<QStringList>("texts");
        const QList<TaskStatus> any;
        QTest::newRow("all") << any << QString() << false << QDate() << QDate() << QString()
                             << QStringList{QStringLiteral("Check the numbers"), QStringLiteral("Ship it"), QStringLiteral("Draft the plan"),
                                            QStringLiteral("Book a room"), QStringLiteral("Send invites")};
        QTest::newRow("proposed") << QList<TaskStatus>{TaskStatus::Proposed} << QString() << false << QDate() << QDate() << QString()
                                  << QStringList{QStringLiteral("Check the numbers"), QStringLiteral("Ship it"), QStringLiteral("Draft the plan")};
        QTest::newRow("owner") << any << QStringLiteral("bo chen") << false << QDate() << QDate() << QString()
                               << QStringList{QStringLiteral("Send invites")};
        QTest::newRow("mine: own name and Myself") << any << QString() << true << QDate() << QDate() << QString()
                                                   << QStringList{QStringLiteral("Draft the plan"), QStringLiteral("Book a room")};
        QTest::newRow("due range") << any << QString() << false << QDate(2025, 10, 10) << QDate(2025, 10, 31) << QString()
                                   << QStringList{QStringLiteral("Book a room")};
        QTest::newRow("due before") << any << QString() << false << QDate() << QDate(2025, 10, 10) << QString()
                                    << QStringList{QStringLiteral("Draft the plan")};
        QTest::newRow("person as participant") << any << QString() << false << QDate() << QDate() << QStringLiteral("Cy Diaz")
                                               << QStringList{QStringLiteral("Check the numbers"), QStringLiteral("Ship it")};
    }

    void tasksFilters()
    {
        QFETCH(QList<TaskStatus>, statuses);
        QFETCH(QString, owner);
        QFETCH(bool, mine);
        QFETCH(QDate, from);
        QFETCH(QDate, to);
        QFETCH(QString, person);
        QFETCH(QStringList, texts);
        TasksModel model;
        TaskFilterModel filter;
        filter.setSourceModel(&model);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester filterTester(&filter, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setNotes(sampleNotes());
        filter.setStatuses(statuses);
        filter.setOwner(owner);
        filter.setMyTasks(mine);
        filter.setDueRange(from, to);
        filter.setPerson(person);
        QStringList shown;
        for (int row = 0; row < filter.rowCount(); ++row)
            shown << filter.index(row, TaskListModel::TextColumn).data().toString();
        QCOMPARE(shown, texts);
    }

    void tasksSortAndOverdue()
    {
        TasksModel model;
        model.setToday(QDate(2025, 10, 15));
        TaskFilterModel filter;
        filter.setSourceModel(&model);
        model.setNotes(sampleNotes());
        filter.sort(TaskListModel::DueColumn, Qt::AscendingOrder);
        QCOMPARE(filter.index(0, TaskListModel::TextColumn).data().toString(), QStringLiteral("Draft the plan"));
        QCOMPARE(filter.index(1, TaskListModel::TextColumn).data().toString(), QStringLiteral("Book a room"));
        QVERIFY(filter.index(0, TaskListModel::DueColumn).data(OverdueRole).toBool());
        QVERIFY(filter.index(0, TaskListModel::DueColumn).data(Qt::FontRole).value<QFont>().bold());
        QVERIFY(!filter.index(1, TaskListModel::DueColumn).data(OverdueRole).toBool());
        filter.sort(TaskListModel::MeetingDateColumn, Qt::DescendingOrder);
        QCOMPARE(filter.index(0, TaskListModel::MeetingColumn).data().toString(), QStringLiteral("Newest sync"));
    }
};

QTEST_MAIN(TestModels)
#include "tst_models.moc"
