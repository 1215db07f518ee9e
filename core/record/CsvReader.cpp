#include "CsvReader.h"

#include <QLocale>

namespace d3::core {

CsvReader::CsvReader(const QByteArray &text)
    : m_text(text)
{
}

std::optional<CsvRecord> CsvReader::next(QString *error)
{
    error->clear();
    const qsizetype n = m_text.size();
    if (m_pos >= n)
        return std::nullopt;
    CsvRecord record;
    record.line = m_line;
    QByteArray field;
    bool quoted = false;     // the current field started with a quote
    bool inQuotes = false;   // inside the quotes of a quoted field
    bool afterQuote = false; // the quoted field's closing quote was read
    const auto endField = [&] {
        record.fields << QString::fromUtf8(field);
        field.clear();
        quoted = inQuotes = afterQuote = false;
    };
    while (m_pos < n) {
        const char c = m_text.at(m_pos++);
        if (inQuotes) {
            if (c == '"') {
                if (m_pos < n && m_text.at(m_pos) == '"') {
                    field += '"';
                    ++m_pos;
                } else {
                    inQuotes = false;
                    afterQuote = true;
                }
            } else {
                if (c == '\n')
                    ++m_line;
                field += c;
            }
            continue;
        }
        if (c == ',') {
            endField();
            continue;
        }
        if (c == '\n' || (c == '\r' && m_pos < n && m_text.at(m_pos) == '\n')) {
            if (c == '\r')
                ++m_pos;
            ++m_line;
            endField();
            return record;
        }
        if (afterQuote) {
            *error = QStringLiteral("text after the closing quote of field %1").arg(record.fields.size() + 1);
            return std::nullopt;
        }
        if (c == '"') {
            if (quoted || !field.isEmpty()) {
                *error = QStringLiteral("a quote inside unquoted field %1 (quote the field and double the quote, "
                                        "as RFC 4180)").arg(record.fields.size() + 1);
                return std::nullopt;
            }
            quoted = inQuotes = true;
            continue;
        }
        field += c;
    }
    endField();
    record.terminated = false;
    return record;
}

QByteArray CsvReader::number(double value)
{
    return QByteArray::number(value, 'g', QLocale::FloatingPointShortest);
}

QByteArray CsvReader::quote(const QString &field)
{
    QByteArray bytes = field.toUtf8();
    if (!bytes.contains(',') && !bytes.contains('"') && !bytes.contains('\n') && !bytes.contains('\r'))
        return bytes;
    bytes.replace("\"", "\"\"");
    return '"' + bytes + '"';
}

} // namespace d3::core
