#include "ZeroValueCodec.h"

#include <cstdint>
#include <cstring>

namespace d3::core {
namespace {

quint32 bitsOf(float v)
{
    quint32 u;
    std::memcpy(&u, &v, sizeof u);
    return u;
}

} // namespace

QByteArray ZeroValueCodec::encode(const float *values, qint64 count)
{
    const qint64 maskBytes = (count + 7) / 8;
    QByteArray out(maskBytes + count * qint64(sizeof(float)), Qt::Uninitialized);
    auto *mask = reinterpret_cast<quint8 *>(out.data());
    char *next = out.data() + maskBytes;
    std::memset(mask, 0, size_t(maskBytes));
    for (qint64 i = 0; i < count; ++i) {
        const quint32 u = bitsOf(values[i]);
        if (u == 0)
            continue;
        mask[i >> 3] |= quint8(1u << (i & 7));
        std::memcpy(next, &u, sizeof u);
        next += sizeof u;
    }
    out.truncate(next - out.constData());
    return out;
}

bool ZeroValueCodec::decode(const QByteArray &bytes, qint64 count, float *out, QString *error)
{
    const qint64 maskBytes = (count + 7) / 8;
    if (count < 0 || bytes.size() < maskBytes) {
        *error = QStringLiteral("zero: %1 bytes, too few for the bitmask of %2 values").arg(bytes.size()).arg(count);
        return false;
    }
    const auto *mask = reinterpret_cast<const quint8 *>(bytes.constData());
    if (count % 8 != 0 && (mask[maskBytes - 1] >> (count % 8)) != 0) {
        *error = QStringLiteral("zero: the bitmask marks values past the %1 there are").arg(count);
        return false;
    }
    qint64 nonZero = 0;
    for (qint64 b = 0; b < maskBytes; ++b)
        nonZero += __builtin_popcount(mask[b]);
    const qint64 expected = maskBytes + nonZero * qint64(sizeof(float));
    if (bytes.size() != expected) {
        *error = QStringLiteral("zero: %1 bytes, not the %2 of a bitmask with %3 non-zero values")
                     .arg(bytes.size()).arg(expected).arg(nonZero);
        return false;
    }
    const char *next = bytes.constData() + maskBytes;
    for (qint64 i = 0; i < count; ++i) {
        quint32 u = 0;
        if (mask[i >> 3] & (1u << (i & 7))) {
            std::memcpy(&u, next, sizeof u);
            next += sizeof u;
        }
        std::memcpy(out + i, &u, sizeof u);
    }
    return true;
}

} // namespace d3::core
