#include "cli/texttable.h"

#include <algorithm>

namespace debrief {

void TextTable::setMaxWidth(int column, int width)
{
    m_maxWidths.insert(column, std::max(width, 1));
}

void TextTable::addRow(const QStringList &cells)
{
    QStringList row;
    row.reserve(cells.size());
    for (qsizetype column = 0; column < cells.size(); ++column) {
        // A line break inside a cell would break the columns.
        QString cell = cells.at(column).simplified();
        const auto max = m_maxWidths.constFind(int(column));
        if (max != m_maxWidths.constEnd())
            cell = elide(cell, *max);
        row.append(cell);
    }
    m_rows.append(row);
}

QString TextTable::toString(const QString &indent) const
{
    QList<qsizetype> widths;
    for (const QStringList &row : m_rows) {
        for (qsizetype column = 0; column < row.size(); ++column) {
            if (widths.size() <= column)
                widths.append(0);
            widths[column] = std::max(widths.at(column), row.at(column).size());
        }
    }

    QString text;
    for (const QStringList &row : m_rows) {
        QString line = indent;
        for (qsizetype column = 0; column < row.size(); ++column) {
            if (column > 0)
                line += QStringLiteral("  ");
            line += row.at(column).leftJustified(widths.at(column));
        }
        while (line.endsWith(u' '))
            line.chop(1);
        text += line + u'\n';
    }
    return text;
}

QString TextTable::elide(const QString &text, int width)
{
    if (text.size() <= width)
        return text;
    qsizetype keep = std::max(width - 1, 0);
    // Never split a surrogate pair (an emoji) in half.
    if (keep > 0 && text.at(keep - 1).isHighSurrogate())
        --keep;
    QString cut = text.left(keep);
    while (cut.endsWith(u' '))
        cut.chop(1);
    return cut + QChar(0x2026);
}

} // namespace debrief
