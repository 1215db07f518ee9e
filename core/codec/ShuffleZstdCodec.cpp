#include "ShuffleZstdCodec.h"

#include <zstd.h>

#include <vector>

namespace d3::core {
namespace {

constexpr qint64 kWidth = sizeof(float);

} // namespace

QByteArray ShuffleZstdCodec::encode(const float *values, qint64 count)
{
    const qint64 size = count * kWidth;
    std::vector<char> grouped(static_cast<size_t>(size));
    const auto *in = reinterpret_cast<const char *>(values);
    for (qint64 b = 0; b < kWidth; ++b)
        for (qint64 i = 0; i < count; ++i)
            grouped[size_t(b * count + i)] = in[i * kWidth + b];
    QByteArray out(qint64(ZSTD_compressBound(size_t(size))), Qt::Uninitialized);
    const size_t n = ZSTD_compress(out.data(), size_t(out.size()), grouped.data(), grouped.size(), kLevel);
    // Compressing into a buffer of ZSTD_compressBound cannot fail for lack of room; nothing else can fail at level 1.
    out.truncate(ZSTD_isError(n) ? 0 : qint64(n));
    return out;
}

bool ShuffleZstdCodec::decode(const QByteArray &bytes, qint64 count, float *out, QString *error)
{
    const qint64 size = count * kWidth;
    const unsigned long long recorded = ZSTD_getFrameContentSize(bytes.constData(), size_t(bytes.size()));
    if (recorded == ZSTD_CONTENTSIZE_ERROR || recorded == ZSTD_CONTENTSIZE_UNKNOWN) {
        *error = QStringLiteral("shuffle-zstd: %1 bytes are not a zstd frame with its size").arg(bytes.size());
        return false;
    }
    if (count < 0 || recorded != (unsigned long long)size) {
        *error = QStringLiteral("shuffle-zstd: the frame holds %1 bytes, not the %2 of %3 values")
                     .arg(recorded).arg(size).arg(count);
        return false;
    }
    std::vector<char> grouped(static_cast<size_t>(size));
    const size_t n = ZSTD_decompress(grouped.data(), grouped.size(), bytes.constData(), size_t(bytes.size()));
    if (ZSTD_isError(n) || n != size_t(size)) {
        *error = QStringLiteral("shuffle-zstd: %1").arg(ZSTD_isError(n) ? QString::fromLatin1(ZSTD_getErrorName(n))
                                                                       : QStringLiteral("the frame is short"));
        return false;
    }
    auto *o = reinterpret_cast<char *>(out);
    for (qint64 b = 0; b < kWidth; ++b)
        for (qint64 i = 0; i < count; ++i)
            o[i * kWidth + b] = grouped[size_t(b * count + i)];
    return true;
}

} // namespace d3::core
