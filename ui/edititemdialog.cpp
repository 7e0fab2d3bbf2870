#include "edititemdialog.h"

#include "tasklistmodel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLineEdit>

namespace debrief {

EditItemDialog::EditItemDialog(const ActionItem &item, QWidget *parent)
    : QDialog(parent)
    , m_item(item)
    , m_text(new QLineEdit(item.text, this))
    , m_owner(new QLineEdit(item.owner, this))
    , m_hasDue(new QCheckBox(tr("&Due:"), this))
    , m_due(new QDateEdit(this))
    , m_priority(new QComboBox(this))
{
    setWindowTitle(tr("Edit Action Item"));
    m_text->setMinimumWidth(420);
    m_text->setAccessibleName(tr("Text"));
    m_owner->setAccessibleName(tr("Owner"));
    m_owner->setPlaceholderText(tr("Nobody"));
    m_hasDue->setChecked(item.due.isValid());
    m_hasDue->setAccessibleName(tr("Has a due date"));
    m_due->setCalendarPopup(true);
    m_due->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    m_due->setDate(item.due.isValid() ? item.due : QDate::currentDate());
    m_due->setEnabled(item.due.isValid());
    m_due->setAccessibleName(tr("Due date"));
    connect(m_hasDue, &QCheckBox::toggled, m_due, &QWidget::setEnabled);
    for (Priority priority : {Priority::None, Priority::Highest, Priority::High, Priority::Medium, Priority::Low, Priority::Lowest}) {
        const QString label = priority == Priority::None ? tr("None") : TaskListModel::priorityLabel(priority);
        m_priority->addItem(label, int(priority));
    }
    m_priority->setCurrentIndex(m_priority->findData(int(item.priority)));
    m_priority->setAccessibleName(tr("Priority"));

    auto *form = new QFormLayout;
    form->addRow(tr("&Text:"), m_text);
    form->addRow(tr("&Owner:"), m_owner);
    form->addRow(m_hasDue, m_due); // the box is the label: unticked, the item has no due date
    form->addRow(tr("&Priority:"), m_priority);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    form->addRow(buttons);
    setLayout(form);
}

NoteEdit EditItemDialog::edit() const
{
    NoteEdit edit = NoteEdit::change(m_item.line, m_item.raw);
    const QString text = m_text->text().trimmed();
    if (!text.isEmpty() && text != m_item.text)
        edit.text = text;
    const QString owner = m_owner->text().trimmed();
    if (owner.startsWith(u'@') ? owner.mid(1) != m_item.owner : owner != m_item.owner)
        edit.owner = owner.startsWith(u'@') ? owner.mid(1) : owner;
    const QDate due = m_hasDue->isChecked() ? m_due->date() : QDate();
    if (due != m_item.due)
        edit.due = due;
    const auto priority = Priority(m_priority->currentData().toInt());
    if (priority != m_item.priority)
        edit.priority = priority;
    return edit;
}

bool EditItemDialog::hasChanges() const
{
    const NoteEdit e = edit();
    return e.text || e.owner || e.due || e.priority;
}

} // namespace debrief
