#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

namespace debrief {

// An action item as the user saw it: where it was and what its line held, so that an edit can
// find it again (NoteEdit::expected) and the undo step can name it.
struct ItemRef
{
    QString path;
    int line = 0;
    QByteArray raw;
    QString text;

    friend bool operator==(const ItemRef &, const ItemRef &) = default;
};

} // namespace debrief
