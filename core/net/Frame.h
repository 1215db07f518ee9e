#pragma once

#include <QByteArray>
#include <QCborMap>

namespace d3::core {

/// One message on the wire (docs/PROTOCOL.md): a fixed preamble, a CBOR header and raw payload bytes.
///
///   offset  size  field
///        0     4  magic "D3LB"
///        4     2  protocol version (little endian)
///        6     2  message type
///        8     8  request id
///       16     4  CBOR header length
///       20     8  payload length
///       28    16  tag: zero during the handshake, then the frame's authentication tag (PeerAuth::frameTag)
///       44     -  CBOR header, then payload
struct Frame {
    /// Bytes before the CBOR header.
    static constexpr int kPreambleSize = 44;
    /// Where the tag starts in the preamble.
    static constexpr int kTagOffset = 28;
    /// The version this build speaks (1: no tag and a one-way handshake; refused).
    static constexpr quint16 kVersion = 2;

    quint16 type = 0;      ///< message type (MessageType)
    quint64 requestId = 0; ///< request the message belongs to (0 for control messages)
    QCborMap header;       ///< message fields
    QByteArray payload;    ///< raw bytes (tensor data), may be empty
    QByteArray wireHead;   ///< as received: the preamble and CBOR header bytes (what the tag covers); empty when sent

    /// The preamble (with a zero tag) and CBOR header: the bytes on the wire before the payload (which the preamble
    /// announces).
    QByteArray head() const;
    /// The frame as bytes on the wire: head() followed by a copy of the payload.
    QByteArray encode() const;
};

} // namespace d3::core
