#include "FrameParser.h"

#include <QCborValue>
#include <QtEndian>

#include <algorithm>

namespace d3::core {
namespace {

/// Once this much of a frame has arrived, room for all of it is reserved at once.
constexpr qint64 kReserveWholeFrameAfter = 64 * 1024;

/// The size of the frame starting buffer, once its preamble is in and valid; 0 otherwise.
qint64 announcedFrameBytes(const QByteArray &buffer, const FrameParser::Limits &limits)
{
    if (buffer.size() < Frame::kPreambleSize || !buffer.startsWith("D3LB")
        || qFromLittleEndian<quint16>(buffer.constData() + 4) != Frame::kVersion)
        return 0;
    const quint32 headerBytes = qFromLittleEndian<quint32>(buffer.constData() + 16);
    const quint64 payloadBytes = qFromLittleEndian<quint64>(buffer.constData() + 20);
    if (headerBytes > quint64(limits.maxHeaderBytes) || payloadBytes > quint64(limits.maxPayloadBytes))
        return 0;
    return Frame::kPreambleSize + qint64(headerBytes) + qint64(payloadBytes);
}

} // namespace

bool FrameParser::fail(const QString &why)
{
    m_error = why;
    m_buffer.clear();
    m_buffer.squeeze();
    return false;
}

void FrameParser::feed(const QByteArray &bytes)
{
    if (failed())
        return;
    if (m_buffer.isEmpty()) {
        m_buffer = bytes; // shared, not copied: often a whole frame, or the start of a large one
        return;
    }
    // A large frame would otherwise grow by reallocation, copying what has arrived each time: make room for the
    // whole frame once 64 KiB of it is in (before that, for four times what is in, so that a peer cannot make the
    // parser reserve much more than it has sent).
    const qint64 needed = m_buffer.size() + bytes.size();
    if (needed > m_buffer.capacity()) {
        const qint64 frame = announcedFrameBytes(m_buffer, m_limits);
        if (frame > needed)
            m_buffer.reserve(qsizetype(needed >= kReserveWholeFrameAfter ? frame : std::min(frame, 4 * needed)));
    }
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
    const qsizetype payloadAt = Frame::kPreambleSize + qsizetype(headerBytes);
    const qsizetype after = m_buffer.size() - qsizetype(total);
    if (after <= qsizetype(payloadBytes) && qint64(payloadBytes) >= kReserveWholeFrameAfter
        && qint64(payloadBytes) * 2 >= m_buffer.capacity()) {
        // Hand the buffer itself over as the payload (it is mostly payload) and copy only what follows the frame
        // (no more than the payload), so a large payload is never copied here. Removing from the front only moves
        // the begin pointer.
        QByteArray rest = m_buffer.sliced(qsizetype(total));
        frame.payload = std::move(m_buffer);
        frame.payload.remove(0, payloadAt);
        frame.payload.truncate(qsizetype(payloadBytes));
        m_buffer = std::move(rest);
    } else {
        frame.payload = m_buffer.mid(payloadAt, qsizetype(payloadBytes));
        m_buffer.remove(0, qsizetype(total));
    }
    return frame;
}

} // namespace d3::core
