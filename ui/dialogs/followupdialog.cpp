#include "dialogs/followupdialog.h"

#include "edit/outputfile.h"
#include "export/followup.h"

#include <QApplication>
#include <QClipboard>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFontDatabase>
#include <QFormLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QVBoxLayout>

namespace debrief {

FollowUpDialog::FollowUpDialog(const QList<Note> &notes, const QString &owner, const QDate &today, QWidget *parent)
    : QDialog(parent)
    , m_notes(notes)
    , m_owner(owner)
    , m_today(today)
    , m_since(new QDateEdit(today.addDays(-7), this))
    , m_text(new QPlainTextEdit(this))
    , m_message(new QLabel(this))
{
    setWindowTitle(owner.isEmpty() ? tr("Follow-up for Everyone") : tr("Follow-up for %1").arg(owner));
    m_since->setCalendarPopup(true);
    m_since->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    m_since->setAccessibleName(tr("New since"));
    auto *form = new QFormLayout;
    form->addRow(tr("&New since:"), m_since);
    m_text->setReadOnly(true);
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_text->setAccessibleName(tr("Follow-up message"));
    m_text->setMinimumSize(620, 360);
    m_message->setWordWrap(true);
    m_message->hide();
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_copy = buttons->addButton(tr("&Copy to Clipboard"), QDialogButtonBox::ActionRole);
    m_save = buttons->addButton(tr("&Save…"), QDialogButtonBox::ActionRole);
    m_copy->setDefault(true);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_message);
    layout->addWidget(buttons);

    connect(m_since, &QDateEdit::dateChanged, this, &FollowUpDialog::compose);
    connect(m_copy, &QPushButton::clicked, this, [this] {
        QApplication::clipboard()->setText(text());
        m_message->setText(tr("Copied: paste it into an email or a chat."));
        m_message->show();
    });
    connect(m_save, &QPushButton::clicked, this, &FollowUpDialog::save);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    compose();
}

QString FollowUpDialog::text() const
{
    return m_text->toPlainText();
}

void FollowUpDialog::setSince(const QDate &since)
{
    m_since->setDate(since);
}

QString FollowUpDialog::message() const
{
    return m_message->isVisible() || !m_message->text().isEmpty() ? m_message->text() : QString();
}

void FollowUpDialog::compose()
{
    FollowUp::Options options;
    options.owner = m_owner;
    options.since = m_since->date();
    options.today = m_today;
    m_text->setPlainText(FollowUp::compose(m_notes, options));
}

QString FollowUpDialog::saveTo(const QString &path)
{
    const EditError error = OutputFile::write(path, text().toUtf8());
    m_message->setText(error.isError() ? tr("Not saved: %1").arg(error.message)
                                       : tr("Saved to %1.").arg(QDir::toNativeSeparators(path)));
    m_message->show();
    return error.isError() ? error.message : QString();
}

void FollowUpDialog::save()
{
    QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    if (folder.isEmpty())
        folder = QDir::homePath();
    const QString name = (m_owner.isEmpty() ? tr("Follow-up") : tr("Follow-up for %1").arg(m_owner))
        + QStringLiteral(" ") + m_today.toString(Qt::ISODate) + QStringLiteral(".md");
    const QString path = QFileDialog::getSaveFileName(this, tr("Save Follow-up"), QDir(folder).filePath(name),
                                                      tr("Markdown files (*.md)"));
    if (!path.isEmpty())
        saveTo(path);
}

} // namespace debrief
