#pragma once

#include <QString>
#include <QStringList>
#include <QVector>

namespace d3::cli {

/// A plain-text table with aligned columns for terminal output (numbers right-aligned).
class TextTable
{
public:
    /// Starts a table with these column headers.
    explicit TextTable(QStringList headers) : m_headers(std::move(headers)) {}
    /// Appends a row (as many cells as headers).
    void addRow(const QStringList &cells) { m_rows << cells; }
    /// The table as text, header, rule and rows, each line ending in '\n'.
    QString render() const;

private:
    QStringList m_headers;
    QVector<QStringList> m_rows;
};

} // namespace d3::cli
