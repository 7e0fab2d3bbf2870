#pragma once

#include <QByteArray>
#include <QDialog>

namespace debrief {

// Shows, line by line, what "Repair text encoding" would change in a note, before anything is
// written. Reading the file is the only thing it does.
class RepairDialog final : public QDialog
{
    Q_OBJECT

public:
    explicit RepairDialog(const QString &path, QWidget *parent = nullptr);

    int changedLines() const { return m_changed; }
    // The file's bytes as previewed: the repair goes ahead only if the file still holds them.
    const QByteArray &previewed() const { return m_bytes; }
    static QString preview(const QByteArray &bytes, int *changed = nullptr); // a unified-diff-like text

private:
    int m_changed = 0;
    QByteArray m_bytes;
};

} // namespace debrief
