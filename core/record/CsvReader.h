#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <optional>

namespace d3::core {

/// One record of a CSV file.
struct CsvRecord {
    QStringList fields;     ///< the fields, unquoted (UTF-8 decoded)
    int line = 0;           ///< the line the record starts on, from 1
    bool terminated = true; ///< false: the file ended inside this record (no line break after it)
};

/// Splits UTF-8 CSV text into records by RFC 4180: fields separated by commas, records by LF or CRLF; a field in
/// double quotes may hold commas, line breaks and doubled quotes (""). Strict: a quote inside an unquoted field,
/// text after a closing quote or an unclosed quote is an error. Works on a buffer it does not own; one thread.
class CsvReader
{
public:
    /// Reads from text, which must outlive the reader.
    explicit CsvReader(const QByteArray &text);

    /// The next record; nullopt at the end of the text (error stays empty) or on malformed text (one line in
    /// *error, on line line()); an unclosed quote at the end of the text is not an error but an unterminated record.
    std::optional<CsvRecord> next(QString *error);
    /// The line the reader is on, from 1 (after an error: the line of the error).
    int line() const { return m_line; }

    /// Writes one field, quoted as RFC 4180 when it holds a comma, a quote or a line break.
    static QByteArray quote(const QString &field);
    /// Writes a number in the shortest decimal form that reads back to the same double.
    static QByteArray number(double value);

private:
    const QByteArray &m_text;
    qsizetype m_pos = 0;
    int m_line = 1;
};

} // namespace d3::core
