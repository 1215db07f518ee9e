#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace d3::core {

/// The shared-token handshake every peer must pass before any other message (docs/PROTOCOL.md): the listener
/// sends a fresh random challenge, the connecting peer answers HMAC-SHA256(token, context || challenge || name),
/// the listener checks it in constant time. The token itself never crosses the wire.
class PeerAuth
{
public:
    /// Bytes of a challenge.
    static constexpr int kChallengeBytes = 32;

    /// A fresh challenge from the system's secure random source.
    static QByteArray makeChallenge();
    /// The response a peer called name gives to challenge with token.
    static QByteArray respond(const QByteArray &token, const QByteArray &challenge, const QString &name);
    /// True if response is the right answer (compared in constant time).
    static bool verify(const QByteArray &token, const QByteArray &challenge, const QString &name,
                       const QByteArray &response);
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
