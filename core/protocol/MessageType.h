#pragma once

#include <QString>
#include <QtGlobal>

namespace d3::core {

/// Frame types of the d3lab protocol (docs/PROTOCOL.md). Values are part of the wire format: never renumber. Each
/// message's fields are defined once, in the struct of core/protocol/*Messages.h (or Deployment, HopReport).
enum class MessageType : quint16 {
    AuthChallenge = 1,   ///< listener -> dialer: {"challenge", "name"} (HandshakeMessages.h)
    AuthResponse = 2,    ///< dialer -> listener: {"name", "challenge", "proof"}
    AuthResult = 3,      ///< listener -> dialer: {"ok", "proof"}
    Heartbeat = 4,       ///< either way, after authentication: {} asks for an answer, {"beat": true} does not
    Load = 10,           ///< -> worker: {"model": built-in name} or {"model_json": model file text}, "seed": int
    Loaded = 11,         ///< worker ->: {"model", "layers", "fingerprint", "build_ms", "weights"}
    RunRange = 12,       ///< -> worker: {"a", "b"} + the tensors crossing cut a (TensorCodec)
    RangeResult = 13,    ///< worker ->: {"compute_ms"} + the tensors crossing cut b
    Error = 14,          ///< worker ->: {"message", "node"}: the request failed; the connection stays open
    Deploy = 15,         ///< controller -> worker: a Deployment (Deployment.h)
    Deployed = 16,       ///< worker -> controller: {"plan_id"}: stored, next hops connected
    Infer = 17,          ///< controller -> device: {"plan_id"} + the input (tensor 0)
    Data = 18,           ///< worker -> worker: {"plan_id", "kind", "at", "tile"} + tensors
    Done = 19,           ///< device -> controller: {"plan_id"} + the model output
    Report = 20,         ///< worker -> controller: one HopReport (HopReport.h)
    SetLink = 21,        ///< controller -> worker: {"to", "rate_mbps", "burst", "delay_ms"}; answered by LinkStats
    LinkStats = 22,      ///< worker -> controller: {"node", "links": [{"to", "rate_mbps", "burst", "delay_ms",
                         ///< "connected", "bytes", "busy_ms", "measured_mbps"}]}
    GetLinks = 23,       ///< controller -> worker: {}; answered by LinkStats
    Profile = 24,        ///< controller -> worker: {"warmup", "runs"}
    ProfileProgress = 25,///< worker -> controller: {"done", "layers"}
    Profiled = 26,       ///< worker -> controller: {"profile": the profile file's JSON text}
    SetSlowdown = 27,    ///< controller -> worker: {"factor"}: the compute padding from the next job on
    SlowdownSet = 28,    ///< worker -> controller: {"factor"}: in effect
    Exit = 29,           ///< -> worker: {"reason"}: the worker exits at once with status 3, as a crash would
};

/// The message's name as docs/PROTOCOL.md gives it ("Load"), or "type N" for a number no message has.
QString messageName(quint16 type);

} // namespace d3::core
