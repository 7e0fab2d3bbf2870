#pragma once

#include <QFrame>

class QLabel;
class QPushButton;
class QToolButton;

namespace debrief {

// A non-modal message above the views, like KMessageWidget: a failed edit, a conflict naming
// the file, an offer to repair a note's text encoding. Its colours are mixed from the palette,
// so it reads well in light and dark themes.
class MessageBar final : public QFrame
{
    Q_OBJECT

public:
    enum class Kind { Information, Warning, Error };

    explicit MessageBar(QWidget *parent = nullptr);

    // Shows `text`; with `actionText`, a button that emits actionTriggered().
    void showMessage(Kind kind, const QString &text, const QString &actionText = QString());
    QString text() const;

Q_SIGNALS:
    void actionTriggered();

protected:
    void changeEvent(QEvent *event) override;

private:
    void updateColours();

    Kind m_kind = Kind::Information;
    QLabel *m_icon;
    QLabel *m_text;
    QPushButton *m_action;
    QToolButton *m_close;
};

} // namespace debrief
