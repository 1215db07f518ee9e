#pragma once

#include <QCborMap>
#include <QString>

#include <limits>
#include <optional>

namespace d3::core {

/// Reads the fields of one message's CBOR header from an untrusted peer: every field is checked as it is read
/// (type, range, length; integers as 64-bit, never truncated or cast from a double), and the first fault is kept as
/// one line naming the message and the field. Read everything, then look at ok().
class CborFields
{
public:
    /// Fields of map, a message called message (for the error line).
    CborFields(const QCborMap &map, QString message) : m_map(map), m_message(std::move(message)) {}

    /// An integer in [low, high]; fallback when absent and not required.
    qint64 integer(const char *key, qint64 low, qint64 high, bool required = true, qint64 fallback = 0);
    /// A finite number in [low, high] (an integer is taken as its value); fallback when absent and not required.
    double number(const char *key, double low, double high, bool required = true, double fallback = 0);
    /// A text of at most maxChars; "" when absent and not required.
    QString text(const char *key, qsizetype maxChars, bool required = true);
    /// A byte string of exactly bytes (any length when bytes < 0); empty when absent and not required.
    QByteArray bytes(const char *key, qsizetype bytes, bool required = true);
    /// A boolean; fallback when absent and not required.
    bool boolean(const char *key, bool required = true, bool fallback = false);
    /// True if the field is present.
    bool has(const char *key) const { return m_map.contains(QLatin1String(key)); }

    /// True while every field read so far was right.
    bool ok() const { return m_error.isEmpty(); }
    /// The first fault ("" if none).
    const QString &error() const { return m_error; }
    /// message when every field was right, else nullopt with the first fault in *error.
    template<typename M>
    std::optional<M> result(M message, QString *error) const
    {
        if (ok())
            return message;
        *error = m_error;
        return std::nullopt;
    }
    /// Records a fault found by the caller (a rule between fields); keeps the first.
    void fail(const QString &why);

private:
    bool absent(const char *key, bool required);

    const QCborMap &m_map;
    QString m_message;
    QString m_error;
};

} // namespace d3::core
