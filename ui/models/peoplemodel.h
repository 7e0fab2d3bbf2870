#pragma once

#include "note/note.h"

#include <QAbstractListModel>
#include <QList>

namespace debrief {

// Everyone who took part in a meeting or owns an action item, with the number of meetings they
// appear in. Row 0 is "Everyone" (an empty name), which clears the person filter.
class PeopleModel final : public QAbstractListModel
{
    Q_OBJECT

public:
    explicit PeopleModel(QObject *parent = nullptr);

    void setNotes(const QList<Note> &notes);
    QString nameAt(int row) const;
    int rowOf(const QString &name) const;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    struct Person
    {
        QString name;
        int meetings = 0;

        friend bool operator==(const Person &, const Person &) = default;
    };
    QList<Person> m_people;
};

} // namespace debrief
