#pragma once

#include <QtGlobal>

namespace d3::core {

/// Frame types of the d3lab protocol (docs/PROTOCOL.md). Values are part of the wire format: never renumber.
enum class MessageType : quint16 {
    AuthChallenge = 1, ///< listener -> dialer: {"challenge": bytes}
    AuthResponse = 2,  ///< dialer -> listener: {"name": string, "response": bytes}
    AuthResult = 3,    ///< listener -> dialer: {"ok": bool, "name": string (the listener's)}
    Heartbeat = 4,     ///< either way, any time after authentication: {}
};

} // namespace d3::core
