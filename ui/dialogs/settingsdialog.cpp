#include "dialogs/settingsdialog.h"

#include "session/appsettings.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>

namespace debrief {

SettingsDialog::SettingsDialog(QWidget *parent)
    : QDialog(parent)
    , m_name(new QLineEdit(AppSettings::userName(), this))
    , m_dateFormat(new QComboBox(this))
{
    setWindowTitle(tr("Settings"));
    m_name->setPlaceholderText(tr("As it appears after @ in your notes"));
    m_name->setAccessibleName(tr("Your name"));
    m_name->setMinimumWidth(320);
    const QDate sample(2025, 10, 31);
    for (const QString &format :
         {QStringLiteral("yyyy-MM-dd"), QStringLiteral("d MMM yyyy"), QStringLiteral("ddd d MMM yyyy"),
          QStringLiteral("MM/dd/yyyy"), QStringLiteral("dd.MM.yyyy"), QString()}) {
        const QString label = format.isEmpty() ? tr("System (%1)").arg(QLocale().toString(sample, QLocale::ShortFormat))
                                               : sample.toString(format);
        m_dateFormat->addItem(label, format);
    }
    const int current = m_dateFormat->findData(AppSettings::dateFormat());
    m_dateFormat->setCurrentIndex(current >= 0 ? current : 0);
    m_dateFormat->setAccessibleName(tr("Date format"));

    auto *form = new QFormLayout(this);
    form->addRow(tr("Your &name:"), m_name);
    auto *hint = new QLabel(tr("Action items owned by this name or by @Myself are your tasks."), this);
    hint->setForegroundRole(QPalette::PlaceholderText);
    hint->setWordWrap(true);
    form->addRow(QString(), hint);
    form->addRow(tr("&Date format:"), m_dateFormat);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    form->addRow(buttons);
}

void SettingsDialog::accept()
{
    AppSettings::setUserName(m_name->text());
    AppSettings::setDateFormat(m_dateFormat->currentData().toString());
    QDialog::accept();
}

} // namespace debrief
