#include "models/peoplemodel.h"

#include "models/itemroles.h"

#include <QHash>
#include <QSet>

#include <algorithm>

namespace debrief {

PeopleModel::PeopleModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

void PeopleModel::setNotes(const QList<Note> &notes)
{
    // Names are matched case-insensitively; the first spelling seen is the one shown.
    QHash<QString, qsizetype> byKey;
    QList<Person> people;
    for (const Note &note : notes) {
        QSet<QString> seenInNote;
        auto add = [&](const QString &raw) {
            const QString name = raw.trimmed();
            if (name.isEmpty())
                return;
            const QString key = name.toCaseFolded();
            if (seenInNote.contains(key))
                return;
            seenInNote.insert(key);
            auto it = byKey.constFind(key);
            if (it == byKey.constEnd()) {
                byKey.insert(key, people.size());
                people.append(Person{name, 1});
            } else {
                ++people[*it].meetings;
            }
        };
        for (const QString &participant : note.participants)
            add(participant);
        for (const ActionItem &item : note.actionItems)
            add(item.owner);
    }
    std::sort(people.begin(), people.end(),
              [](const Person &a, const Person &b) { return a.name.localeAwareCompare(b.name) < 0; });
    // Most edits leave the people as they were: no reset, so the list keeps its selection.
    if (people == m_people)
        return;
    beginResetModel();
    m_people = people;
    endResetModel();
}

QString PeopleModel::nameAt(int row) const
{
    return row >= 1 && row <= m_people.size() ? m_people.at(row - 1).name : QString();
}

int PeopleModel::rowOf(const QString &name) const
{
    if (name.isEmpty())
        return 0;
    for (qsizetype i = 0; i < m_people.size(); ++i) {
        if (m_people.at(i).name.compare(name, Qt::CaseInsensitive) == 0)
            return int(i + 1);
    }
    return -1;
}

int PeopleModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_people.size() + 1);
}

QVariant PeopleModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return QVariant();
    if (index.row() == 0) {
        if (role == Qt::DisplayRole || role == Qt::AccessibleTextRole)
            return tr("Everyone");
        if (role == OwnerRole)
            return QString();
        return QVariant();
    }
    const Person &person = m_people.at(index.row() - 1);
    switch (role) {
    case Qt::DisplayRole: return QStringLiteral("%1 (%2)").arg(person.name).arg(person.meetings);
    case Qt::AccessibleTextRole:
        return (person.meetings == 1 ? tr("%1, 1 meeting").arg(person.name)
                                     : tr("%1, %2 meetings").arg(person.name).arg(person.meetings));
    case Qt::ToolTipRole: return tr("Show only %1's meetings and tasks").arg(person.name);
    case OwnerRole: return person.name;
    default: return QVariant();
    }
}

} // namespace debrief
