#pragma once

#include "CborFields.h"
#include "MessageType.h"

#include <QCborMap>
#include <QString>

#include <optional>

namespace d3::core {

// Loading, profiling and padding a worker's model (docs/PROTOCOL.md, Control messages), one definition for both
// ends. Each message's fromCbor checks every field and names the first at fault in one line.

/// controller -> worker: the model to load (a built-in name or a model file's text, never a path) and the seed of
/// its weights.
struct LoadMessage {
    static constexpr MessageType kType = MessageType::Load;
    QString model;        ///< a built-in model's name (or "" with modelJson)
    QString modelJson;    ///< a model file's text (or "" with model)
    std::optional<quint64> seed; ///< the weights' seed (absent: the worker's default)
    /// The header.
    QCborMap toCbor() const;
    /// Reads and checks a header; nullopt with one line in *error.
    static std::optional<LoadMessage> fromCbor(const QCborMap &map, QString *error);
};

/// worker -> controller: the model is loaded.
struct LoadedMessage {
    static constexpr MessageType kType = MessageType::Loaded;
    QString model;        ///< the model's name
    qint64 layers = 0;    ///< its layer count
    QString fingerprint;  ///< the weights' fingerprint (equal on every worker of a cluster)
    QString weights;      ///< where the weights came from
    double buildMs = 0;   ///< time to build the model
    double slowdown = 1;  ///< the compute padding in effect (--slowdown or the last SetSlowdown); 1 if absent
    /// The header.
    QCborMap toCbor() const;
    /// Reads and checks a header; nullopt with one line in *error.
    static std::optional<LoadedMessage> fromCbor(const QCborMap &map, QString *error);
};

/// controller -> worker: time every layer.
struct ProfileMessage {
    static constexpr MessageType kType = MessageType::Profile;
    qint64 warmup = 2;    ///< untimed runs first, 0..100
    qint64 runs = 5;      ///< timed runs, 1..1000
    /// The header.
    QCborMap toCbor() const;
    /// Reads and checks a header; nullopt with one line in *error.
    static std::optional<ProfileMessage> fromCbor(const QCborMap &map, QString *error);
};

/// worker -> controller: layers timed so far.
struct ProfileProgressMessage {
    static constexpr MessageType kType = MessageType::ProfileProgress;
    qint64 done = 0;      ///< layers timed
    qint64 layers = 0;    ///< of this many
    /// The header.
    QCborMap toCbor() const;
    /// Reads and checks a header; nullopt with one line in *error.
    static std::optional<ProfileProgressMessage> fromCbor(const QCborMap &map, QString *error);
};

/// worker -> controller: the profile.
struct ProfiledMessage {
    static constexpr MessageType kType = MessageType::Profiled;
    QString profileJson;  ///< the profile file's text (docs/PROFILE_FORMAT.md)
    /// The header.
    QCborMap toCbor() const;
    /// Reads and checks a header; nullopt with one line in *error.
    static std::optional<ProfiledMessage> fromCbor(const QCborMap &map, QString *error);
};

/// A message whose only field is a slowdown factor in 1..1000: SetSlowdown (controller -> worker: pad every
/// computation from the next on to factor times its measured time) and SlowdownSet (worker -> controller: in effect).
template<MessageType T>
struct FactorMessage {
    static constexpr MessageType kType = T;
    double factor = 1;    ///< 1..1000
    /// The header.
    QCborMap toCbor() const { return {{QStringLiteral("factor"), factor}}; }
    /// Reads and checks a header; nullopt with one line in *error.
    static std::optional<FactorMessage> fromCbor(const QCborMap &map, QString *error)
    {
        CborFields f(map, messageName(quint16(T)));
        FactorMessage m;
        m.factor = f.number("factor", 1, 1000);
        return f.result(m, error);
    }
};
/// controller -> worker: pad every computation from the next on.
using SetSlowdownMessage = FactorMessage<MessageType::SetSlowdown>;
/// worker -> controller: the padding in effect.
using SlowdownSetMessage = FactorMessage<MessageType::SlowdownSet>;

/// -> worker: exit at once with status 3, as a crash would (a supervisor such as systemd's Restart=on-failure
/// brings it back). Unanswered: the connection's end is the answer. Any authenticated peer may send it.
struct ExitMessage {
    static constexpr MessageType kType = MessageType::Exit;
    static constexpr int kExitStatus = 3; ///< the worker's exit status
    QString reason;       ///< why, for the worker's log (0..256 characters)
    /// The header.
    QCborMap toCbor() const;
    /// Reads and checks a header; nullopt with one line in *error.
    static std::optional<ExitMessage> fromCbor(const QCborMap &map, QString *error);
};

} // namespace d3::core
