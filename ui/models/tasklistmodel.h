#pragma once

#include "note/note.h"

#include <QAbstractTableModel>
#include <QDate>
#include <QList>

namespace debrief {

// Action items as table rows, meetings newest first, each meeting's items in file order.
// The Tasks view shows every item through it; subclasses choose fewer (one meeting, the proposed ones): status
// (checkable: done or not), text, owner, due, priority, meeting, date. Checking a box never edits anything itself: it
// asks, through toggleRequested(), and the row changes when the edit has landed on disk and the note was read again.
class TaskListModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        StatusColumn,
        TextColumn,
        OwnerColumn,
        DueColumn,
        PriorityColumn,
        MeetingColumn,
        MeetingDateColumn,
        ColumnCount
    };

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
    // Replaces the rows of one note (null: it is gone) and leaves the others alone, so that an
    // edit in a large vault costs one note's rows, not a reset.
    void updateNote(const QString &path, const Note *note);
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
    static QString dueText(const ActionItem &item);

Q_SIGNALS:
    void toggleRequested(const QString &path, int line, bool done);

protected:
    // The rows to show for one parsed note, in display order.
    virtual QList<Row> rowsOf(const Note &note) const; // every action item of the note
    static Row makeRow(const Note &note, const ActionItem &item);

private:
    QList<Row> m_rows;
    QDate m_today;
};

} // namespace debrief
