#pragma once

#include <QDialog>

class QComboBox;
class QLineEdit;

namespace debrief {

// The user's own name (it stands for @Myself and "my tasks") and how dates are shown.
class SettingsDialog final : public QDialog
{
    Q_OBJECT

public:
    explicit SettingsDialog(QWidget *parent = nullptr);

    void accept() override;

private:
    QLineEdit *m_name;
    QComboBox *m_dateFormat;
};

} // namespace debrief
