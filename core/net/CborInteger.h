#pragma once

#include <QCborValue>

#include <optional>

namespace d3::core {

/// The integer a CBOR value from the wire holds, or fallback for anything else. A double is refused, not cast:
/// QCborValue::toInteger would cast it, which is undefined behaviour for 1e300 or NaN in an untrusted header.
inline qint64 cborInteger(const QCborValue &value, qint64 fallback)
{
    return value.isInteger() ? value.toInteger() : fallback;
}

/// The integer a CBOR value from the wire holds when it lies in [low, high]; nullopt for anything else (absent, a
/// double, a string, or out of range), so that a field is never truncated to a narrower type or wrapped to unsigned.
inline std::optional<qint64> cborIntegerIn(const QCborValue &value, qint64 low, qint64 high)
{
    if (!value.isInteger() || value.toInteger() < low || value.toInteger() > high)
        return std::nullopt;
    return value.toInteger();
}

} // namespace d3::core
