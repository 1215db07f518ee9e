#include "TextTable.h"

#include <QRegularExpression>

namespace d3::cli {

QString TextTable::render() const
{
    QVector<int> widths;
    for (const QString &h : m_headers)
        widths << h.size();
    for (const QStringList &row : m_rows) {
        for (int c = 0; c < row.size() && c < widths.size(); ++c)
            widths[c] = qMax(widths[c], row[c].size());
    }
    static const QRegularExpression numeric(QStringLiteral("^[-+]?[0-9][0-9,.]*(e[-+]?[0-9]+)?%?x?$"));
    auto line = [&](const QStringList &cells) {
        QStringList padded;
        for (int c = 0; c < widths.size(); ++c) {
            const QString cell = cells.value(c);
            padded << (numeric.match(cell).hasMatch() ? cell.rightJustified(widths[c]) : cell.leftJustified(widths[c]));
        }
        QString text = padded.join(QLatin1String("  "));
        while (text.endsWith(QLatin1Char(' '))) // trailing padding only: a right-aligned first column keeps its
            text.chop(1);                       // leading spaces
        return text + QLatin1Char('\n');
    };
    QString out = line(m_headers);
    QStringList rules;
    for (int w : widths)
        rules << QString(w, QLatin1Char('-'));
    out += rules.join(QLatin1String("  ")) + QLatin1Char('\n');
    for (const QStringList &row : m_rows)
        out += line(row);
    return out;
}

} // namespace d3::cli
