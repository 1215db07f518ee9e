#pragma once

#include <QString>
#include <QStringList>
#include <QVector>

namespace d3::bench {

/// A Markdown table padded to column width: the first column left-aligned (names), the others right-aligned
/// (figures).
class MarkdownTable
{
public:
    explicit MarkdownTable(QStringList header) : m_header(std::move(header)) {}

    /// Appends a row (as many cells as the header).
    void addRow(const QStringList &cells) { m_rows.append(cells); }
    /// Header line, alignment rule and rows, each line ending in a newline.
    QString toString() const;

    /// v with a fixed number of decimals.
    static QString fixed(double v, int decimals) { return QString::number(v, 'f', decimals); }

private:
    QStringList m_header;
    QVector<QStringList> m_rows;
};

} // namespace d3::bench
