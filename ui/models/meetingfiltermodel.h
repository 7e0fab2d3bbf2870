#pragma once

#include <QSortFilterProxyModel>

namespace debrief {

// Narrows the meetings list by the filter box (title, participants, date) and by one person.
class MeetingFilterModel final : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit MeetingFilterModel(QObject *parent = nullptr);

    void setText(const QString &text);
    void setPerson(const QString &person); // empty: everyone
    QString person() const { return m_person; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_text;
    QString m_person;
};

} // namespace debrief
