#pragma once

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace debrief {

// Plain-text columns for the terminal: each column as wide as its widest cell, up to a
// maximum beyond which cells are elided with "…".
class TextTable final
{
public:
    void setMaxWidth(int column, int width);
    void addRow(const QStringList &cells);
    bool isEmpty() const { return m_rows.isEmpty(); }

    // One line per row, each starting with `indent`, without trailing spaces.
    QString toString(const QString &indent = {}) const;

    // `text` cut to at most `width` characters, the last one "…" when cut.
    static QString elide(const QString &text, int width);

private:
    QList<QStringList> m_rows;
    QHash<int, int> m_maxWidths;
};

} // namespace debrief
