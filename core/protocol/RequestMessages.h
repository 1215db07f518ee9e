#pragma once

#include "CborFields.h"
#include "MessageType.h"
#include "StageKind.h"

#include <QCborMap>
#include <QString>

#include <limits>
#include <optional>

namespace d3::core {

// The messages of requests (docs/PROTOCOL.md, Requests), one definition for both ends. Tensors travel in the
// payload (TensorCodec); these are the headers. Each fromCbor checks every field and names the first at fault.

/// -> worker: run layers [a, b) on the tensors crossing cut a (in the payload); answered by RangeResult.
struct RunRangeMessage {
    static constexpr MessageType kType = MessageType::RunRange;
    qint64 a = 0;         ///< first layer (0..layers)
    qint64 b = 0;         ///< one past the last (0..layers)
    /// The header.
    QCborMap toCbor() const;
    /// Reads and checks a header for a model of layers layers; nullopt with one line in *error.
    static std::optional<RunRangeMessage> fromCbor(const QCborMap &map, qint64 layers, QString *error);
};

/// worker ->: the tensors crossing cut b (in the payload).
struct RangeResultMessage {
    static constexpr MessageType kType = MessageType::RangeResult;
    double computeMs = 0; ///< time the range took
    /// The header.
    QCborMap toCbor() const;
    /// Reads and checks a header; nullopt with one line in *error.
    static std::optional<RangeResultMessage> fromCbor(const QCborMap &map, QString *error);
};

/// controller -> device: one request on a deployed plan; the input in the payload, or made by the device from a
/// seed.
struct InferMessage {
    static constexpr MessageType kType = MessageType::Infer;
    quint64 planId = 0;                 ///< the plan to run on
    std::optional<quint64> inputSeed;   ///< the device makes the synthetic input of this seed (no payload)
    /// The header.
    QCborMap toCbor() const;
    /// Reads and checks a header; nullopt with one line in *error.
    static std::optional<InferMessage> fromCbor(const QCborMap &map, QString *error);
};

/// worker -> worker: tensors of one request for the next stage (payload).
struct DataMessage {
    static constexpr MessageType kType = MessageType::Data;
    quint64 planId = 0;   ///< the request's plan
    DataKind kind = DataKind::Cut; ///< what travels
    qint64 at = 0;        ///< the cut whose crossing tensors travel
    qint64 tile = -1;     ///< tile index (tile_in, tile_out), else -1
    QString to;           ///< the final receiver when relayed (the sender's next hop forwards it); "" = the receiver
    /// The header.
    QCborMap toCbor() const;
    /// Reads and checks a header; nullopt with one line in *error.
    static std::optional<DataMessage> fromCbor(const QCborMap &map, QString *error);
};

/// A message whose only field is a plan id: Done (device -> controller, the model's output in the payload) and
/// Deployed (worker -> controller: a Deploy is stored and its next hops are connected).
template<MessageType T>
struct PlanIdMessage {
    static constexpr MessageType kType = T;
    quint64 planId = 0;   ///< the plan
    /// The header.
    QCborMap toCbor() const { return {{QStringLiteral("plan_id"), qint64(planId)}}; }
    /// Reads and checks a header; nullopt with one line in *error.
    static std::optional<PlanIdMessage> fromCbor(const QCborMap &map, QString *error)
    {
        CborFields f(map, messageName(quint16(T)));
        PlanIdMessage m;
        m.planId = quint64(f.integer("plan_id", 1, std::numeric_limits<qint64>::max()));
        return f.result(m, error);
    }
};
/// device -> controller: the model's output (payload).
using DoneMessage = PlanIdMessage<MessageType::Done>;
/// worker -> controller: a Deploy is stored and its next hops are connected.
using DeployedMessage = PlanIdMessage<MessageType::Deployed>;

/// worker ->: a request (or a Deploy, with planId and request id 0) failed; the connection stays open.
struct ErrorMessage {
    static constexpr MessageType kType = MessageType::Error;
    QString message;      ///< one line
    QString node;         ///< the worker that failed
    std::optional<quint64> planId; ///< the plan whose Deploy failed
    /// The header.
    QCborMap toCbor() const;
    /// Reads and checks a header; nullopt with one line in *error.
    static std::optional<ErrorMessage> fromCbor(const QCborMap &map, QString *error);
};

} // namespace d3::core
