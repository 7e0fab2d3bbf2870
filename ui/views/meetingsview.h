#pragma once

#include "views/pendingnotes.h"

#include <QWidget>

class QLineEdit;
class QListView;
class QSplitter;

namespace debrief {

class FollowUpDialog;
class MeetingFilterModel;
class MeetingsModel;
class NoteDetail;
class PeopleModel;
class Session;

// The meetings, newest first, with a filter box and a People list; the selected one in detail.
class MeetingsView final : public QWidget
{
    Q_OBJECT

public:
    explicit MeetingsView(Session *session, QWidget *parent = nullptr);

    void openNote(const QString &path, int line = 0);
    void setPerson(const QString &person);
    // People › Copy Follow-up…: the message for `person` (empty: everyone), in a dialog it opens.
    FollowUpDialog *showFollowUp(const QString &person);
    QListView *peopleList() const { return m_peopleList; }
    QListView *meetingsList() const { return m_list; }
    NoteDetail *detail() const { return m_detail; }
    MeetingFilterModel *filter() const { return m_filter; }

Q_SIGNALS:
    void personChanged(const QString &person);
    void failed(const QString &message);

protected:
    void showEvent(QShowEvent *event) override;

private:
    // A hidden view only notes which notes changed, and catches up when it is shown.
    void notesChanged(const QStringList &paths);
    void reload();
    void showCurrent();

    Session *m_session;
    MeetingsModel *m_model;
    MeetingFilterModel *m_filter;
    PeopleModel *m_people;
    QLineEdit *m_filterEdit;
    QListView *m_list;
    QListView *m_peopleList;
    NoteDetail *m_detail;
    QSplitter *m_splitter;
    QSplitter *m_sideSplitter;
    PendingNotes m_pending;
};

} // namespace debrief
