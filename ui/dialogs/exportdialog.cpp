#include "dialogs/exportdialog.h"

#include "edit/outputfile.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPromise>
#include <QPushButton>
#include <QStandardPaths>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace debrief {

namespace {

using Format = TaskExport::Format;

const QList<Format> formats{Format::Ics, Format::Csv, Format::Json, Format::Markdown};

QString formatLabel(Format format)
{
    switch (format) {
    case Format::Ics: return ExportDialog::tr("iCalendar to-dos (.ics): Thunderbird, GNOME, KDE, Reminders");
    case Format::Csv: return ExportDialog::tr("Spreadsheet (.csv): LibreOffice, Excel");
    case Format::Json: return ExportDialog::tr("JSON (.json)");
    case Format::Markdown: return ExportDialog::tr("Markdown task list by owner (.md)");
    }
    return {};
}

QString fileFilter(Format format)
{
    return ExportDialog::tr("%1 files (*.%2)").arg(TaskExport::formatName(format), TaskExport::fileSuffix(format));
}

} // namespace

ExportDialog::ExportDialog(const QList<ExportItem> &items, const QString &vaultRoot, QWidget *parent)
    : QDialog(parent)
    , m_items(items)
    , m_vaultName(QDir(vaultRoot).dirName())
    , m_format(new QComboBox(this))
    , m_file(new QLineEdit(this))
    , m_browse(new QPushButton(tr("&Browse…"), this))
    , m_progress(new QProgressBar(this))
    , m_message(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Export Tasks"));
    auto *what = new QLabel(
        items.size() == 1
            ? tr("1 action item: the one the Tasks tab shows.")
            : tr("%1 action items: those the Tasks tab shows, in its order.").arg(QLocale().toString(items.size())),
        this);
    what->setWordWrap(true);
    for (Format format : formats)
        m_format->addItem(formatLabel(format), int(format));
    m_format->setAccessibleName(tr("Format"));
    m_file->setAccessibleName(tr("File"));
    m_file->setText(defaultFileName(vaultRoot, Format::Ics));
    m_file->setMinimumWidth(420);
    auto *fileRow = new QHBoxLayout;
    fileRow->addWidget(m_file, 1);
    fileRow->addWidget(m_browse);
    auto *form = new QFormLayout;
    form->addRow(tr("&Format:"), m_format);
    auto *fileLabel = new QLabel(tr("F&ile:"), this); // a row of a layout gets no buddy of its own
    fileLabel->setBuddy(m_file);
    form->addRow(fileLabel, fileRow);
    m_progress->setRange(0, int(std::max<qsizetype>(items.size(), 1)));
    m_progress->setAccessibleName(tr("Export progress"));
    m_progress->hide();
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->hide();
    m_export = m_buttons->addButton(tr("&Export"), QDialogButtonBox::AcceptRole);
    m_export->setDefault(true);
    m_export->setEnabled(!items.isEmpty());

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(what);
    layout->addLayout(form);
    layout->addWidget(m_progress);
    layout->addWidget(m_message);
    layout->addWidget(m_buttons);

    connect(m_format, &QComboBox::currentIndexChanged, this, &ExportDialog::formatChanged);
    connect(m_browse, &QPushButton::clicked, this, &ExportDialog::browse);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &ExportDialog::start);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &ExportDialog::reject);
    connect(m_file, &QLineEdit::textChanged, this,
            [this](const QString &text) { m_export->setEnabled(!m_items.isEmpty() && !text.trimmed().isEmpty()); });
    connect(&m_watcher, &QFutureWatcher<QString>::progressValueChanged, m_progress, &QProgressBar::setValue);
    connect(&m_watcher, &QFutureWatcher<QString>::finished, this, &ExportDialog::finished);
}

ExportDialog::~ExportDialog()
{
    m_watcher.cancel();
    m_watcher.waitForFinished();
}

