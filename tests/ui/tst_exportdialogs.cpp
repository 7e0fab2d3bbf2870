// Tasks leaving the app: File › Export Tasks… writes what the Tasks tab shows, in the format
// and file chosen, and stays open on a failed write; People › Copy Follow-up… previews the
// message, copies it and saves it. Keys are sent to the shown window.
#include "dialogs/exportdialog.h"
#include "dialogs/followupdialog.h"
#include "export/followup.h"
#include "models/taskfiltermodel.h"
#include "session/session.h"
#include "testfiles.h"
#include "views/mainwindow.h"
#include "views/meetingsview.h"
#include "views/tasksview.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QListView>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace debrief;
using namespace debrief::test;

namespace {

const QByteArray kickoff =
    QByteArrayLiteral("---\n"
                      "title: Harbour kickoff\n"
                      "date: 2026-03-30\n"
                      "participants: [Ann Lee, Bo Chen]\n"
                      "---\n"
                      "## Action Items\n"
                      "- [?] Draft the harbour plan, \"phase 1\". @Ann Lee 📅 2026-04-03 #proposed\n"
                      "- [ ] Order buoys. @Bo Chen 📅 2026-04-20\n"
                      "- [x] Book the quay. @Ann Lee ✅ 2026-03-31\n"
                      "\n"
                      "## Decisions\n"
                      "- Start with the north pier.\n");
const QByteArray review = QByteArrayLiteral("---\n"
                                            "title: Harbour review\n"
                                            "date: 2026-04-08\n"
                                            "participants: [Ann Lee]\n"
                                            "---\n"
                                            "## Action Items\n"
                                            "- [/] Survey the seabed. @Ann Lee\n");

const QDate today(2026, 4, 10);

template<typename T>
T *shownDialog(QWidget *parent)
{
    const QList<T *> dialogs = parent->findChildren<T *>();
    for (T *dialog : dialogs) {
        if (dialog->isVisible())
            return dialog;
    }
    return nullptr;
}

} // namespace

