#include "dialogs/edititemdialog.h"

#include "models/tasklistmodel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLineEdit>

namespace debrief {

namespace {

constexpr int untouched = -1; // the priority box's "(several)" entry

// The value every item has, or nothing when two differ.
template<typename Value, typename Field>
std::optional<Value> shared(const QList<ActionItem> &items, Field field)
{
    std::optional<Value> common;
    for (const ActionItem &item : items) {
        const Value value = field(item);
        if (common && *common != value)
            return std::nullopt;
        common = value;
    }
    return common;
}

QString withoutAt(const QString &owner)
{
    return owner.startsWith(u'@') ? owner.mid(1) : owner;
}

} // namespace

EditItemDialog::EditItemDialog(const ActionItem &item, QWidget *parent)
    : EditItemDialog(QList<ActionItem>{item}, parent)
{
}

EditItemDialog::EditItemDialog(const QList<ActionItem> &items, QWidget *parent)
    : QDialog(parent)
    , m_items(items)
    , m_owner(shared<QString>(items, [](const ActionItem &item) { return item.owner; }))
    , m_due(shared<QDate>(items, [](const ActionItem &item) { return item.due; }))
    , m_priority(shared<Priority>(items, [](const ActionItem &item) { return item.priority; }))
    , m_textEdit(new QLineEdit(this))
    , m_ownerEdit(new QLineEdit(m_owner.value_or(QString()), this))
    , m_hasDue(new QCheckBox(tr("&Due:"), this))
    , m_dueEdit(new QDateEdit(this))
    , m_priorityBox(new QComboBox(this))
{
    const bool several = items.size() > 1;
    const QString mixed = tr("(several)");
    setWindowTitle(several ? tr("Edit %n Action Items", nullptr, int(items.size())) : tr("Edit Action Item"));

    m_textEdit->setMinimumWidth(420);
    m_textEdit->setAccessibleName(tr("Text"));
    if (several) {
        // One text cannot stand for several items; each keeps its own.
        m_textEdit->setPlaceholderText(mixed);
        m_textEdit->setEnabled(false);
    } else if (!items.isEmpty()) {
        m_textEdit->setText(items.constFirst().text);
    }
    m_ownerEdit->setAccessibleName(tr("Owner"));
    m_ownerEdit->setPlaceholderText(m_owner ? tr("Nobody") : mixed);

    m_hasDue->setAccessibleName(tr("Has a due date"));
    m_dueEdit->setCalendarPopup(true);
    m_dueEdit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    m_dueEdit->setAccessibleName(tr("Due date"));
    QDate shownDue = m_due.value_or(QDate());
    for (const ActionItem &item : items) {
        if (!shownDue.isValid())
            shownDue = item.due;
    }
    m_dueEdit->setDate(shownDue.isValid() ? shownDue : QDate::currentDate());
    if (m_due) {
        m_hasDue->setChecked(m_due->isValid());
    } else {
        // Partly checked: leave every item's due date as it is.
        m_hasDue->setTristate(true);
        m_hasDue->setCheckState(Qt::PartiallyChecked);
    }
    m_dueEdit->setEnabled(m_hasDue->checkState() == Qt::Checked);
    connect(m_hasDue, &QCheckBox::stateChanged, m_dueEdit,
            [this](int state) { m_dueEdit->setEnabled(state == Qt::Checked); });

    if (!m_priority)
        m_priorityBox->addItem(mixed, untouched);
    for (Priority priority :
         {Priority::None, Priority::Highest, Priority::High, Priority::Medium, Priority::Low, Priority::Lowest}) {
        const QString label = priority == Priority::None ? tr("None") : TaskListModel::priorityLabel(priority);
        m_priorityBox->addItem(label, int(priority));
    }
    m_priorityBox->setCurrentIndex(m_priorityBox->findData(m_priority ? int(*m_priority) : untouched));
    m_priorityBox->setAccessibleName(tr("Priority"));

    auto *form = new QFormLayout;
    form->addRow(tr("&Text:"), m_textEdit);
    form->addRow(tr("&Owner:"), m_ownerEdit);
    form->addRow(m_hasDue, m_dueEdit); // the box is the label: unticked, the item has no due date
    form->addRow(tr("&Priority:"), m_priorityBox);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    form->addRow(buttons);
    setLayout(form);
}

NoteEdit EditItemDialog::changes() const
{
    NoteEdit edit = NoteEdit::change(0);
    if (m_items.size() == 1) {
        const QString text = m_textEdit->text().trimmed();
        if (!text.isEmpty() && text != m_items.constFirst().text)
            edit.text = text;
    }
    // Against what the dialog showed: with mixed owners the field starts empty, and empty means
    // "as they are".
    const QString owner = withoutAt(m_ownerEdit->text().trimmed());
    if (m_owner ? owner != *m_owner : !owner.isEmpty())
        edit.owner = owner;
    if (m_hasDue->checkState() != Qt::PartiallyChecked) {
        const QDate due = m_hasDue->isChecked() ? m_dueEdit->date() : QDate();
        if (!m_due || due != *m_due)
            edit.due = due;
    }
    const int priority = m_priorityBox->currentData().toInt();
    if (priority != untouched && (!m_priority || Priority(priority) != *m_priority))
        edit.priority = Priority(priority);
    return edit;
}

NoteEdit EditItemDialog::edit() const
{
    NoteEdit edit = changes();
    if (!m_items.isEmpty()) {
        edit.line = m_items.constFirst().line;
        edit.expected = m_items.constFirst().raw;
    }
    return edit;
}

bool EditItemDialog::hasChanges() const
{
    const NoteEdit e = changes();
    return e.text || e.owner || e.due || e.priority;
}

} // namespace debrief
