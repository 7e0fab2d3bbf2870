// Edit with several action items selected: the dialog changes only the fields the user touched,
// each item keeps its own text and every other field, byte for byte in the file.
#include "session/session.h"
#include "testfiles.h"
#include "views/itemactions.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDialog>
#include <QLineEdit>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUndoStack>
#include <QWidget>

#include <functional>

using namespace debrief;
using namespace debrief::test;

namespace {

const QByteArray note = QByteArrayLiteral("---\n"
                                          "title: Launch prep\n"
                                          "date: 2025-11-04\n"
                                          "---\n"
                                          "## Action Items\n"
                                          "- [ ] Draft the agenda. @Ann \xF0\x9F\x93\x85 2025-11-10 #task\n"
                                          "- [ ] Collect the slides. @Bo \xE2\x8F\xAB #task\n"
                                          "- [?] Print the handouts. #task #proposed\n");

template<typename Widget>
Widget *named(QWidget *dialog, const QString &accessibleName)
{
    const QList<Widget *> widgets = dialog->findChildren<Widget *>();
    for (Widget *widget : widgets) {
        if (widget->accessibleName() == accessibleName)
            return widget;
    }
    return nullptr;
}

} // namespace

class TestItemActions final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir *m_dir = nullptr;
    Session *m_session = nullptr;
    QWidget *m_scope = nullptr;
    ItemActions *m_actions = nullptr;
    QString m_path;
    QList<int> m_selected; // indices into the note's action items

    QList<TaskListModel::Row> selection() const
    {
        QList<TaskListModel::Row> rows;
        const Note *shown = m_session->note(m_path);
        if (!shown)
            return rows;
        for (int index : m_selected) {
            TaskListModel::Row row;
            row.path = m_path;
            row.meetingTitle = shown->title;
            row.item = shown->actionItems.value(index);
            rows.append(row);
        }
        return rows;
    }

    // Triggers Edit and lets `fill` work the dialog before it is accepted.
    void editWith(const std::function<void(QDialog *)> &fill)
    {
        bool filled = false;
        QTimer timer; // gone with this call, should the dialog never open
        timer.setSingleShot(true);
        connect(&timer, &QTimer::timeout, this, [&] {
            auto *dialog = qobject_cast<QDialog *>(QApplication::activeModalWidget());
            QVERIFY(dialog);
            fill(dialog);
            filled = true;
            dialog->accept();
        });
        timer.start(0);
        m_actions->updateEnabled();
        QVERIFY(m_actions->editAction()->isEnabled());
        m_actions->editAction()->trigger();
        QVERIFY(filled);
    }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        m_dir = new QTemporaryDir;
        QVERIFY(m_dir->isValid());
        m_path = m_dir->filePath(QStringLiteral("2025-11-04 Launch prep.md"));
        QVERIFY(writeFile(m_path, note));
        m_session = new Session;
        QSignalSpy loaded(m_session, &Session::loaded);
        m_session->open(m_dir->path());
        QVERIFY(loaded.wait(10000));
        QCOMPARE(m_session->note(m_path)->actionItems.size(), 3);
        m_scope = new QWidget;
        m_actions = new ItemActions(m_session, m_scope, [this] { return selection(); });
    }

    void cleanup()
    {
        delete m_scope; // owns the actions
        delete m_session;
        delete m_dir;
        m_selected.clear();
    }

    void editSeveral_data()
    {
        QTest::addColumn<QList<int>>("selected");
        QTest::addColumn<QString>("owner"); // typed into the owner field; null: untouched
        QTest::addColumn<QDate>("due");     // set as the due date; invalid: untouched
        QTest::addColumn<int>("priority");  // Priority; -1: untouched
        QTest::addColumn<QByteArray>("expected");

        QTest::newRow("new owner, two items with different text")
            << QList<int>{0, 1} << QStringLiteral("Cy") << QDate() << -1
            << QByteArrayLiteral("---\ntitle: Launch prep\ndate: 2025-11-04\n---\n## Action Items\n"
                                 "- [ ] Draft the agenda. @Cy \xF0\x9F\x93\x85 2025-11-10 #task\n"
                                 "- [ ] Collect the slides. @Cy \xE2\x8F\xAB #task\n"
                                 "- [?] Print the handouts. #task #proposed\n");
        QTest::newRow("owner the first item already has")
            << QList<int>{0, 1} << QStringLiteral("Ann") << QDate() << -1
            << QByteArrayLiteral("---\ntitle: Launch prep\ndate: 2025-11-04\n---\n## Action Items\n"
                                 "- [ ] Draft the agenda. @Ann \xF0\x9F\x93\x85 2025-11-10 #task\n"
                                 "- [ ] Collect the slides. @Ann \xE2\x8F\xAB #task\n"
                                 "- [?] Print the handouts. #task #proposed\n");
        QTest::newRow("due date, replaced or added")
            << QList<int>{1, 2} << QString() << QDate(2025, 12, 1) << -1
            << QByteArrayLiteral("---\ntitle: Launch prep\ndate: 2025-11-04\n---\n## Action Items\n"
                                 "- [ ] Draft the agenda. @Ann \xF0\x9F\x93\x85 2025-11-10 #task\n"
                                 "- [ ] Collect the slides. @Bo \xE2\x8F\xAB \xF0\x9F\x93\x85 2025-12-01 #task\n"
                                 "- [?] Print the handouts. \xF0\x9F\x93\x85 2025-12-01 #task #proposed\n");
        QTest::newRow("priority the second item already has")
            << QList<int>{0, 1, 2} << QString() << QDate() << int(Priority::High)
            << QByteArrayLiteral("---\ntitle: Launch prep\ndate: 2025-11-04\n---\n## Action Items\n"
                                 "- [ ] Draft the agenda. @Ann \xF0\x9F\x93\x85 2025-11-10 \xE2\x8F\xAB #task\n"
                                 "- [ ] Collect the slides. @Bo \xE2\x8F\xAB #task\n"
                                 "- [?] Print the handouts. \xE2\x8F\xAB #task #proposed\n");
    }

    void editSeveral()
    {
        QFETCH(QList<int>, selected);
        QFETCH(QString, owner);
        QFETCH(QDate, due);
        QFETCH(int, priority);
        QFETCH(QByteArray, expected);
        m_selected = selected;

        bool textEnabled = true;
        editWith([&](QDialog *dialog) {
            if (!owner.isNull())
                named<QLineEdit>(dialog, QStringLiteral("Owner"))->setText(owner);
            if (due.isValid()) {
                named<QCheckBox>(dialog, QStringLiteral("Has a due date"))->setCheckState(Qt::Checked);
                named<QDateEdit>(dialog, QStringLiteral("Due date"))->setDate(due);
            }
            if (priority >= 0) {
                QComboBox *box = named<QComboBox>(dialog, QStringLiteral("Priority"));
                box->setCurrentIndex(box->findData(priority));
            }
            QLineEdit *text = named<QLineEdit>(dialog, QStringLiteral("Text"));
            QVERIFY(text);
            textEnabled = text->isEnabled();
        });
        QCOMPARE(readFile(m_path), expected);
        QVERIFY(!textEnabled); // one text cannot stand for several
        QCOMPARE(m_session->undoStack()->count(), 1);
        m_session->undoStack()->undo();
        QCOMPARE(readFile(m_path), note);
    }

    void nothingTouchedWritesNothing()
    {
        m_selected = {0, 1, 2};
        editWith([](QDialog *) {});
        QCOMPARE(readFile(m_path), note);
        QCOMPARE(m_session->undoStack()->count(), 0);
    }
};

QTEST_MAIN(TestItemActions)
#include "tst_itemactions.moc"
