#include "FrameParser.h"

#include <QCborValue>
#include <QtEndian>

namespace d3::core {

bool FrameParser::fail(const QString &why)
{
    m_error = why;
    m_buffer.clear();
    m_buffer.squeeze();
    return false;
}

void FrameParser::feed(const QByteArray &bytes)
{
    if (!failed())
        m_buffer.append(bytes);
}

std::optional<Frame> FrameParser::next()
{
    if (failed() || m_buffer.size() < Frame::kPreambleSize) {
        // Reject a wrong magic as soon as its bytes are in, not only once a whole preamble arrived.
        if (!failed() && !m_buffer.isEmpty() && !QByteArray("D3LB").startsWith(m_buffer.left(4)))
            fail(QStringLiteral("bad magic: not a d3lab peer"));
        return std::nullopt;
    }
    const char *p = m_buffer.constData();
    if (QByteArray(p, 4) != "D3LB") {
        fail(QStringLiteral("bad magic: not a d3lab peer"));
        return std::nullopt;
    }
    const quint16 version = qFromLittleEndian<quint16>(p + 4);
    if (version != Frame::kVersion) {
        fail(QStringLiteral("protocol version %1, this build speaks %2").arg(version).arg(Frame::kVersion));
        return std::nullopt;
    }
    const quint32 headerBytes = qFromLittleEndian<quint32>(p + 16);
    const quint64 payloadBytes = qFromLittleEndian<quint64>(p + 20);
    if (headerBytes > quint64(m_limits.maxHeaderBytes)) {
        fail(QStringLiteral("header of %1 bytes exceeds the limit of %2").arg(headerBytes).arg(m_limits.maxHeaderBytes));
        return std::nullopt;
    }
    if (payloadBytes > quint64(m_limits.maxPayloadBytes)) {
        fail(QStringLiteral("payload of %1 bytes exceeds the limit of %2").arg(payloadBytes).arg(m_limits.maxPayloadBytes));
        return std::nullopt;
    }
    const qint64 total = Frame::kPreambleSize + qint64(headerBytes) + qint64(payloadBytes);
    if (m_buffer.size() < total)
        return std::nullopt;

    Frame frame;
    frame.type = qFromLittleEndian<quint16>(p + 6);
    frame.requestId = qFromLittleEndian<quint64>(p + 8);
    QCborParserError cborError;
    const QCborValue header = QCborValue::fromCbor(m_buffer.mid(Frame::kPreambleSize, qsizetype(headerBytes)), &cborError);
    if (cborError.error != QCborError::NoError || !header.isMap()) {
        fail(QStringLiteral("malformed CBOR header (%1)").arg(cborError.errorString()));
        return std::nullopt;
    }
    frame.header = header.toMap();
    frame.payload = m_buffer.mid(Frame::kPreambleSize + qsizetype(headerBytes), qsizetype(payloadBytes));
    m_buffer.remove(0, qsizetype(total));
    return frame;
}

} // namespace d3::core
