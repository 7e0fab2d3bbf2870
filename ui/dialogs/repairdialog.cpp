#include "dialogs/repairdialog.h"

#include "base/textlines.h"
#include "base/textrepair.h"
#include "edit/notefile.h"

#include <QDialogButtonBox>
#include <QFileInfo>
#include <QFontDatabase>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace debrief {

QString RepairDialog::preview(const QByteArray &bytes, int *changed)
{
    const TextLines lines = TextLines::split(bytes);
    QString text;
    int count = 0;
    for (qsizetype i = 0; i < lines.lines.size(); ++i) {
        const QByteArrayView content = TextLines::contentOf(lines.lines.at(i));
        const QByteArray repaired = TextRepair::repairBytes(content);
        if (repaired == content)
            continue;
        ++count;
        text += QStringLiteral("@@ line %1 @@\n- %2\n+ %3\n")
                    .arg(i + 1)
                    .arg(QString::fromUtf8(content), QString::fromUtf8(repaired));
    }
    if (changed)
        *changed = count;
    return text;
}

RepairDialog::RepairDialog(const QString &path, QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Repair Text Encoding"));
    const NoteFile::ReadResult read = NoteFile::read(path);
    const QString diff = read.ok() ? preview(read.bytes, &m_changed) : read.error.message;
    m_bytes = read.bytes;

    auto *intro = new QLabel(tr("These lines of <b>%1</b> hold text that a program decoded wrongly (mojibake). "
                                "Repairing rewrites only them; Undo puts them back.")
                                 .arg(QFileInfo(path).fileName().toHtmlEscaped()),
                             this);
    intro->setWordWrap(true);
    auto *text = new QPlainTextEdit(diff, this);
    text->setReadOnly(true);
    text->setLineWrapMode(QPlainTextEdit::NoWrap);
    text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    text->setAccessibleName(tr("Changes"));
    text->setMinimumSize(640, 320);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    QPushButton *repair = buttons->addButton(
        (m_changed == 1 ? tr("&Repair 1 line") : tr("&Repair %1 lines").arg(m_changed)), QDialogButtonBox::AcceptRole);
    repair->setEnabled(m_changed > 0);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(text, 1);
    layout->addWidget(buttons);
}

} // namespace debrief
