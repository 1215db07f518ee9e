#include "HandshakeMessages.h"

#include "CborFields.h"
#include "net/PeerAuth.h"

namespace d3::core {
namespace {

QString peerName(CborFields &f)
{
    const QString name = f.text("name", PeerAuth::kMaxNameChars);
    if (f.ok() && name.isEmpty())
        f.fail(QStringLiteral("'name' must not be empty"));
    return name;
}

} // namespace

QCborMap AuthChallengeMessage::toCbor() const
{
    return {{QStringLiteral("challenge"), challenge}, {QStringLiteral("name"), name}};
}

std::optional<AuthChallengeMessage> AuthChallengeMessage::fromCbor(const QCborMap &map, QString *error)
{
    CborFields f(map, QStringLiteral("AuthChallenge"));
    AuthChallengeMessage m;
    m.challenge = f.bytes("challenge", PeerAuth::kChallengeBytes);
    m.name = peerName(f);
    return f.result(m, error);
}

QCborMap AuthResponseMessage::toCbor() const
{
    return {{QStringLiteral("name"), name}, {QStringLiteral("challenge"), challenge}, {QStringLiteral("proof"), proof}};
}

std::optional<AuthResponseMessage> AuthResponseMessage::fromCbor(const QCborMap &map, QString *error)
{
    CborFields f(map, QStringLiteral("AuthResponse"));
    AuthResponseMessage m;
    m.name = peerName(f);
    m.challenge = f.bytes("challenge", PeerAuth::kChallengeBytes);
    m.proof = f.bytes("proof", -1);
    return f.result(m, error);
}

QCborMap AuthResultMessage::toCbor() const
{
    QCborMap map{{QStringLiteral("ok"), ok}};
    if (ok)
        map.insert(QStringLiteral("proof"), proof);
    return map;
}

std::optional<AuthResultMessage> AuthResultMessage::fromCbor(const QCborMap &map, QString *error)
{
    CborFields f(map, QStringLiteral("AuthResult"));
    AuthResultMessage m;
    m.ok = f.boolean("ok");
    m.proof = f.bytes("proof", -1, m.ok);
    return f.result(m, error);
}

QCborMap HeartbeatMessage::toCbor() const
{
    return beat ? QCborMap{{QStringLiteral("beat"), true}} : QCborMap{};
}

std::optional<HeartbeatMessage> HeartbeatMessage::fromCbor(const QCborMap &map, QString *error)
{
    CborFields f(map, QStringLiteral("Heartbeat"));
    HeartbeatMessage m;
    m.beat = f.boolean("beat", false, false);
    return f.result(m, error);
}

} // namespace d3::core