QString ExportDialog::defaultFileName(const QString &vaultRoot, Format format)
{
    QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    if (folder.isEmpty() || !QFileInfo(folder).isDir())
        folder = QDir::homePath();
    const QString name = QDir(vaultRoot).dirName().isEmpty() ? tr("Tasks") : QDir(vaultRoot).dirName();
    return QDir(folder).filePath(tr("%1 tasks.%2").arg(name, TaskExport::fileSuffix(format)));
}

void ExportDialog::setFormat(Format format)
{
    m_format->setCurrentIndex(int(formats.indexOf(format)));
}

Format ExportDialog::format() const
{
    return Format(m_format->currentData().toInt());
}

void ExportDialog::setFileName(const QString &path)
{
    m_file->setText(QDir::toNativeSeparators(path));
}

QString ExportDialog::fileName() const
{
    return QDir::fromNativeSeparators(m_file->text().trimmed());
}

QString ExportDialog::message() const
{
    return m_message->text();
}

// The file's suffix follows the format when it is one of the formats' suffixes.
void ExportDialog::formatChanged()
{
    const QFileInfo info(fileName());
    const bool known = std::any_of(formats.cbegin(), formats.cend(), [&](Format format) {
        return info.suffix().compare(TaskExport::fileSuffix(format), Qt::CaseInsensitive) == 0;
    });
    if (known && !fileName().isEmpty())
        setFileName(info.dir().filePath(info.completeBaseName() + u'.' + TaskExport::fileSuffix(format())));
}

void ExportDialog::browse()
{
    const QString chosen = QFileDialog::getSaveFileName(this, tr("Export Tasks"), fileName(), fileFilter(format()));
    if (!chosen.isEmpty())
        setFileName(chosen);
}

void ExportDialog::setBusy(bool busy)
{
    m_format->setEnabled(!busy);
    m_file->setEnabled(!busy);
    m_browse->setEnabled(!busy);
    m_export->setEnabled(!busy);
    m_progress->setVisible(busy);
}

void ExportDialog::start()
{
    const QString path = fileName();
    if (path.isEmpty() || m_watcher.isRunning())
        return;
    TaskExport::Options options;
    options.vaultName = m_vaultName;
    options.appVersion = QCoreApplication::applicationVersion();
    m_message->hide();
    m_progress->setValue(0);
    setBusy(true);
    const Format chosen = format();
    // The items are copied into the task: the dialog may be closed while it runs.
    m_watcher.setFuture(QtConcurrent::run([items = m_items, options, chosen, path](QPromise<QString> &promise) {
        promise.setProgressRange(0, int(std::max<qsizetype>(items.size(), 1)));
        TaskExport::Options withProgress = options;
        withProgress.progress = [&promise](qsizetype done, qsizetype) {
            promise.setProgressValue(int(done));
            return !promise.isCanceled();
        };
        const QByteArray bytes = TaskExport::write(chosen, items, withProgress);
        if (promise.isCanceled())
            return;
        const EditError error = OutputFile::write(path, bytes);
        promise.addResult(error.isError() ? error.message : QString());
    }));
}

void ExportDialog::finished()
{
    setBusy(false);
    if (m_watcher.isCanceled() || m_watcher.future().resultCount() == 0)
        return;
    const QString error = m_watcher.result();
    if (!error.isEmpty()) {
        m_message->setText(tr("Nothing was exported: %1").arg(error));
        m_message->show();
        m_file->setFocus();
        return;
    }
    m_message->setText(tr("%n action item(s) exported to %1.", nullptr, int(m_items.size()))
                           .arg(QDir::toNativeSeparators(fileName())));
    Q_EMIT exported(fileName(), int(m_items.size()));
    accept();
}

void ExportDialog::reject()
{
    // Cancel while writing stops the writing first; the file is left as it was.
    if (m_watcher.isRunning()) {
        m_watcher.cancel();
        m_watcher.waitForFinished();
    }
    QDialog::reject();
}

} // namespace debrief
