#include "FrameParser.h"

#include "protocol/MessageType.h"

#include <QCborValue>
#include <QIODevice>
#include <QtEndian>

#include <algorithm>
#include <cstring>

namespace d3::core {
namespace {

/// Once this much of a frame has arrived or is at hand, room for its whole payload is allocated at once; before
/// that, for at most four times what has (so that a peer cannot make the parser allocate much more than it sent).
constexpr qint64 kAllocateWholeFrameAfter = 64 * 1024;

const QByteArray kMagic("D3LB");

} // namespace

FrameParser::Limits FrameParser::handshakeLimits()
{
    Limits limits;
    limits.maxHeaderBytes = 1024;
    limits.maxPayloadBytes = 0;
    limits.types = {quint16(MessageType::AuthChallenge), quint16(MessageType::AuthResponse),
                    quint16(MessageType::AuthResult)};
    return limits;
}

void FrameParser::fail(const QString &why)
{
    m_error = why;
    m_head = QByteArray();
    m_payload = QByteArray();
    m_pending = QByteArray();
    m_ready.reset();
    m_headGot = m_payloadGot = m_pendingAt = 0;
}

bool FrameParser::inPayload() const
{
    return !m_ready && !failed() && m_headerBytes >= 0 && m_headGot == m_head.size() && m_payloadGot < m_payloadBytes;
}

qint64 FrameParser::buffered() const
{
    return (m_ready ? m_readyBytes : 0) + m_headGot + m_payloadGot + (m_pending.size() - m_pendingAt);
}

void FrameParser::feed(const QByteArray &bytes)
{
    if (failed())
        return;
    if (m_pendingAt > 0) {
        m_pending.remove(0, qsizetype(m_pendingAt));
        m_pendingAt = 0;
    }
    m_pending.append(bytes);
}

void FrameParser::readFrom(QIODevice &device)
{
    if (m_ready)
        return;
    if (m_pendingAt < m_pending.size()) // bytes fed earlier come first
        return;
    pull([&device] { return device.bytesAvailable(); },
         [&device](char *to, qint64 max) { return device.read(to, max); });
}

void FrameParser::readPayloadFrom(const std::function<qint64(char *, qint64)> &read)
{
    if (m_pendingAt < m_pending.size() || m_payload.size() < m_payloadBytes)
        return;
    // Completing the payload readies the frame, or fails the parser (a malformed header): either ends the loop.
    while (inPayload()) {
        const qint64 got = read(m_payload.data() + m_payloadGot, m_payloadBytes - m_payloadGot);
        if (got <= 0)
            return;
        commit(got);
    }
}

std::optional<Frame> FrameParser::next()
{
    if (!m_ready) {
        pull([this] { return m_pending.size() - m_pendingAt; },
             [this](char *to, qint64 max) {
                 std::memcpy(to, m_pending.constData() + m_pendingAt, size_t(max));
                 m_pendingAt += max;
                 return max;
             });
        if (!failed() && m_pendingAt == m_pending.size()) {
            m_pending.clear();
            m_pendingAt = 0;
        }
    }
    std::optional<Frame> frame = std::move(m_ready);
    m_ready.reset();
    return frame;
}

void FrameParser::pull(const std::function<qint64()> &available, const std::function<qint64(char *, qint64)> &read)
{
    while (!m_ready && !failed()) {
        const qint64 have = available();
        if (have <= 0)
            return;
        qint64 count = 0;
        char *to = room(have, &count);
        if (!to)
            return;
        const qint64 got = read(to, count);
        if (got <= 0)
            return;
        commit(got);
    }
}

char *FrameParser::room(qint64 available, qint64 *count)
{
    if (m_headerBytes < 0) { // the preamble
        if (m_head.size() != Frame::kPreambleSize)
            m_head = QByteArray(Frame::kPreambleSize, Qt::Uninitialized);
        *count = std::min(available, Frame::kPreambleSize - m_headGot);
        return m_head.data() + m_headGot;
    }
    if (m_headGot < m_head.size()) {
        *count = std::min(available, m_head.size() - m_headGot);
        return m_head.data() + m_headGot;
    }
    // The payload, into its own buffer: all of it once enough of the frame is in or at hand.
    const qint64 inOrAtHand = m_headGot + m_payloadGot + std::min(available, m_payloadBytes - m_payloadGot);
    const qint64 room = inOrAtHand >= kAllocateWholeFrameAfter ? m_payloadBytes
                                                               : std::min(m_payloadBytes, 4 * inOrAtHand);
    if (m_payload.size() < room) {
        QByteArray bigger;
        try {
            bigger = QByteArray(qsizetype(room), Qt::Uninitialized); // exactly this size (resize() would round it up)
        } catch (const std::bad_alloc &) {
            fail(QStringLiteral("out of memory for a payload of %1 bytes").arg(m_payloadBytes));
            *count = 0;
            return nullptr;
        }
        std::memcpy(bigger.data(), m_payload.constData(), size_t(m_payloadGot));
        m_payload = std::move(bigger);
    }
    *count = std::min(available, m_payload.size() - m_payloadGot);
    return m_payload.data() + m_payloadGot;
}

void FrameParser::commit(qint64 count)
{
    if (m_headerBytes >= 0 && m_headGot == m_head.size()) {
        m_payloadGot += count;
        if (m_payloadGot == m_payloadBytes)
            complete();
        return;
    }
    m_headGot += count;
    if (m_headerBytes < 0)
        return checkPreamble();
    if (m_headGot == m_head.size() && m_payloadBytes == 0)
        complete();
}

void FrameParser::checkPreamble()
{
    // Reject a wrong magic as soon as its bytes are in, not only once a whole preamble arrived.
    if (!kMagic.startsWith(QByteArrayView(m_head.constData(), std::min<qint64>(m_headGot, kMagic.size()))))
        return fail(QStringLiteral("bad magic: not a d3lab peer"));
    if (m_headGot < Frame::kPreambleSize)
        return;
    const char *p = m_head.constData();
    const quint16 version = qFromLittleEndian<quint16>(p + 4);
    if (version != Frame::kVersion)
        return fail(QStringLiteral("the peer speaks d3lab protocol version %1, this build speaks %2 (run the same "
                                   "d3lab release on every node)").arg(version).arg(Frame::kVersion));
    const quint16 type = qFromLittleEndian<quint16>(p + 6);
    if (!m_limits.types.isEmpty() && !m_limits.types.contains(type))
        return fail(QStringLiteral("message type %1 is not accepted here (before authentication only the handshake is)")
                        .arg(type));
    const quint32 headerBytes = qFromLittleEndian<quint32>(p + 16);
    const quint64 payloadBytes = qFromLittleEndian<quint64>(p + 20);
    if (headerBytes > quint64(m_limits.maxHeaderBytes))
        return fail(QStringLiteral("header of %1 bytes exceeds the limit of %2").arg(headerBytes).arg(m_limits.maxHeaderBytes));
    if (payloadBytes > quint64(m_limits.maxPayloadBytes))
        return fail(QStringLiteral("payload of %1 bytes exceeds the limit of %2").arg(payloadBytes).arg(m_limits.maxPayloadBytes));
    m_headerBytes = qint64(headerBytes);
    m_payloadBytes = qint64(payloadBytes);
    m_head.resize(qsizetype(Frame::kPreambleSize + m_headerBytes)); // checked: room for the header
    if (m_headerBytes == 0 && m_payloadBytes == 0)
        complete();
}

void FrameParser::complete()
{
    QCborParserError cborError;
    const QCborValue header = QCborValue::fromCbor(m_head.mid(Frame::kPreambleSize), &cborError);
    if (cborError.error != QCborError::NoError || !header.isMap())
        return fail(QStringLiteral("malformed CBOR header (%1)").arg(cborError.errorString()));
    Frame frame;
    frame.type = qFromLittleEndian<quint16>(m_head.constData() + 6);
    frame.requestId = qFromLittleEndian<quint64>(m_head.constData() + 8);
    frame.header = header.toMap();
    frame.payload = std::move(m_payload); // exactly the payload's size: handed over, not copied
    frame.wireHead = m_head;
    m_ready = std::move(frame);
    m_readyBytes = m_head.size() + m_payloadGot;
    m_payload = QByteArray();
    m_head = QByteArray(); // the frame shares its bytes
    m_headGot = m_payloadGot = 0;
    m_headerBytes = m_payloadBytes = -1;
}

} // namespace d3::core
