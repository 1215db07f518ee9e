#include "MarkdownTable.h"

#include <algorithm>

namespace d3::bench {

QString MarkdownTable::toString() const
{
    QVector<int> width;
    for (const QString &h : m_header)
        width.append(int(h.size()));
    for (const QStringList &row : m_rows) {
        for (int c = 0; c < row.size() && c < width.size(); ++c)
            width[c] = std::max(width[c], int(row.at(c).size()));
    }
    auto line = [&](const QStringList &cells) {
        QString s = QStringLiteral("|");
        for (int c = 0; c < width.size(); ++c) {
            const QString cell = cells.value(c);
            s += QLatin1Char(' ') + (c == 0 ? cell.leftJustified(width[c]) : cell.rightJustified(width[c]))
                + QStringLiteral(" |");
        }
        return s + QLatin1Char('\n');
    };
    QString out = line(m_header);
    QString rule = QStringLiteral("|");
    for (int c = 0; c < width.size(); ++c)
        rule += (c == 0 ? QStringLiteral(" :") + QString(width[c] - 1, QLatin1Char('-'))
                        : QLatin1Char(' ') + QString(width[c] - 1, QLatin1Char('-')) + QLatin1Char(':'))
            + QStringLiteral(" |");
    out += rule + QLatin1Char('\n');
    for (const QStringList &row : m_rows)
        out += line(row);
    return out;
}

} // namespace d3::bench
