// The UI's item models, over notes built by hand: structure (QAbstractItemModelTester),
// order, and the filters the views offer.
#include "models/actionitemsmodel.h"
#include "models/itemroles.h"
#include "models/meetingfiltermodel.h"
#include "models/meetingsmodel.h"
#include "models/peoplemodel.h"
#include "models/reviewmodel.h"
#include "models/taskfiltermodel.h"
#include "models/tasklistmodel.h"
#include "session/appsettings.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace debrief;

namespace {

ActionItem item(int line, TaskStatus status, const QString &text, const QString &owner = {}, const QDate &due = {})
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
             {item(10, TaskStatus::Proposed, QStringLiteral("Draft the plan"), QStringLiteral("Ann Lee"),
                   QDate(2025, 10, 3)),
              item(11, TaskStatus::Open, QStringLiteral("Book a room"), QStringLiteral("Myself"), QDate(2025, 10, 20)),
              item(12, TaskStatus::Done, QStringLiteral("Send invites"), QStringLiteral("Bo Chen"))}),
        note(QStringLiteral("/v/b.md"), QStringLiteral("Newest sync"), QDate(2025, 11, 2), {QStringLiteral("Cy Diaz")},
             {item(7, TaskStatus::Proposed, QStringLiteral("Check the numbers"), QStringLiteral("Cy Diaz")),
              item(9, TaskStatus::Proposed, QStringLiteral("Ship it"))}),
        withSummary(note(QStringLiteral("/v/c.md"), QStringLiteral("Undated chat"), QDate(), {}, {}),
                    QStringLiteral("We chatted.")),
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
                                    << QStringList{QStringLiteral("Newest sync"), QStringLiteral("Older planning"),
                                                   QStringLiteral("Undated chat")};
        QTest::newRow("title word") << QStringLiteral("sync") << QString()
                                    << QStringList{QStringLiteral("Newest sync")};
        QTest::newRow("participant") << QStringLiteral("bo") << QString()
                                     << QStringList{QStringLiteral("Older planning")};
        QTest::newRow("date") << QStringLiteral("2025-11") << QString() << QStringList{QStringLiteral("Newest sync")};
        QTest::newRow("person") << QString() << QStringLiteral("cy diaz") << QStringList{QStringLiteral("Newest sync")};
        QTest::newRow("owner is a person")
            << QString() << QStringLiteral("Myself") << QStringList{QStringLiteral("Older planning")};
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
        QCOMPARE(model.index(2, TaskListModel::StatusColumn).data(Qt::CheckStateRole).value<Qt::CheckState>(),
                 Qt::Checked);
        QCOMPARE(model.index(0, TaskListModel::StatusColumn).data(Qt::CheckStateRole).value<Qt::CheckState>(),
                 Qt::Unchecked);
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

    // A note changed, came or went: the rows of that note alone change, and the model then
    // shows what a model filled afresh would.
    void updateNote_data()
    {
        QTest::addColumn<QString>("change");
        for (const char *change : {"accept", "add item", "newer date", "new title", "removed", "added",
                                   "no longer a meeting", "unparsed", "unchanged"})
            QTest::newRow(change) << QString::fromLatin1(change);
    }

    void updateNote()
    {
        QFETCH(QString, change);
        const QList<Note> before = sampleNotes();
        QList<Note> after = before;
        QString path = QStringLiteral("/v/a.md");
        if (change == u"accept") {
            after[0].actionItems[0].status = TaskStatus::Open;
        } else if (change == u"add item") {
            path = QStringLiteral("/v/b.md");
            after[1].actionItems.append(item(11, TaskStatus::Proposed, QStringLiteral("One more")));
        } else if (change == u"newer date") {
            after[0].date = QDate(2025, 12, 1);
        } else if (change == u"new title") {
            path = QStringLiteral("/v/b.md");
            after[1].title = QStringLiteral("Zz sync");
            after[1].date = after[0].date;
        } else if (change == u"removed") {
            path = QStringLiteral("/v/b.md");
            after.removeAt(1);
        } else if (change == u"added") {
            path = QStringLiteral("/v/e.md");
            after.append(note(path, QStringLiteral("Middle"), QDate(2025, 10, 15), {QStringLiteral("Eve")},
                              {item(3, TaskStatus::Proposed, QStringLiteral("New one")),
                               item(4, TaskStatus::Open, QStringLiteral("Old one"))}));
        } else if (change == u"no longer a meeting") {
            path = QStringLiteral("/v/c.md");
            after[2] = person(path, QStringLiteral("Chat"));
        } else if (change == u"unparsed") {
            after[0].parsed = false;
            after[0].actionItems.clear();
        }
        const Note *changed = nullptr;
        for (const Note &candidate : std::as_const(after)) {
            if (candidate.path == path)
                changed = &candidate;
        }

        auto taskRows = [](const TaskListModel &model) {
            QStringList rows;
            for (int row = 0; row < model.rowCount(); ++row) {
                const QModelIndex index = model.index(row, 0);
                rows << QStringLiteral("%1:%2:%3:%4:%5")
                            .arg(index.data(PathRole).toString(), index.data(LineRole).toString(),
                                 index.data(StatusRole).toString(), index.data(TitleRole).toString(),
                                 index.data(DateRole).toDate().toString(Qt::ISODate));
            }
            return rows;
        };
        {
            ReviewModel model;
            QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
            model.setNotes(before);
            model.updateNote(path, changed);
            ReviewModel fresh;
            fresh.setNotes(after);
            QCOMPARE(taskRows(model), taskRows(fresh));
        }
        {
            TaskListModel model;
            TaskFilterModel filter;
            filter.setSourceModel(&model);
            QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
            QAbstractItemModelTester filterTester(&filter, QAbstractItemModelTester::FailureReportingMode::QtTest);
            model.setNotes(before);
            model.updateNote(path, changed);
            TaskListModel fresh;
            fresh.setNotes(after);
            QCOMPARE(taskRows(model), taskRows(fresh));
        }
        {
            MeetingsModel model;
            MeetingFilterModel filter;
            filter.setSourceModel(&model);
            QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
            QAbstractItemModelTester filterTester(&filter, QAbstractItemModelTester::FailureReportingMode::QtTest);
            model.setNotes(before);
            model.updateNote(path, changed);
            MeetingsModel fresh;
            fresh.setNotes(after);
            auto meetingRows = [](const MeetingsModel &m) {
                QStringList rows;
                for (int row = 0; row < m.rowCount(); ++row) {
                    const QModelIndex index = m.index(row);
                    rows << QStringLiteral("%1:%2:%3")
                                .arg(index.data(PathRole).toString(), index.data(TitleRole).toString(),
                                     index.data(ProposedCountRole).toString());
                }
                return rows;
            };
            QCOMPARE(meetingRows(model), meetingRows(fresh));
        }
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
                             << QStringList{QStringLiteral("Check the numbers"), QStringLiteral("Ship it"),
                                            QStringLiteral("Draft the plan"), QStringLiteral("Book a room"),
                                            QStringLiteral("Send invites")};
        QTest::newRow("proposed") << QList<TaskStatus>{TaskStatus::Proposed} << QString() << false << QDate() << QDate()
                                  << QString()
                                  << QStringList{QStringLiteral("Check the numbers"), QStringLiteral("Ship it"),
                                                 QStringLiteral("Draft the plan")};
        QTest::newRow("owner") << any << QStringLiteral("bo chen") << false << QDate() << QDate() << QString()
                               << QStringList{QStringLiteral("Send invites")};
        QTest::newRow("mine: own name and Myself")
            << any << QString() << true << QDate() << QDate() << QString()
            << QStringList{QStringLiteral("Draft the plan"), QStringLiteral("Book a room")};
        QTest::newRow("due range") << any << QString() << false << QDate(2025, 10, 10) << QDate(2025, 10, 31)
                                   << QString() << QStringList{QStringLiteral("Book a room")};
        QTest::newRow("due before") << any << QString() << false << QDate() << QDate(2025, 10, 10) << QString()
                                    << QStringList{QStringLiteral("Draft the plan")};
        QTest::newRow("person as participant")
            << any << QString() << false << QDate() << QDate() << QStringLiteral("Cy Diaz")
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
        TaskListModel model;
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
        TaskListModel model;
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

    void dueColumnTellsRecurrence_data()
    {
        QTest::addColumn<QDate>("due");
        QTest::addColumn<QString>("recurrence");
        QTest::addColumn<QString>("shown");
        QTest::addColumn<bool>("tooltipSaysRepeats");
        QTest::newRow("date only") << QDate(2026, 11, 21) << QString() << QStringLiteral("2026-11-21") << false;
        QTest::newRow("date and rule") << QDate(2026, 11, 21) << QStringLiteral("every day")
                                       << QStringLiteral("2026-11-21  \u21BB every day") << true;
        QTest::newRow("rule without date") << QDate() << QStringLiteral("every week on Monday")
                                           << QStringLiteral("\u21BB every week on Monday") << true;
        QTest::newRow("neither") << QDate() << QString() << QString() << false;
    }

    void dueColumnTellsRecurrence()
    {
        QFETCH(QDate, due);
        QFETCH(QString, recurrence);
        QFETCH(QString, shown);
        QFETCH(bool, tooltipSaysRepeats);
        ActionItem repeating = item(5, TaskStatus::Open, QStringLiteral("Water the plants"), {}, due);
        repeating.recurrence = recurrence;
        TaskListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setToday(QDate(2026, 11, 1)); // before every due date: no overdue tooltip in the way
        model.setNotes(
            {note(QStringLiteral("/v/r.md"), QStringLiteral("Chores"), QDate(2026, 11, 1), {}, {repeating})});
        const QModelIndex dueIndex = model.index(0, TaskListModel::DueColumn);
        QCOMPARE(dueIndex.data().toString(), shown);
        QCOMPARE(dueIndex.data(Qt::ToolTipRole).toString().contains(QStringLiteral("Repeats")), tooltipSaysRepeats);
        QCOMPARE(dueIndex.data(Qt::AccessibleTextRole).toString().contains(QStringLiteral("repeats")),
                 tooltipSaysRepeats);
    }
};

QTEST_MAIN(TestModels)
#include "tst_models.moc"
