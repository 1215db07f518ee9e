#pragma once

#include <QtGlobal>

namespace d3::core {

/// Frame types of the d3lab protocol (docs/PROTOCOL.md). Values are part of the wire format: never renumber.
enum class MessageType : quint16 {
    AuthChallenge = 1,   ///< listener -> dialer: {"challenge": bytes}
    AuthResponse = 2,    ///< dialer -> listener: {"name": string, "response": bytes}
    AuthResult = 3,      ///< listener -> dialer: {"ok": bool, "name": string (the listener's)}
    Heartbeat = 4,       ///< either way, after authentication: {} asks for an answer, {"beat": true} does not
    Load = 10,           ///< -> worker: {"model": built-in name} or {"model_json": model file text}, "seed": int
    Loaded = 11,         ///< worker ->: {"model", "layers", "fingerprint", "build_ms", "weights"}
    RunRange = 12,       ///< -> worker: {"a", "b"} + the tensors crossing cut a (TensorCodec)
    RangeResult = 13,    ///< worker ->: {"compute_ms"} + the tensors crossing cut b
    Error = 14,          ///< worker ->: {"message", "node"}: the request failed; the connection stays open
    Deploy = 15,         ///< controller -> worker: a Deployment (core/run/Deployment.h)
    Deployed = 16,       ///< worker -> controller: {"plan_id"}: stored, next hops connected
    Infer = 17,          ///< controller -> device: {"plan_id"} + the input (tensor 0)
    Data = 18,           ///< worker -> worker: {"plan_id", "kind", "at", "tile"} + tensors
    Done = 19,           ///< device -> controller: {"plan_id"} + the model output
    Report = 20,         ///< worker -> controller: one HopReport (core/run/HopReport.h)
    SetLink = 21,        ///< controller -> worker: {"to", "rate_mbps", "burst", "delay_ms"}; answered by LinkStats
    LinkStats = 22,      ///< worker -> controller: {"node", "links": [{"to", "rate_mbps", "burst", "delay_ms",
                         ///< "connected", "bytes", "busy_ms", "measured_mbps"}]}
    GetLinks = 23,       ///< controller -> worker: {}; answered by LinkStats
    Profile = 24,        ///< controller -> worker: {"warmup", "runs"}
    ProfileProgress = 25,///< worker -> controller: {"done", "layers"}
    Profiled = 26,       ///< worker -> controller: {"profile": the profile file's JSON text}
    SetSlowdown = 27,    ///< controller -> worker: {"factor"}: the compute padding from the next job on
    SlowdownSet = 28,    ///< worker -> controller: {"factor"}: in effect
};

} // namespace d3::core
