// The edit dialog returns only the fields the user changed, for one item or several; the repair
// preview lists the lines a repair would change; the sample vault is copied once, writable, for
// the first run.
#include "dialogs/edititemdialog.h"
#include "dialogs/repairdialog.h"
#include "session/samplevault.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDirIterator>
#include <QFileInfo>
#include <QLineEdit>
#include <QStandardPaths>
#include <QTest>

using namespace debrief;

class TestDialogs final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void editDialogChangesOnlyWhatWasTouched()
    {
        ActionItem item;
        item.line = 7;
        item.text = QStringLiteral("Book the venue.");
        item.owner = QStringLiteral("Bo");
        item.due = QDate(2025, 10, 31);
        item.priority = Priority::High;
        item.raw = "- [?] Book the venue. @Bo \xF0\x9F\x93\x85 2025-10-31 \xE2\x8F\xAB #proposed";
        EditItemDialog dialog(item);
        QVERIFY(!dialog.hasChanges());

        const QList<QLineEdit *> edits = dialog.findChildren<QLineEdit *>();
        QLineEdit *owner = nullptr;
        for (QLineEdit *edit : edits) {
            if (edit->accessibleName() == u"Owner")
                owner = edit;
        }
        QVERIFY(owner);
        owner->setText(QStringLiteral("@Ann Lee"));
        NoteEdit edit = dialog.edit();
        QCOMPARE(edit.kind, NoteEdit::Kind::Change);
        QCOMPARE(edit.line, 7);
        QCOMPARE(edit.expected, item.raw);
        QCOMPARE(edit.owner, std::optional<QString>(QStringLiteral("Ann Lee")));
        QVERIFY(!edit.text && !edit.due && !edit.priority);

        dialog.findChild<QCheckBox *>()->setChecked(false);  // no due date
        dialog.findChild<QComboBox *>()->setCurrentIndex(0); // no priority
        edit = dialog.edit();
        QCOMPARE(edit.due, std::optional<QDate>(QDate()));
        QCOMPARE(edit.priority, std::optional<Priority>(Priority::None));
    }

    void editDialogForSeveralItems()
    {
        ActionItem first;
        first.line = 3;
        first.text = QStringLiteral("Draft the agenda.");
        first.owner = QStringLiteral("Ann");
        first.due = QDate(2025, 11, 10);
        first.priority = Priority::High;
        ActionItem second = first;
        second.line = 4;
        second.text = QStringLiteral("Collect the slides.");
        second.owner = QStringLiteral("Bo");
        second.due = QDate();
        EditItemDialog dialog({first, second});
        QVERIFY(!dialog.hasChanges());

        QLineEdit *text = nullptr;
        QLineEdit *owner = nullptr;
        for (QLineEdit *edit : dialog.findChildren<QLineEdit *>()) {
            if (edit->accessibleName() == u"Text")
                text = edit;
            else if (edit->accessibleName() == u"Owner")
                owner = edit;
        }
        QVERIFY(text && owner);
        // The text is each item's own; values that differ show as "(several)".
        QVERIFY(!text->isEnabled());
        QVERIFY(text->text().isEmpty());
        QCOMPARE(text->placeholderText(), QStringLiteral("(several)"));
        QVERIFY(owner->text().isEmpty());
        QCOMPARE(owner->placeholderText(), QStringLiteral("(several)"));
        auto *hasDue = dialog.findChild<QCheckBox *>();
        QCOMPARE(hasDue->checkState(), Qt::PartiallyChecked);
        QVERIFY(!dialog.findChild<QDateEdit *>()->isEnabled());
        auto *priority = dialog.findChild<QComboBox *>();
        QCOMPARE(priority->currentData().toInt(), int(Priority::High)); // the same for both

        // Text set behind the disabled field's back still goes nowhere.
        text->setText(QStringLiteral("One text for all"));
        QVERIFY(!dialog.hasChanges());

        owner->setText(QStringLiteral("Ann"));
        NoteEdit edit = dialog.changes();
        QCOMPARE(edit.owner, std::optional<QString>(QStringLiteral("Ann")));
        QVERIFY(!edit.text && !edit.due && !edit.priority);

        hasDue->setCheckState(Qt::Unchecked); // no due date for either
        edit = dialog.changes();
        QCOMPARE(edit.due, std::optional<QDate>(QDate()));
        QVERIFY(!edit.text);
    }

    void repairPreviewListsTheLines()
    {
        int changed = 0;
        const QString preview =
            RepairDialog::preview(QByteArrayLiteral("# Title\nBooker\xE2\x80\x9A\xC3\x84\xC3\xB4s notes\nRen\xC3\xA9"
                                                    "e stays\n"),
                                  &changed);
        QCOMPARE(changed, 1);
        QVERIFY(preview.contains(QStringLiteral("@@ line 2 @@")));
        QVERIFY(preview.contains(QStringLiteral("+ Booker’s notes")));
        QVERIFY(!preview.contains(QStringLiteral("Renée")));
    }

    void sampleVaultIsCopiedForTheFirstRun()
    {
        QVERIFY(!SampleVault::bundledPath().isEmpty());
        const QString copy = SampleVault::writableCopy();
        QVERIFY(!copy.isEmpty());
        QVERIFY(copy.startsWith(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)));
        int notes = 0;
        QDirIterator it(copy, {QStringLiteral("*.md")}, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QVERIFY(QFileInfo(it.next()).isWritable());
            ++notes;
        }
        QVERIFY(notes > 0);
        QCOMPARE(SampleVault::writableCopy(), copy); // once
    }
};

QTEST_MAIN(TestDialogs)
#include "tst_dialogs.moc"
