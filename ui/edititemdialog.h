#pragma once

#include "actionitem.h"
#include "noteedit.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QLineEdit;

namespace debrief {

// Edits an action item's text, owner, due date and priority. The edit it returns holds only
// the fields the user changed, so the rest of the line stays as it is.
class EditItemDialog final : public QDialog
{
    Q_OBJECT

public:
    explicit EditItemDialog(const ActionItem &item, QWidget *parent = nullptr);

    NoteEdit edit() const; // a Change edit of the item's line; no fields set when nothing changed
    bool hasChanges() const;

private:
    ActionItem m_item;
    QLineEdit *m_text;
    QLineEdit *m_owner;
    QCheckBox *m_hasDue;
    QDateEdit *m_due;
    QComboBox *m_priority;
};

} // namespace debrief
