// The main window: title, view shortcuts, focus in the review queue, the Edit menu naming the
// step, a conflict bar naming the file, search from anywhere and its help, a rescan when the
// window is activated, quitting, and every key of every action firing it (none ambiguous).
#include "session/appsettings.h"
#include "session/searchservice.h"
#include "session/session.h"
#include "session/vaultwatcher.h"
#include "testfiles.h"
#include "views/mainwindow.h"
#include "views/messagebar.h"
#include "views/reviewview.h"
#include "views/searchview.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QFile>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QSignalSpy>
#include <QSplitter>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolButton>
#include <QTreeView>
#include <QTreeWidget>
#include <QUndoStack>

#include <memory>
#include <vector>

using namespace debrief;
using namespace debrief::test;

namespace {

const QByteArray note = QByteArrayLiteral("---\n"
                                          "title: Budget review\n"
                                          "date: 2025-11-02\n"
                                          "---\n"
                                          "## Summary\n"
                                          "The budget for the offsite.\n"
                                          "\n"
                                          "## Action Items\n"
                                          "- [?] Confirm the budget with finance before Friday. @Ann #proposed\n"
                                          "- [?] Book the venue. #proposed\n");

QAction *findAction(QWidget *window, const QString &textStart)
{
    const QList<QAction *> actions = window->findChildren<QAction *>();
    for (QAction *action : actions) {
        if (action->text().startsWith(textStart))
            return action;
    }
    return nullptr;
}

// Where an action's shortcut can fire: the whole window, or the widgets it was added to
// (menus only show it; they are not where the key is pressed).
QList<QWidget *> shortcutScopes(QAction *action, QWidget *window)
{
    if (action->shortcutContext() == Qt::WindowShortcut || action->shortcutContext() == Qt::ApplicationShortcut)
        return {window};
    QList<QWidget *> scopes;
    for (QObject *object : action->associatedObjects()) {
        auto *widget = qobject_cast<QWidget *>(object);
        if (widget && !qobject_cast<QMenu *>(widget) && !qobject_cast<QMenuBar *>(widget))
            scopes.append(widget);
    }
    return scopes;
}

bool overlap(QWidget *a, QWidget *b)
{
    return a == b || a->isAncestorOf(b) || b->isAncestorOf(a);
}

QString describe(QAction *action)
{
    return QString(action->text()).remove(u'&');
}

// Brings the widget's tab to the front and returns what should hold the focus for its keys.
QWidget *focusTarget(QWidget *scope, QTabWidget *tabs)
{
    for (int i = 0; i < tabs->count(); ++i) {
        if (tabs->widget(i) == scope || tabs->widget(i)->isAncestorOf(scope))
            tabs->setCurrentIndex(i);
    }
    if (scope->focusPolicy() != Qt::NoFocus && scope->isVisible())
        return scope;
    const QList<QWidget *> children = scope->findChildren<QWidget *>();
    for (QWidget *child : children) {
        if (child->focusPolicy() != Qt::NoFocus && child->isVisible())
            return child;
    }
    return scope;
}

} // namespace

