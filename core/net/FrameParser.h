#pragma once

#include "Frame.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace d3::core {

/// Incremental frame reader for one connection: bytes arrive in any pieces; whole frames come out. Every size
/// is checked against the limits before anything is allocated; the first bad byte puts the parser in a failed
/// state with one line saying why (the connection is then closed by its owner).
class FrameParser
{
public:
    /// Limits a peer cannot exceed.
    struct Limits {
        qint64 maxHeaderBytes = 64 * 1024;                  ///< CBOR header
        qint64 maxPayloadBytes = qint64(1) << 30;           ///< payload (1 GiB)
    };

    /// A parser with the default limits.
    FrameParser() = default;
    /// A parser with the given limits.
    explicit FrameParser(Limits limits) : m_limits(limits) {}

    /// Appends received bytes (nothing is kept past a failure).
    void feed(const QByteArray &bytes);
    /// The next complete frame, if one has arrived; nullopt when more bytes are needed or after a failure.
    std::optional<Frame> next();
    /// True once the stream was found malformed.
    bool failed() const { return !m_error.isEmpty(); }
    /// Why it failed ("" if it did not).
    const QString &error() const { return m_error; }
    /// Bytes received but not yet returned as frames.
    qint64 buffered() const { return m_buffer.size(); }

private:
    bool fail(const QString &why);

    Limits m_limits;
    QByteArray m_buffer;
    QString m_error;
};

} // namespace d3::core
