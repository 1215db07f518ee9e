#include "Frame.h"

#include <QtEndian>

namespace d3::core {

QByteArray Frame::head() const
{
    const QByteArray cbor = header.toCborValue().toCbor();
    QByteArray out;
    out.reserve(kPreambleSize + cbor.size());
    out.append("D3LB", 4);
    char buffer[8];
    qToLittleEndian<quint16>(kVersion, buffer);
    out.append(buffer, 2);
    qToLittleEndian<quint16>(type, buffer);
    out.append(buffer, 2);
    qToLittleEndian<quint64>(requestId, buffer);
    out.append(buffer, 8);
    qToLittleEndian<quint32>(quint32(cbor.size()), buffer);
    out.append(buffer, 4);
    qToLittleEndian<quint64>(quint64(payload.size()), buffer);
    out.append(buffer, 8);
    out.append(kPreambleSize - kTagOffset, '\0');
    out.append(cbor);
    return out;
}

QByteArray Frame::encode() const
{
    QByteArray out = head();
    out.reserve(out.size() + payload.size());
    out.append(payload);
    return out;
}

} // namespace d3::core
