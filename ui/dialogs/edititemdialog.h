#pragma once

#include "edit/noteedit.h"
#include "note/actionitem.h"

#include <QDialog>
#include <QList>

#include <optional>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QLineEdit;

namespace debrief {

// Edits the text, owner, due date and priority of one action item, or the owner, due date and
// priority of several. The edit it returns holds only the fields the user changed, so the rest
// of each line stays as it is. With several items the text cannot be edited (each keeps its
// own), and a field whose value differs between them shows "(several)" until the user sets it.
class EditItemDialog final : public QDialog
{
    Q_OBJECT

public:
    explicit EditItemDialog(const ActionItem &item, QWidget *parent = nullptr);
    explicit EditItemDialog(const QList<ActionItem> &items, QWidget *parent = nullptr);

    // The fields the user changed, for any of the items (line and expected bytes left empty).
    NoteEdit changes() const;
    NoteEdit edit() const; // changes() as a Change edit of the first item's line
    bool hasChanges() const;

private:
    QList<ActionItem> m_items;
    // What all the items share; nothing when they differ.
    std::optional<QString> m_owner;
    std::optional<QDate> m_due;
    std::optional<Priority> m_priority;

    QLineEdit *m_textEdit;
    QLineEdit *m_ownerEdit;
    QCheckBox *m_hasDue;
    QDateEdit *m_dueEdit;
    QComboBox *m_priorityBox;
};

} // namespace debrief
