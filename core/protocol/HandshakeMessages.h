#pragma once

#include "MessageType.h"

#include <QCborMap>
#include <QString>

#include <optional>

namespace d3::core {

// The handshake and liveness messages (docs/PROTOCOL.md, Authentication), one definition for both ends. What they
// prove is computed by PeerAuth; PeerConnection sends and checks them.

/// listener -> dialer, first: a fresh challenge and the listener's name.
struct AuthChallengeMessage {
    static constexpr MessageType kType = MessageType::AuthChallenge;
    QByteArray challenge; ///< PeerAuth::kChallengeBytes random bytes
    QString name;         ///< what the listener calls itself (1 to 128 characters)
    /// The header.
    QCborMap toCbor() const;
    /// Reads and checks a header; nullopt with one line in *error.
    static std::optional<AuthChallengeMessage> fromCbor(const QCborMap &map, QString *error);
};

/// dialer -> listener: the dialer's name, its own challenge, and its proof over both.
struct AuthResponseMessage {
    static constexpr MessageType kType = MessageType::AuthResponse;
    QString name;         ///< what the dialer calls itself (1 to 128 characters)
    QByteArray challenge; ///< the dialer's fresh challenge
    QByteArray proof;     ///< PeerAuth::proof(token, Dialer, exchange)
    /// The header.
    QCborMap toCbor() const;
    /// Reads and checks a header; nullopt with one line in *error.
    static std::optional<AuthResponseMessage> fromCbor(const QCborMap &map, QString *error);
};

/// listener -> dialer, last: accepted with the listener's proof, or refused.
struct AuthResultMessage {
    static constexpr MessageType kType = MessageType::AuthResult;
    bool ok = false;      ///< the dialer's proof was right
    QByteArray proof;     ///< when ok: PeerAuth::proof(token, Listener, exchange)
    /// The header.
    QCborMap toCbor() const;
    /// Reads and checks a header; nullopt with one line in *error.
    static std::optional<AuthResultMessage> fromCbor(const QCborMap &map, QString *error);
};

/// Either way, after authentication; handled inside PeerConnection.
struct HeartbeatMessage {
    static constexpr MessageType kType = MessageType::Heartbeat;
    bool beat = false;    ///< true: a beat, not to be answered; false: asks for a beat back (same request id)
    /// The header.
    QCborMap toCbor() const;
    /// Reads and checks a header; nullopt with one line in *error.
    static std::optional<HeartbeatMessage> fromCbor(const QCborMap &map, QString *error);
};

} // namespace d3::core
