#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace d3::core {

/// The shared-token handshake every peer must pass before any other message (docs/PROTOCOL.md, Authentication),
/// and the keys that authenticate every frame after it. Both sides prove the token: each sends a fresh random
/// challenge and its name, and each answers with an HMAC-SHA256 over both challenges, both names and its own side,
/// so that neither answer can be replayed, reflected to the other side or reused on another connection. The frames
/// that follow carry a tag keyed from the same handshake (frameKey(), frameTag()), so a party that relays a
/// handshake between two real peers can neither speak on the connection it relayed nor alter what it forwards'
/// headers. The token itself never crosses the wire.
class PeerAuth
{
public:
    /// Which side of a connection: the listener accepted it, the dialer made it.
    enum class Side { Listener, Dialer };
    /// What both sides of one handshake have said.
    struct Exchange {
        QByteArray listenerChallenge; ///< kChallengeBytes from the listener
        QByteArray dialerChallenge;   ///< kChallengeBytes from the dialer
        QString listenerName;         ///< what the listener calls itself
        QString dialerName;           ///< what the dialer calls itself
    };

    /// Bytes of a challenge.
    static constexpr int kChallengeBytes = 32;
    /// Bytes of a frame's tag (keyed BLAKE2s-128).
    static constexpr int kTagBytes = 16;
    /// The longest name a peer may give (characters).
    static constexpr int kMaxNameChars = 128;

    /// A fresh challenge from the system's secure random source.
    static QByteArray makeChallenge();
    /// The proof side gives of knowing token in exchange.
    static QByteArray proof(const QByteArray &token, Side side, const Exchange &exchange);
    /// True if proof is what side must give in exchange (compared in constant time).
    static bool verifyProof(const QByteArray &token, Side side, const Exchange &exchange, const QByteArray &proof);
    /// The key of the frames side sends after exchange.
    static QByteArray frameKey(const QByteArray &token, Side side, const Exchange &exchange);
    /// The tag of the sequence-th frame (from 0) sent with key whose head (preamble with a zero tag, then the CBOR
    /// header) is head: BLAKE2s-128 of the key (zero-padded to a 64-byte block), the sequence (64 bits, little
    /// endian) and the head.
    static QByteArray frameTag(const QByteArray &key, quint64 sequence, QByteArrayView head);
    /// True if a and b are equal, in a time that does not depend on where they differ.
    static bool equalInConstantTime(QByteArrayView a, QByteArrayView b);
    /// Reads a token file chosen by the local user: a regular file of 16 to 4096 bytes once surrounding whitespace
    /// is trimmed, read with a bound (never more than 8 KiB); nullopt with one line in *error naming the file
    /// otherwise (a device or FIFO is refused without opening it).
    static std::optional<QByteArray> readTokenFile(const QString &path, QString *error);
    /// A fresh random token: 32 random bytes as 64 hex characters.
    static QByteArray newToken();
    /// Random bytes in a fresh token (newToken() writes them as hex).
    static constexpr int kTokenBytes = 32;
    /// Writes token to a new file at path, readable and writable by its owner only (mode 0600); false with one
    /// line when path exists or cannot be written.
    static bool writeTokenFile(const QString &path, const QByteArray &token, QString *error);
};

} // namespace d3::core
