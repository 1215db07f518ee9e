#pragma once

#include <QtGlobal>

namespace d3::core {

/// Frame types of the d3lab protocol (docs/PROTOCOL.md). Values are part of the wire format: never renumber.
enum class MessageType : quint16 {
    AuthChallenge = 1, ///< listener -> dialer: {"challenge": bytes}
    AuthResponse = 2,  ///< dialer -> listener: {"name": string, "response": bytes}
    AuthResult = 3,    ///< listener -> dialer: {"ok": bool, "name": string (the listener's)}
    Heartbeat = 4,     ///< either way, any time after authentication: {}
    Load = 10,         ///< -> worker: {"model": built-in name} or {"model_json": model file text}, "seed": int
    Loaded = 11,       ///< worker ->: {"model", "layers", "fingerprint", "build_ms"}
    RunRange = 12,     ///< -> worker: {"a", "b"} + the tensors crossing cut a (TensorCodec)
    RangeResult = 13,  ///< worker ->: {"compute_ms"} + the tensors crossing cut b
    Error = 14,        ///< worker ->: {"message"}: the request failed; the connection stays open
};

} // namespace d3::core
