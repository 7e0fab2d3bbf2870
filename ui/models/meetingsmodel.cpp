#include "models/meetingsmodel.h"

#include "models/itemroles.h"
#include "models/meetingorder.h"
#include "session/appsettings.h"

#include <algorithm>

namespace debrief {

MeetingsModel::MeetingsModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

int MeetingsModel::proposedCount(const Note &note)
{
    return int(std::count_if(note.actionItems.cbegin(), note.actionItems.cend(),
                             [](const ActionItem &item) { return item.status == TaskStatus::Proposed; }));
}

void MeetingsModel::setNotes(const QList<Note> &notes)
{
    beginResetModel();
    m_notes.clear();
    for (const Note &note : notes) {
        if (isMeetingNote(note))
            m_notes.append(note);
    }
    std::sort(m_notes.begin(), m_notes.end(), isNewerMeeting);
    endResetModel();
}

void MeetingsModel::updateNote(const QString &path, const Note *note)
{
    const int row = rowOf(path);
    const bool shown = note && isMeetingNote(*note);
    if (row >= 0 && shown && m_notes.at(row).date == note->date && m_notes.at(row).title == note->title) {
        m_notes[row] = *note;
        Q_EMIT dataChanged(index(row), index(row));
        return;
    }
    if (row >= 0) {
        beginRemoveRows(QModelIndex(), row, row);
        m_notes.removeAt(row);
        endRemoveRows();
    }
    if (!shown)
        return;
    const auto after = std::partition_point(m_notes.cbegin(), m_notes.cend(),
                                            [note](const Note &other) { return isNewerMeeting(other, *note); });
    const int at = int(after - m_notes.cbegin());
    beginInsertRows(QModelIndex(), at, at);
    m_notes.insert(at, *note);
    endInsertRows();
}

const Note *MeetingsModel::noteAt(int row) const
{
    return row >= 0 && row < m_notes.size() ? &m_notes.at(row) : nullptr;
}

int MeetingsModel::rowOf(const QString &path) const
{
    for (qsizetype row = 0; row < m_notes.size(); ++row) {
        if (m_notes.at(row).path == path)
            return int(row);
    }
    return -1;
}

int MeetingsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_notes.size());
}

QVariant MeetingsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return QVariant();
    const Note &note = m_notes.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case TitleRole: return note.title;
    case Qt::ToolTipRole: return note.path;
    case Qt::AccessibleTextRole: {
        const int proposed = proposedCount(note);
        QString text = note.title;
        if (note.date.isValid())
            text += QStringLiteral(", ") + AppSettings::formatDate(note.date);
        if (proposed > 0)
            text += QStringLiteral(", %1 proposed").arg(proposed);
        return text;
    }
    case PathRole: return note.path;
    case LineRole: return 0;
    case DateRole: return note.date;
    case ParticipantsRole: return note.participants;
    case ProposedCountRole: return proposedCount(note);
    case SummaryRole: return note.summary;
    case PeopleRole: {
        QStringList people = note.participants;
        for (const ActionItem &item : note.actionItems) {
            if (!item.owner.isEmpty())
                people.append(item.owner);
        }
        return people;
    }
    default: return QVariant();
    }
}

} // namespace debrief
