#include "CborFields.h"

#include <cmath>

namespace d3::core {

void CborFields::fail(const QString &why)
{
    if (m_error.isEmpty())
        m_error = QStringLiteral("%1: %2").arg(m_message, why);
}

bool CborFields::absent(const char *key, bool required)
{
    if (m_map.contains(QLatin1String(key)))
        return false;
    if (required)
        fail(QStringLiteral("'%1' is missing").arg(QLatin1String(key)));
    return true;
}

qint64 CborFields::integer(const char *key, qint64 low, qint64 high, bool required, qint64 fallback)
{
    if (absent(key, required))
        return fallback;
    const QCborValue v = m_map.value(QLatin1String(key));
    if (!v.isInteger() || v.toInteger() < low || v.toInteger() > high) {
        fail(QStringLiteral("'%1' must be an integer in %2..%3").arg(QLatin1String(key)).arg(low).arg(high));
        return fallback;
    }
    return v.toInteger();
}

double CborFields::number(const char *key, double low, double high, bool required, double fallback)
{
    if (absent(key, required))
        return fallback;
    const QCborValue v = m_map.value(QLatin1String(key));
    const double x = v.isInteger() ? double(v.toInteger()) : v.isDouble() ? v.toDouble() : std::nan("");
    if (!std::isfinite(x) || x < low || x > high) {
        fail(QStringLiteral("'%1' must be a number in %2..%3").arg(QLatin1String(key)).arg(low).arg(high));
        return fallback;
    }
    return x;
}

QString CborFields::text(const char *key, qsizetype maxChars, bool required)
{
    if (absent(key, required))
        return {};
    const QCborValue v = m_map.value(QLatin1String(key));
    if (!v.isString() || v.toString().size() > maxChars) {
        fail(QStringLiteral("'%1' must be a text of at most %2 characters").arg(QLatin1String(key)).arg(maxChars));
        return {};
    }
    return v.toString();
}

QByteArray CborFields::bytes(const char *key, qsizetype size, bool required)
{
    if (absent(key, required))
        return {};
    const QCborValue v = m_map.value(QLatin1String(key));
    if (!v.isByteArray() || (size >= 0 && v.toByteArray().size() != size)) {
        fail(size >= 0 ? QStringLiteral("'%1' must be %2 bytes").arg(QLatin1String(key)).arg(size)
                       : QStringLiteral("'%1' must be a byte string").arg(QLatin1String(key)));
        return {};
    }
    return v.toByteArray();
}

bool CborFields::boolean(const char *key, bool required, bool fallback)
{
    if (absent(key, required))
        return fallback;
    const QCborValue v = m_map.value(QLatin1String(key));
    if (!v.isBool()) {
        fail(QStringLiteral("'%1' must be true or false").arg(QLatin1String(key)));
        return fallback;
    }
    return v.toBool();
}

} // namespace d3::core