class TestExportDialogs final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir *m_dir = nullptr;
    MainWindow *m_window = nullptr;

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        m_dir = new QTemporaryDir;
        QVERIFY(writeFile(m_dir->filePath(QStringLiteral("vault/kickoff.md")), kickoff));
        QVERIFY(writeFile(m_dir->filePath(QStringLiteral("vault/review.md")), review));
        m_window = new MainWindow;
        m_window->session()->setToday(today);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowActive(m_window));
        QSignalSpy loaded(m_window->session(), &Session::loaded);
        m_window->openVault(m_dir->filePath(QStringLiteral("vault")));
        QVERIFY(loaded.wait(10000));
    }

    void cleanup()
    {
        delete m_window;
        m_window = nullptr;
        delete m_dir;
        m_dir = nullptr;
    }

    // Ctrl+Shift+E from the window opens the dialog on the Tasks tab's current rows; Export
    // writes exactly what the model writes for them.
    void exportsWhatTheTasksTabShows_data()
    {
        QTest::addColumn<QString>("owner");
        QTest::addColumn<int>("format");
        QTest::addColumn<int>("count");
        QTest::newRow("everyone, CSV") << QString() << int(TaskExport::Format::Csv)
                                       << 3; // not the done one: the tab hides it
        QTest::newRow("Ann Lee, Markdown") << QStringLiteral("Ann Lee") << int(TaskExport::Format::Markdown) << 2;
        QTest::newRow("Bo Chen, JSON") << QStringLiteral("Bo Chen") << int(TaskExport::Format::Json) << 1;
    }

    void exportsWhatTheTasksTabShows()
    {
        QFETCH(QString, owner);
        QFETCH(int, format);
        QFETCH(int, count);
        TasksView *tasks = m_window->tasksView();
        TaskFilterModel::Criteria criteria = tasks->filter()->criteria();
        criteria.owner = owner;
        tasks->filter()->setCriteria(criteria);
        QTest::keyClick(m_window, Qt::Key_E, Qt::ControlModifier | Qt::ShiftModifier);
        ExportDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = shownDialog<ExportDialog>(m_window)));
        const QString file = m_dir->filePath(QStringLiteral("out/tasks.txt"));
        QVERIFY(QDir().mkpath(m_dir->filePath(QStringLiteral("out"))));
        dialog->setFileName(file);
        dialog->setFormat(TaskExport::Format(format));
        QSignalSpy exported(dialog, &ExportDialog::exported);
        QTest::mouseClick(dialog->exportButton(), Qt::LeftButton);
        QTRY_COMPARE(exported.size(), 1);
        QCOMPARE(exported.at(0).at(1).toInt(), count);
        QTRY_VERIFY(!shownDialog<ExportDialog>(m_window));

        QList<ExportItem> items;
        for (const TaskListModel::Row &row : tasks->shownRows()) {
            ExportItem item;
            item.item = row.item;
            item.path = row.path;
            item.relativePath = QDir(m_window->session()->root()).relativeFilePath(row.path);
            item.noteTitle = row.meetingTitle;
            item.noteDate = row.meetingDate;
            items.append(item);
        }
        QCOMPARE(items.size(), count);
        TaskExport::Options options;
        options.vaultName = QStringLiteral("vault");
        options.appVersion = QCoreApplication::applicationVersion();
        QCOMPARE(readFile(file), TaskExport::write(TaskExport::Format(format), items, options));
    }

    // A write that fails leaves the dialog open, says why, and writes nothing.
    void failedWriteStaysOpen()
    {
        QList<ExportItem> items(1);
        items[0].item.text = QStringLiteral("Order buoys.");
        ExportDialog dialog(items, m_dir->path());
        dialog.show();
        const QString file = m_dir->filePath(QStringLiteral("no/such/folder/tasks.ics"));
        dialog.setFileName(file);
        QSignalSpy exported(&dialog, &ExportDialog::exported);
        QTest::keyClick(&dialog, Qt::Key_Return); // Export is the default button
        QTRY_VERIFY(dialog.message().contains(QStringLiteral("does not exist")));
        QVERIFY(dialog.isVisible());
        QCOMPARE(exported.size(), 0);
        QVERIFY(!QFileInfo::exists(file));
        QVERIFY(dialog.exportButton()->isEnabled());
    }

    void suffixFollowsTheFormat_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("format");
        QTest::addColumn<QString>("expected");
        QTest::newRow("ics to csv") << QStringLiteral("/x/a b.ics") << int(TaskExport::Format::Csv)
                                    << QStringLiteral("/x/a b.csv");
        QTest::newRow("csv to md") << QStringLiteral("/x/t.CSV") << int(TaskExport::Format::Markdown)
                                   << QStringLiteral("/x/t.md");
        QTest::newRow("own suffix kept") << QStringLiteral("/x/t.txt") << int(TaskExport::Format::Json)
                                         << QStringLiteral("/x/t.txt");
    }

    void suffixFollowsTheFormat()
    {
        QFETCH(QString, file);
        QFETCH(int, format);
        QFETCH(QString, expected);
        ExportDialog dialog({}, m_dir->path());
        dialog.setFileName(file);
        dialog.setFormat(TaskExport::Format(format));
        QCOMPARE(dialog.fileName(), expected);
        QVERIFY(!dialog.exportButton()->isEnabled()); // nothing to export
    }

    // The menu key on the People list offers the follow-up; Return opens it for that person.
    void followUpFromThePeopleList()
    {
        m_window->meetingsView()->setPerson(QStringLiteral("Ann Lee"));
        QListView *people = m_window->meetingsView()->peopleList();
        people->setFocus();
        QTRY_VERIFY(people->hasFocus());
        // The menu runs its own event loop inside the key press: it is read and answered from a
        // timer while it is open.
        QString offered;
        QTimer answer;
        connect(&answer, &QTimer::timeout, this, [&] {
            auto *menu = qobject_cast<QMenu *>(QApplication::activePopupWidget());
            if (!menu)
                return;
            answer.stop();
            offered = menu->actions().constFirst()->text();
            QTest::keyClick(menu, Qt::Key_Down);
            QTest::keyClick(menu, Qt::Key_Return);
        });
        answer.start(20);
        // The menu key as the X11 platform delivers it (the test platform has no such key): a
        // context menu event from the keyboard, at the current person.
        const QPoint at = people->visualRect(people->currentIndex()).center();
        QContextMenuEvent key(QContextMenuEvent::Keyboard, at, people->viewport()->mapToGlobal(at));
        QApplication::sendEvent(people->viewport(), &key);
        QTRY_VERIFY2(offered.contains(QStringLiteral("Ann Lee")), qPrintable(offered));
        FollowUpDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = shownDialog<FollowUpDialog>(m_window)));
        FollowUp::Options options;
        options.owner = QStringLiteral("Ann Lee");
        options.since = today.addDays(-7);
        options.today = today;
        QCOMPARE(dialog->text(), FollowUp::compose(m_window->session()->notes(), options));
        QVERIFY(dialog->text().contains(QStringLiteral("Draft the harbour plan")));
        QVERIFY(!dialog->text().contains(QStringLiteral("Order buoys")));
    }

    void followUpCopiesSavesAndFollowsTheDay()
    {
        FollowUpDialog *dialog = m_window->meetingsView()->showFollowUp(QString());
        QVERIFY(dialog->isVisible());
        QVERIFY(dialog->text().contains(QStringLiteral("## Bo Chen")));
        const QString lastWeek = dialog->text();
        dialog->setSince(QDate(2026, 3, 1));
        QVERIFY(dialog->text() != lastWeek);
        QVERIFY(dialog->text().contains(QStringLiteral("New since 2026-03-01")));

        QTest::mouseClick(dialog->copyButton(), Qt::LeftButton);
        QCOMPARE(QApplication::clipboard()->text(), dialog->text());

        const QString file = m_dir->filePath(QStringLiteral("follow-up.md"));
        QCOMPARE(dialog->saveTo(file), QString());
        QCOMPARE(readFile(file), dialog->text().toUtf8());
        const QString refused = dialog->saveTo(m_dir->filePath(QStringLiteral("vault")));
        QVERIFY2(refused.contains(QStringLiteral("not a regular file")), qPrintable(refused));
        QVERIFY(dialog->message().contains(QStringLiteral("Not saved")));
    }
};

QTEST_MAIN(TestExportDialogs)
#include "tst_exportdialogs.moc"
