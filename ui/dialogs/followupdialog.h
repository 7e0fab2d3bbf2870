#pragma once

#include "note/note.h"

#include <QDate>
#include <QDialog>
#include <QList>
#include <QString>

class QDateEdit;
class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace debrief {

// People › Copy Follow-up…: the follow-up message for one person (or everyone), previewed as
// it will be pasted, with the day from which meetings count as new; Copy puts it on the
// clipboard, Save writes it to a Markdown file.
class FollowUpDialog final : public QDialog
{
    Q_OBJECT

public:
    // `owner` empty: one section per owner. `today` decides what is overdue.
    FollowUpDialog(const QList<Note> &notes, const QString &owner, const QDate &today, QWidget *parent = nullptr);

    QString text() const;
    void setSince(const QDate &since);
    QPushButton *copyButton() const { return m_copy; }
    // Writes the text to `path`; the error is shown in the dialog and returned, empty on success.
    QString saveTo(const QString &path);
    QString message() const;

private:
    void compose();
    void save();

    QList<Note> m_notes; // shared with the session's copy until it changes
    QString m_owner;
    QDate m_today;
    QDateEdit *m_since;
    QPlainTextEdit *m_text;
    QLabel *m_message;
    QPushButton *m_copy;
    QPushButton *m_save;
};

} // namespace debrief
