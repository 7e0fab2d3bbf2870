// The Meetings view against real files: the action items' checkboxes, decisions, the person
// filter, the repair bar, and the rendered note (no raw HTML, wikilinks inside the app).
#include "models/actionitemsmodel.h"
#include "models/itemroles.h"
#include "models/meetingfiltermodel.h"
#include "session/session.h"
#include "testfiles.h"
#include "views/markdownview.h"
#include "views/meetingsview.h"
#include "views/messagebar.h"
#include "views/notedetail.h"

#include <QFile>
#include <QHeaderView>
#include <QListView>
#include <QListWidget>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStyle>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>
#include <QUndoStack>

using namespace debrief;
using namespace debrief::test;

namespace {

const QByteArray planning = QByteArrayLiteral("---\n"
                                              "title: Planning\n"
                                              "date: 2025-11-02\n"
                                              "participants: [Ann Lee, Bo Chen]\n"
                                              "---\n"
                                              "# Planning\n"
                                              "\n"
                                              "## Summary\n"
                                              "We planned the offsite. <script>alert(1)</script>\n"
                                              "\n"
                                              "## Action Items\n"
                                              "- [ ] Book the venue. @Bo Chen #task\n"
                                              "- [x] Send the notes. @Ann Lee #task \xE2\x9C\x85 2025-11-03\n"
                                              "\n"
                                              "## Decisions\n"
                                              "- The offsite is in March.\n"
                                              "\n"
                                              "## Related\n"
                                              "- [[Retro]]\n");

const QByteArray retro = QByteArrayLiteral("---\n"
                                           "date: 2025-10-01\n"
                                           "participants: [Cy Diaz]\n"
                                           "---\n"
                                           "# Retro\n"
                                           "\n"
                                           "## Summary\n"
                                           "Booker\xE2\x80\x9A\xC3\x84\xC3\xB4s notes.\n");

} // namespace

