#include "RequestMessages.h"

#include "CborFields.h"

#include <limits>

namespace d3::core {
namespace {

constexpr qint64 kMaxInt = std::numeric_limits<qint64>::max();
constexpr qint64 kMaxLayers = 1 << 20;
constexpr qsizetype kMaxName = 256;

} // namespace

QCborMap RunRangeMessage::toCbor() const
{
    return {{QStringLiteral("a"), a}, {QStringLiteral("b"), b}};
}

std::optional<RunRangeMessage> RunRangeMessage::fromCbor(const QCborMap &map, qint64 layers, QString *error)
{
    CborFields f(map, QStringLiteral("RunRange"));
    RunRangeMessage m;
    m.a = f.integer("a", 0, layers);
    m.b = f.integer("b", 0, layers);
    return f.result(m, error);
}

QCborMap RangeResultMessage::toCbor() const
{
    return {{QStringLiteral("compute_ms"), computeMs}};
}

std::optional<RangeResultMessage> RangeResultMessage::fromCbor(const QCborMap &map, QString *error)
{
    CborFields f(map, QStringLiteral("RangeResult"));
    RangeResultMessage m;
    m.computeMs = f.number("compute_ms", 0, 1e12);
    return f.result(m, error);
}

QCborMap InferMessage::toCbor() const
{
    QCborMap map{{QStringLiteral("plan_id"), qint64(planId)}};
    if (inputSeed)
        map.insert(QStringLiteral("input_seed"), qint64(*inputSeed));
    return map;
}

std::optional<InferMessage> InferMessage::fromCbor(const QCborMap &map, QString *error)
{
    CborFields f(map, QStringLiteral("Infer"));
    InferMessage m;
    m.planId = quint64(f.integer("plan_id", 1, kMaxInt));
    if (f.has("input_seed"))
        m.inputSeed = quint64(f.integer("input_seed", 0, kMaxInt));
    return f.result(m, error);
}

QCborMap DataMessage::toCbor() const
{
    return {{QStringLiteral("plan_id"), qint64(planId)},
            {QStringLiteral("kind"), dataKindName(kind)},
            {QStringLiteral("at"), at},
            {QStringLiteral("tile"), tile},
            {QStringLiteral("to"), to}};
}

std::optional<DataMessage> DataMessage::fromCbor(const QCborMap &map, QString *error)
{
    CborFields f(map, QStringLiteral("Data"));
    DataMessage m;
    m.planId = quint64(f.integer("plan_id", 1, kMaxInt));
    const QString kind = f.text("kind", 16);
    m.at = f.integer("at", 0, kMaxLayers);
    m.tile = f.integer("tile", -1, kMaxLayers, false, -1);
    m.to = f.text("to", kMaxName, false);
    const auto known = dataKindFromName(kind);
    if (f.ok() && !known)
        f.fail(QStringLiteral("'kind' must be cut, tile_in, tile_out or result, not '%1'").arg(kind));
    m.kind = known.value_or(DataKind::Cut);
    return f.result(m, error);
}

QCborMap ErrorMessage::toCbor() const
{
    QCborMap map{{QStringLiteral("message"), message}, {QStringLiteral("node"), node}};
    if (planId)
        map.insert(QStringLiteral("plan_id"), qint64(*planId));
    return map;
}

std::optional<ErrorMessage> ErrorMessage::fromCbor(const QCborMap &map, QString *error)
{
    CborFields f(map, QStringLiteral("Error"));
    ErrorMessage m;
    m.message = f.text("message", 64 * 1024);
    m.node = f.text("node", kMaxName, false);
    if (f.has("plan_id"))
        m.planId = quint64(f.integer("plan_id", 1, kMaxInt));
    return f.result(m, error);
}

} // namespace d3::core