class TestMainWindow final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir *m_dir = nullptr;
    QTemporaryDir *m_cache = nullptr;
    MainWindow *m_window = nullptr;
    QString m_path;

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        m_dir = new QTemporaryDir;
        m_path = m_dir->filePath(QStringLiteral("budget.md"));
        QVERIFY(writeFile(m_path, note));
        m_window = new MainWindow;
        m_window->show();
        QVERIFY(QTest::qWaitForWindowActive(m_window));
        QSignalSpy loaded(m_window->session(), &Session::loaded);
        m_window->openVault(m_dir->path());
        QVERIFY(loaded.wait(10000));
    }

    void cleanup()
    {
        delete m_window;
        delete m_dir;
    }

    void titleNamesTheVault()
    {
        const QString name = QFileInfo(m_dir->path()).fileName();
        QCOMPARE(m_window->windowTitle(), name + QStringLiteral(" — Debrief"));
        QCOMPARE(AppSettings::lastVault(), QFileInfo(m_dir->path()).absoluteFilePath());
        QVERIFY(AppSettings::recentVaults().contains(AppSettings::lastVault()));
    }

    void everyActionHasAName()
    {
        const QList<QAction *> actions = m_window->findChildren<QAction *>();
        for (QAction *action : actions) {
            if (action->isSeparator() || action->menu() || action->text().isEmpty())
                continue;
            QVERIFY2(!action->shortcut().isEmpty() || action->text().contains(u'&'), qPrintable(action->text()));
            QVERIFY2(!action->statusTip().isEmpty() || action->text().startsWith(QStringLiteral("Undo"))
                         || action->text().startsWith(QStringLiteral("Redo")) || action->text().startsWith(u'&'),
                     qPrintable(action->text()));
        }
    }

    void ctrl2FocusesTheQueueAndTheMenuNamesTheStep()
    {
        QTest::keyClick(m_window, Qt::Key_2, Qt::ControlModifier);
        QTreeView *queue = m_window->reviewView()->queue();
        QVERIFY(queue->hasFocus());
        QCOMPARE(queue->currentIndex().row(), 0);
        QTest::keyClick(queue, Qt::Key_A);
        QVERIFY(readFile(m_path).contains("- [ ] Confirm the budget with finance before Friday. @Ann\n"));
        QAction *undo = findAction(m_window, QStringLiteral("Undo"));
        QVERIFY(undo);
        QCOMPARE(undo->text(), QStringLiteral("Undo Accept “Confirm the budget with…”"));
        QTest::keyClick(queue, Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(readFile(m_path), note);
    }

    void conflictShowsABarNamingTheFile()
    {
        m_window->showView(MainWindow::ReviewPage);
        // Someone else changes the very line before the watcher has told us.
        QByteArray changed = note;
        changed.replace("Confirm the budget with finance before Friday.", "Confirm the budget with finance on Monday.");
        QVERIFY(writeFile(m_path, changed));
        QTest::keyClick(m_window->reviewView()->queue(), Qt::Key_R);
        QCOMPARE(readFile(m_path), changed); // nothing lost, nothing written
        QVERIFY(m_window->messageBar()->isVisible());
        QVERIFY(m_window->messageBar()->text().contains(QStringLiteral("budget.md")));
        QCOMPARE(m_window->session()->undoStack()->count(), 0);
        // And the queue shows what the file holds now.
        QTRY_COMPARE(m_window->reviewView()->queue()->model()->index(0, 1).data().toString(),
                     QStringLiteral("Confirm the budget with finance on Monday."));
    }

    // A note Qt cannot open (its name is not UTF-8) is left out: the bar says which, and how
    // many more, rather than leaving the user to wonder where it went.
    void notesLeftOutAreNamedInTheBar_data()
    {
        QTest::addColumn<QByteArrayList>("names");
        QTest::addColumn<QString>("shown");
        QTest::newRow("one") << QByteArrayList{"caf\xe9.md"} << QStringLiteral("caf\\xE9.md");
        QTest::newRow("three") << QByteArrayList{"a\xe9.md", "b\xe9.md", "c\xe9.md"}
                               << QStringLiteral("(and 2 more problems with the vault)");
    }

    void notesLeftOutAreNamedInTheBar()
    {
        QFETCH(QByteArrayList, names);
        QFETCH(QString, shown);
        QVERIFY(!m_window->messageBar()->isVisible());
        std::vector<std::unique_ptr<RawName>> entries;
        for (const QByteArray &name : std::as_const(names)) {
            entries.push_back(std::make_unique<RawName>(m_dir->path(), name));
            QVERIFY(entries.back()->made());
        }
        QSignalSpy loaded(m_window->session(), &Session::loaded);
        m_window->openVault(m_dir->path());
        QVERIFY(loaded.wait(10000));
        QVERIFY(m_window->messageBar()->isVisible());
        QVERIFY2(m_window->messageBar()->text().contains(shown), qPrintable(m_window->messageBar()->text()));
        QVERIFY(m_window->messageBar()->text().contains(QStringLiteral("not valid UTF-8")));
    }

    void searchFromAnywhere_data()
    {
        QTest::addColumn<int>("key");
        QTest::newRow("Ctrl+F") << int(Qt::Key_F);
        QTest::newRow("Ctrl+K") << int(Qt::Key_K);
    }

    void searchFromAnywhere()
    {
        QFETCH(int, key);
        m_window->showView(MainWindow::TasksPage);
        QTest::keyClick(m_window, Qt::Key(key), Qt::ControlModifier);
        SearchView *search = m_window->searchView();
        QAbstractItemModelTester tester(search->results()->model(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(search->field()->hasFocus());
        QSignalSpy shown(search, &SearchView::resultsShown);
        QTest::keyClicks(search->field(), QStringLiteral("venue"));
        QVERIFY(shown.wait(10000) || search->results()->topLevelItemCount() > 0);
        QTRY_COMPARE(search->results()->topLevelItemCount(), 1);
        QSignalSpy opened(search, &SearchView::openRequested);
        QTest::keyClick(search->field(), Qt::Key_Return);
        QCOMPARE(opened.size(), 1);
        QCOMPARE(opened.at(0).at(0).toString(), QFileInfo(m_path).absoluteFilePath());
        QCOMPARE(opened.at(0).at(1).toInt(), 10);
    }

    void layoutIsRemembered()
    {
        auto *splitter = m_window->findChild<QSplitter *>(QStringLiteral("reviewSplitter"));
        QVERIFY(splitter);
        m_window->resize(1111, 777);
        m_window->showView(MainWindow::ReviewPage);
        QCoreApplication::processEvents();
        splitter->setSizes({300, 700});
        const QList<int> sizes = splitter->sizes();
        m_window->close();
        MainWindow second;
        second.show();
        QVERIFY(QTest::qWaitForWindowExposed(&second));
        QCOMPARE(second.size(), QSize(1111, 777));
        second.showView(MainWindow::ReviewPage);
        QTRY_COMPARE(second.findChild<QSplitter *>(QStringLiteral("reviewSplitter"))->sizes(), sizes);
    }

    void searchHelpOpens_data()
    {
        QTest::addColumn<bool>("byKey");
        QTest::newRow("the ? button") << false;
        QTest::newRow("F1") << true;
    }

    void searchHelpOpens()
    {
        QFETCH(bool, byKey);
        m_window->showView(MainWindow::MeetingsPage);
        if (byKey) {
            QTest::keyClick(m_window, Qt::Key_F1);
        } else {
            m_window->showView(MainWindow::SearchPage);
            auto *button = m_window->searchView()->findChild<QToolButton *>();
            QVERIFY(button);
            QCOMPARE(button->accessibleName(), QStringLiteral("Search syntax"));
            QTest::mouseClick(button, Qt::LeftButton);
        }
        auto popup = []() -> QWidget * {
            const QWidgetList windows = QApplication::topLevelWidgets();
            for (QWidget *widget : windows) {
                if (widget->isVisible() && widget->inherits("QWhatsThat"))
                    return widget;
            }
            return nullptr;
        };
        QTRY_VERIFY(popup());
        QCOMPARE(m_window->findChild<QTabWidget *>()->currentIndex(), int(MainWindow::SearchPage));
        QVERIFY(SearchView::helpText().contains(QStringLiteral("exact phrase")));
        QTest::keyClick(popup(), Qt::Key_Escape);
        QTRY_VERIFY(!popup());
    }

    void rescanWhenActivated()
    {
        m_window->showView(MainWindow::ReviewPage);
        // Only the activation can tell: the file watcher is kept quiet.
        auto *watcher = m_window->session()->findChild<VaultWatcher *>();
        QVERIFY(watcher);
        const QSignalBlocker quiet(watcher);
        QWidget other;
        other.show();
        other.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&other));

        QByteArray changed = note;
        changed.replace("Book the venue.", "Book the bigger venue.");
        QVERIFY(writeFile(m_path, changed));
        QSignalSpy reloaded(m_window->session(), &Session::reloadedFromDisk);
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window));
        QTRY_COMPARE(reloaded.size(), 1);
        QCOMPARE(reloaded.at(0).at(0).toStringList(), QStringList{QFileInfo(m_path).absoluteFilePath()});
        QCOMPARE(m_window->reviewView()->queue()->model()->index(1, 1).data().toString(),
                 QStringLiteral("Book the bigger venue."));
    }

    // Two actions with one key where both can fire make Qt refuse the key as ambiguous (so
    // does one action given the same key twice): nothing happens when the user presses it.
    void noTwoActionsShareAKey()
    {
        const QList<QAction *> actions = m_window->findChildren<QAction *>();
        struct Use
        {
            QAction *action;
            QWidget *scope;
        };
        QHash<QKeySequence, QList<Use>> uses;
        for (QAction *action : actions) {
            const QList<QKeySequence> keys = action->shortcuts();
            for (int i = 0; i < keys.size(); ++i) {
                QVERIFY2(!keys.at(i).isEmpty(), qPrintable(describe(action) + QStringLiteral(" has an empty key")));
                QVERIFY2(!keys.mid(i + 1).contains(keys.at(i)),
                         qPrintable(QStringLiteral("%1 has %2 twice").arg(describe(action), keys.at(i).toString())));
                for (QWidget *scope : shortcutScopes(action, m_window)) {
                    for (const Use &other : uses.value(keys.at(i))) {
                        QVERIFY2(other.action == action || !overlap(other.scope, scope),
                                 qPrintable(QStringLiteral("%1 and %2 both have %3")
                                                .arg(describe(other.action), describe(action), keys.at(i).toString())));
                    }
                    uses[keys.at(i)].append(Use{action, scope});
                }
            }
        }
        QVERIFY(uses.contains(QKeySequence(Qt::CTRL | Qt::Key_Q)));
        QVERIFY(uses.contains(QKeySequence(Qt::Key_A)));
    }

    // Every key of every action, pressed where the user would press it, fires that action.
    // What the actions do is tested elsewhere: here they are cut off from it (Quit would
    // close the window, Open and Settings would open dialogs) and enabled, so that only the
    // way from the key to the action is tested.
    void everyShortcutFiresItsAction()
    {
        auto *tabs = m_window->findChild<QTabWidget *>();
        QVERIFY(tabs);
        const QList<QAction *> actions = m_window->findChildren<QAction *>();
        int pressed = 0;
        bool quitPressed = false;
        for (QAction *action : actions) {
            const QList<QWidget *> scopes = shortcutScopes(action, m_window);
            if (action->shortcuts().isEmpty() || scopes.isEmpty())
                continue;
            QObject::disconnect(action, &QAction::triggered, nullptr, nullptr);
            action->setEnabled(true);
            for (const QKeySequence &key : action->shortcuts()) {
                QWidget *target = scopes.first() == m_window ? m_window : focusTarget(scopes.first(), tabs);
                if (target != m_window) {
                    target->setFocus();
                    QTRY_VERIFY(target->hasFocus());
                }
                QVERIFY2(!key.isEmpty(), qPrintable(describe(action) + QStringLiteral(" has an empty key")));
                QSignalSpy triggered(action, &QAction::triggered);
                const QKeyCombination combination = key[0];
                QWidget *receiver = target;
                if (target == m_window && QApplication::focusWidget())
                    receiver = QApplication::focusWidget();
                QTest::keyClick(receiver, combination.key(), combination.keyboardModifiers());
                QVERIFY2(triggered.size() == 1,
                         qPrintable(QStringLiteral("%1 did not fire %2").arg(key.toString(), describe(action))));
                ++pressed;
                quitPressed = quitPressed || action->text() == QStringLiteral("&Quit");
            }
        }
        QVERIFY(quitPressed);
        QVERIFY(m_window->isVisible());
        QVERIFY(pressed >= 15);
    }

    // The recent menu is rebuilt when a vault opens; the key that opened it must not have its
    // action deleted under it (it crashed), and the vault it names is the one that opens.
    void recentVaultOpensByKey()
    {
        QTemporaryDir other;
        QVERIFY(writeFile(other.filePath(QStringLiteral("standup.md")), note));
        QSignalSpy loaded(m_window->session(), &Session::loaded);
        m_window->openVault(other.path());
        QVERIFY(loaded.wait(10000));
        QCOMPARE(QDir(AppSettings::lastVault()).absolutePath(), QDir(other.path()).absolutePath());
        // Newest first: Ctrl+Alt+2 is the vault opened before this one.
        QTest::keyClick(m_window, Qt::Key_2, Qt::ControlModifier | Qt::AltModifier);
        QVERIFY(loaded.wait(10000));
        QCOMPARE(QDir(AppSettings::lastVault()).absolutePath(), QDir(m_dir->path()).absolutePath());
        QTest::keyClick(m_window, Qt::Key_2, Qt::ControlModifier | Qt::AltModifier);
        QVERIFY(loaded.wait(10000));
        QCOMPARE(QDir(AppSettings::lastVault()).absolutePath(), QDir(other.path()).absolutePath());
    }

    void quitClosesTheWindow()
    {
        QAction *quit = findAction(m_window, QStringLiteral("&Quit"));
        QVERIFY(quit);
        QVERIFY(quit->shortcuts().contains(QKeySequence(Qt::CTRL | Qt::Key_Q)));
        quit->trigger();
        QVERIFY(!m_window->isVisible());
    }

    // What main() returns: the event loop's code once Quit closed the last window; also while
    // the search index is still being built (the build stops, see tst_searchcancel).
    void quitEndsTheEventLoopWithZero_data()
    {
        QTest::addColumn<bool>("indexing");
        QTest::newRow("idle") << false;
        QTest::newRow("while indexing") << true;
    }

    void quitEndsTheEventLoopWithZero()
    {
        QFETCH(bool, indexing);
        QTemporaryDir large;
        if (indexing) {
            for (int i = 0; i < 2000; ++i) {
                QByteArray text = note;
                text.replace("Budget review", "Budget review " + QByteArray::number(i));
                QVERIFY(writeFile(large.filePath(QStringLiteral("meeting-%1.md").arg(i)), text));
            }
            QSignalSpy loaded(m_window->session(), &Session::loaded);
            m_window->openVault(large.path());
            QVERIFY(loaded.wait(60000));
        }
        QAction *quit = findAction(m_window, QStringLiteral("&Quit"));
        QVERIFY(quit);
        QTimer::singleShot(0, quit, &QAction::trigger);
        QTimer guard; // only so that a broken quit fails instead of hanging
        guard.setSingleShot(true);
        connect(&guard, &QTimer::timeout, this, [] { QCoreApplication::exit(1); });
        guard.start(60000);
        QCOMPARE(QApplication::exec(), 0);
        QVERIFY(!m_window->isVisible());
        delete m_window; // waits for the search worker
        m_window = nullptr;
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
