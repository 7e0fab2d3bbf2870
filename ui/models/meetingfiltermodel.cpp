#include "models/meetingfiltermodel.h"

#include "models/itemroles.h"
#include "session/appsettings.h"

#include <QDate>

namespace debrief {

MeetingFilterModel::MeetingFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
}

void MeetingFilterModel::setText(const QString &text)
{
    if (m_text == text.trimmed())
        return;
    m_text = text.trimmed();
    invalidateFilter();
}

void MeetingFilterModel::setPerson(const QString &person)
{
    if (m_person == person)
        return;
    m_person = person;
    invalidateFilter();
}

bool MeetingFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    if (!m_person.isEmpty()) {
        const QStringList people = index.data(PeopleRole).toStringList();
        if (!people.contains(m_person, Qt::CaseInsensitive))
            return false;
    }
    if (m_text.isEmpty())
        return true;
    const QDate date = index.data(DateRole).toDate();
    const QString haystack = index.data(TitleRole).toString() + u'\n'
        + index.data(ParticipantsRole).toStringList().join(u'\n') + u'\n' + date.toString(Qt::ISODate) + u'\n'
        + AppSettings::formatDate(date);
    const QStringList words = m_text.split(u' ', Qt::SkipEmptyParts);
    for (const QString &word : words) {
        if (!haystack.contains(word, Qt::CaseInsensitive))
            return false;
    }
    return true;
}

} // namespace debrief
