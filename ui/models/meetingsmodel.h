#pragma once

#include "note/note.h"

#include <QAbstractListModel>
#include <QList>

namespace debrief {

// Every meeting in the vault, newest first (undated ones last, then by title).
class MeetingsModel final : public QAbstractListModel
{
    Q_OBJECT

public:
    explicit MeetingsModel(QObject *parent = nullptr);

    void setNotes(const QList<Note> &notes);
    // Replaces one note's row (null: it is gone), moving it only if its place in the order changed.
    void updateNote(const QString &path, const Note *note);
    const Note *noteAt(int row) const;
    int rowOf(const QString &path) const;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

    static int proposedCount(const Note &note);

private:
    QList<Note> m_notes;
};

} // namespace debrief
