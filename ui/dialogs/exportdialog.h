#pragma once

#include "export/exportitem.h"
#include "export/taskexport.h"

#include <QDialog>
#include <QFutureWatcher>
#include <QList>
#include <QString>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;

namespace debrief {

// File › Export Tasks…: the items the Tasks tab shows, in a format and a file the user picks.
// The file is written on a worker thread with a progress bar; Cancel stops it and nothing is
// written. A failed write is shown in the dialog, which stays open for another try.
class ExportDialog final : public QDialog
{
    Q_OBJECT

public:
    // `vaultRoot` names the vault in obsidian:// links and is where the default file goes.
    ExportDialog(const QList<ExportItem> &items, const QString &vaultRoot, QWidget *parent = nullptr);
    ~ExportDialog() override;

    void setFormat(TaskExport::Format format);
    TaskExport::Format format() const;
    void setFileName(const QString &path);
    QString fileName() const;
    QPushButton *exportButton() const { return m_export; }
    QString message() const; // the last error or result shown

    static QString defaultFileName(const QString &vaultRoot, TaskExport::Format format);

Q_SIGNALS:
    void exported(const QString &path, int count);

protected:
    void reject() override;

private:
    void browse();
    void start();
    void finished();
    void formatChanged();
    void setBusy(bool busy);

    QList<ExportItem> m_items;
    QString m_vaultName;
    QComboBox *m_format;
    QLineEdit *m_file;
    QPushButton *m_browse;
    QProgressBar *m_progress;
    QLabel *m_message;
    QDialogButtonBox *m_buttons;
    QPushButton *m_export;
    QFutureWatcher<QString> m_watcher; // the error, empty when written
};

} // namespace debrief
