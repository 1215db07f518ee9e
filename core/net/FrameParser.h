#pragma once

#include "Frame.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <functional>
#include <optional>

class QIODevice;

namespace d3::core {

/// Incremental frame reader for one connection: bytes arrive in any pieces; whole frames come out. Every size
/// is checked against the limits before anything is allocated; the first bad byte puts the parser in a failed
/// state with one line saying why (the connection is then closed by its owner). A frame's payload is received
/// into a buffer of its own (allocated once the preamble announced a valid size), so it starts aligned and is
/// handed over as the frame's payload without a copy.
class FrameParser
{
public:
    /// Limits a peer cannot exceed.
    struct Limits {
        qint64 maxHeaderBytes = 64 * 1024;                  ///< CBOR header
        qint64 maxPayloadBytes = qint64(1) << 30;           ///< payload (1 GiB)
        QList<quint16> types;                               ///< the message types accepted (empty: any)
    };
    /// What a peer that has not authenticated may send: a handshake message of at most 1 KiB, without a payload.
    static Limits handshakeLimits();

    /// A parser with the default limits.
    FrameParser() = default;
    /// A parser with the given limits.
    explicit FrameParser(Limits limits) : m_limits(limits) {}

    /// The limits from the next frame's preamble on (a frame whose preamble was already checked keeps the old ones).
    void setLimits(Limits limits) { m_limits = std::move(limits); }
    /// Appends received bytes (nothing is kept past a failure); next() parses them.
    void feed(const QByteArray &bytes);
    /// Reads what device has available straight into the frame being received (its payload into the payload's own
    /// buffer: one copy out of the device, none after), up to the end of the next complete frame; bytes after it
    /// stay in the device. Call next() after it, and both again until next() returns nullopt.
    void readFrom(QIODevice &device);
    /// Reads the rest of the payload of the frame being received from another source than a QIODevice (a socket's
    /// descriptor, so that the bytes skip the device's buffer): read(to, max) copies up to max bytes that are at
    /// hand to `to` and says how many (0 when none are). Only once the payload's whole buffer is allocated (which
    /// the bytes read before decide, see readFrom()), never past the payload's end, and only when every byte fed
    /// or read before has been parsed. Call next() after.
    void readPayloadFrom(const std::function<qint64(char *, qint64)> &read);
    /// The next complete frame, if one has arrived; nullopt when more bytes are needed or after a failure.
    std::optional<Frame> next();
    /// True once the stream was found malformed.
    bool failed() const { return !m_error.isEmpty(); }
    /// Why it failed ("" if it did not).
    const QString &error() const { return m_error; }
    /// True while the frame being received has its head in and part of its payload still to come.
    bool inPayload() const;
    /// Bytes received but not yet returned as frames.
    qint64 buffered() const;

private:
    /// Moves bytes into the frame being received until a frame is complete, the parser fails or no bytes are
    /// at hand: available() says how many are, read(to, max) copies up to max of them to `to` and says how many.
    void pull(const std::function<qint64()> &available, const std::function<qint64(char *, qint64)> &read);
    /// Where the next bytes of the frame being received go and how many it takes there now, given that
    /// `available` bytes are at hand (allocates only what the checked sizes and the bytes at hand allow).
    char *room(qint64 available, qint64 *count);
    /// count bytes were written where room() said: checks what they complete.
    void commit(qint64 count);
    void checkPreamble();
    void complete();
    void fail(const QString &why);

    Limits m_limits;
    QByteArray m_head;            // preamble and CBOR header of the frame being received
    qint64 m_headGot = 0;
    qint64 m_headerBytes = -1;    // announced by a valid preamble; -1 before
    qint64 m_payloadBytes = -1;
    QByteArray m_payload;         // the frame's payload buffer, m_payloadGot bytes of it received
    qint64 m_payloadGot = 0;
    std::optional<Frame> m_ready; // a complete frame next() has not returned yet
    qint64 m_readyBytes = 0;      // its size on the wire
    QByteArray m_pending;         // bytes fed and not yet parsed, from m_pendingAt on
    qint64 m_pendingAt = 0;
    QString m_error;
};

} // namespace d3::core
