#pragma once

#include <QCborValue>

namespace d3::core {

/// The integer a CBOR value from the wire holds, or fallback for anything else. A double is refused, not cast:
/// QCborValue::toInteger would cast it, which is undefined behaviour for 1e300 or NaN in an untrusted header.
inline qint64 cborInteger(const QCborValue &value, qint64 fallback)
{
    return value.isInteger() ? value.toInteger() : fallback;
}

} // namespace d3::core
