#include "WireCodec.h"

#include "CodecLog.h"
#include "ShuffleZstdCodec.h"
#include "ZeroValueCodec.h"

#include <cstring>

namespace d3::core {

QStringList WireCodecs::names()
{
    return {QStringLiteral("none"), QStringLiteral("zero"), QStringLiteral("shuffle-zstd")};
}

QString WireCodecs::name(WireCodec codec)
{
    return names().value(int(codec));
}

std::optional<WireCodec> WireCodecs::fromName(const QString &name)
{
    const int i = int(names().indexOf(name));
    return i < 0 ? std::nullopt : std::optional<WireCodec>(WireCodec(i));
}

QByteArray WireCodecs::encode(WireCodec codec, const float *values, qint64 count)
{
    switch (codec) {
    case WireCodec::ZeroValue:
        return ZeroValueCodec::encode(values, count);
    case WireCodec::ShuffleZstd:
        return ShuffleZstdCodec::encode(values, count);
    case WireCodec::None:
        break;
    }
    return QByteArray(reinterpret_cast<const char *>(values), count * qint64(sizeof(float)));
}

bool WireCodecs::decode(WireCodec codec, const QByteArray &bytes, qint64 count, float *out, QString *error)
{
    bool ok = false;
    switch (codec) {
    case WireCodec::ZeroValue:
        ok = ZeroValueCodec::decode(bytes, count, out, error);
        break;
    case WireCodec::ShuffleZstd:
        ok = ShuffleZstdCodec::decode(bytes, count, out, error);
        break;
    case WireCodec::None:
        ok = decodeRaw(bytes, count, out, error);
        break;
    }
    if (!ok)
        qCDebug(lcCodec).noquote() << "refused:" << *error;
    return ok;
}

bool WireCodecs::decodeRaw(const QByteArray &bytes, qint64 count, float *out, QString *error)
{
    if (bytes.size() != count * qint64(sizeof(float))) {
        *error = QStringLiteral("none: %1 bytes, not the %2 of %3 values")
                     .arg(bytes.size()).arg(count * qint64(sizeof(float))).arg(count);
        return false;
    }
    if (count > 0)
        std::memcpy(out, bytes.constData(), size_t(bytes.size()));
    return true;
}

} // namespace d3::core
