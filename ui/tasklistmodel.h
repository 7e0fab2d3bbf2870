#pragma once

#include "note.h"

#include <QAbstractTableModel>
#include <QDate>
#include <QList>

namespace debrief {

// Action items as table rows. Subclasses choose which items and in what order; this class
// shows them: status (checkable: done or not), text, owner, due, priority, meeting, date.
// Checking a box never edits anything itself: it asks, through toggleRequested(), and the row
// changes when the edit has landed on disk and the note was read again.
class TaskListModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { StatusColumn, TextColumn, OwnerColumn, DueColumn, PriorityColumn, MeetingColumn,
                  MeetingDateColumn, ColumnCount };

    struct Row
    {
        QString path;
        QString meetingTitle;
        QDate meetingDate;
        QString summary;
        QStringList participants;
        ActionItem item;
    };

    explicit TaskListModel(QObject *parent = nullptr);

    void setNotes(const QList<Note> &notes);
    void setToday(const QDate &today); // for overdue; tests pin it
    QDate today() const { return m_today; }

    const Row *rowAt(int row) const;
    int rowOf(const QString &path, int line) const;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    static QString statusLabel(TaskStatus status);
    static QString priorityLabel(Priority priority);
    bool isOverdue(const ActionItem &item) const;

Q_SIGNALS:
    void toggleRequested(const QString &path, int line, bool done);

protected:
    // The rows to show for these notes, in display order.
    virtual QList<Row> rowsFor(const QList<Note> &notes) const = 0;
    static Row makeRow(const Note &note, const ActionItem &item);

private:
    QList<Row> m_rows;
    QDate m_today;
};

} // namespace debrief