class TestMeetingsView final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir *m_dir = nullptr;
    Session *m_session = nullptr;
    MeetingsView *m_view = nullptr;
    QString m_planning;
    QString m_retro;

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        m_dir = new QTemporaryDir;
        m_planning = m_dir->filePath(QStringLiteral("Planning.md"));
        m_retro = m_dir->filePath(QStringLiteral("Retro.md"));
        QVERIFY(writeFile(m_planning, planning));
        QVERIFY(writeFile(m_retro, retro));
        m_session = new Session;
        m_session->setToday(QDate(2026, 11, 21));
        m_view = new MeetingsView(m_session);
        QSignalSpy loaded(m_session, &Session::loaded);
        m_session->open(m_dir->path());
        QVERIFY(loaded.wait(10000));
        m_view->resize(1200, 800);
        m_view->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_view));
    }

    void cleanup()
    {
        delete m_view;
        delete m_session;
        delete m_dir;
    }

    void newestMeetingIsShown()
    {
        QCOMPARE(m_view->meetingsList()->model()->rowCount(), 2);
        QCOMPARE(m_view->detail()->path(), m_planning);
        QCOMPARE(m_view->detail()->itemsModel()->rowCount(), 2);
    }

    void checkboxClickTogglesDone()
    {
        QTreeView *items = m_view->detail()->actionItems();
        const QRect rect = items->visualRect(items->model()->index(0, TaskListModel::StatusColumn));
        const int indicator = items->style()->pixelMetric(QStyle::PM_IndicatorWidth, nullptr, items);
        const QPoint box(rect.left() + indicator / 2 + 3, rect.center().y());
        QTest::mouseClick(items->viewport(), Qt::LeftButton, {}, box);
        QByteArray expected = planning;
        expected.replace("- [ ] Book the venue. @Bo Chen #task\n",
                         "- [x] Book the venue. @Bo Chen #task \xE2\x9C\x85 2026-11-21\n");
        QCOMPARE(readFile(m_planning), expected);
        QCOMPARE(items->model()->index(0, 0).data(Qt::CheckStateRole).value<Qt::CheckState>(), Qt::Checked);

        // And back: unticking reopens it.
        QTest::mouseClick(items->viewport(), Qt::LeftButton, {}, box);
        QCOMPARE(readFile(m_planning), planning);
        m_session->undoStack()->undo();
        QCOMPARE(readFile(m_planning), expected);
        m_session->undoStack()->undo();
        QCOMPARE(readFile(m_planning), planning);
    }

    void deleteKeyOnItems()
    {
        QTreeView *items = m_view->detail()->actionItems();
        items->setFocus();
        items->setCurrentIndex(items->model()->index(1, TaskListModel::TextColumn));
        QTest::keyClick(items, Qt::Key_Delete);
        QVERIFY(!readFile(m_planning).contains("Send the notes."));
        QCOMPARE(m_view->detail()->itemsModel()->rowCount(), 1);
        m_session->undoStack()->undo();
        QCOMPARE(readFile(m_planning), planning);
    }

    void editDecision()
    {
        QListWidget *decisions = m_view->detail()->decisions();
        QCOMPARE(decisions->count(), 1);
        const int line = decisions->item(0)->data(Qt::UserRole).toInt();
        QVERIFY(m_session->editBullet(m_planning, line, decisions->item(0)->text(),
                                      QStringLiteral("The offsite is in April.")));
        QVERIFY(readFile(m_planning).contains("\n- The offsite is in April.\n"));
        QCOMPARE(decisions->item(0)->text(), QStringLiteral("The offsite is in April."));
        QCOMPARE(m_session->undoStack()->undoText(), QStringLiteral("Edit “The offsite is in March.”"));
        m_session->undoStack()->undo();
        QCOMPARE(readFile(m_planning), planning);
        // The line changed under us: refused, nothing written.
        QVERIFY(!m_session->editBullet(m_planning, line, QStringLiteral("Something else"), QStringLiteral("x")));
        QCOMPARE(readFile(m_planning), planning);
    }

    void deleteDecisionChecksTheLine()
    {
        QListWidget *decisions = m_view->detail()->decisions();
        const int line = decisions->item(0)->data(Qt::UserRole).toInt();
        // A line was inserted above it elsewhere: the decision moved, nothing is deleted.
        QByteArray moved = planning;
        moved.replace("## Decisions\n", "## Decisions\n- Added elsewhere.\n");
        QVERIFY(writeFile(m_planning, moved));
        QVERIFY(!m_session->deleteBullet(m_planning, line, QStringLiteral("The offsite is in March.")));
        QCOMPARE(readFile(m_planning), moved);
        QVERIFY(writeFile(m_planning, planning));
        QVERIFY(m_session->deleteBullet(m_planning, line, QStringLiteral("The offsite is in March.")));
        QVERIFY(!readFile(m_planning).contains("The offsite is in March."));
        m_session->undoStack()->undo();
        QCOMPARE(readFile(m_planning), planning);
    }

    void personFilter()
    {
        m_view->setPerson(QStringLiteral("Cy Diaz"));
        QCOMPARE(m_view->filter()->rowCount(), 1);
        QCOMPARE(m_view->filter()->index(0, 0).data(PathRole).toString(), m_retro);
        m_view->setPerson(QString());
        QCOMPARE(m_view->filter()->rowCount(), 2);
    }

    void renderedNote()
    {
        MarkdownView *rendered = m_view->detail()->rendered();
        QTRY_VERIFY(rendered->toHtml().contains(QStringLiteral("We planned the offsite")));
        const QString html = MarkdownView::renderMarkdown(QString::fromUtf8(planning));
        QVERIFY(!html.contains(QStringLiteral("<script>")));
        QVERIFY(html.contains(QStringLiteral("href=\"debrief-note:Retro\"")));
        QVERIFY(!rendered->loadResource(QTextDocument::ImageResource, QUrl(QStringLiteral("https://example.com/a.png")))
                     .isValid());
        QVERIFY(!rendered->openLinks());
        QVERIFY(!rendered->openExternalLinks());
    }

    void wikilinkOpensNote()
    {
        QSignalSpy opened(m_view->detail(), &NoteDetail::noteLinkClicked);
        Q_EMIT m_view->detail()->rendered()->noteLinkClicked(QStringLiteral("Retro"));
        QCOMPARE(opened.size(), 1);
        QCOMPARE(opened.at(0).at(0).toString(), m_retro);
        QCOMPARE(m_view->detail()->path(), m_retro);
    }

    void repairBarForMojibake()
    {
        m_view->openNote(m_retro);
        QVERIFY(m_view->detail()->repairBar()->isVisible());
        QVERIFY(readFile(m_retro) == retro); // nothing written until asked
        QVERIFY(m_session->edit(m_retro, {NoteEdit::repair()}, QStringLiteral("Repair text encoding")));
        QVERIFY(readFile(m_retro).contains("Booker\xE2\x80\x99s notes."));
        QVERIFY(!m_view->detail()->repairBar()->isVisible());
        m_session->undoStack()->undo();
        QCOMPARE(readFile(m_retro), retro);
    }
};

QTEST_MAIN(TestMeetingsView)
#include "tst_meetingsview.moc"
