#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace d3::core {

/// What a planner optimises (docs/ARCHITECTURE.md, Planning for streams): one request's end-to-end latency, a
/// stream's throughput (the slowest resource's busy time per request, least first; latency breaks ties), or the
/// latency of a stream offered at rateHz (the least latency among the plans whose bottleneck keeps up with the rate
/// with headroom; the most throughput when none does).
struct Objective {
    /// The objectives, in the order of names().
    enum class Kind { Latency, Throughput, LatencyUnderRate };

    Kind kind = Kind::Latency; ///< what is optimised
    double rateHz = 0;         ///< LatencyUnderRate: the offered rate to sustain (requests per second, > 0)

    /// A plan sustains a rate when its bottleneck is busy at most this share of the time between arrivals (queues
    /// grow without bound as the share nears 1).
    static constexpr double kUtilisation = 0.9;

    /// The names, in Kind order: "latency", "throughput", "latency_under_rate".
    static QStringList names()
    {
        return {QStringLiteral("latency"), QStringLiteral("throughput"), QStringLiteral("latency_under_rate")};
    }
    /// The kind of a name, or nullopt.
    static std::optional<Kind> kindOf(const QString &name)
    {
        const int i = names().indexOf(name);
        return i < 0 ? std::nullopt : std::optional<Kind>(Kind(i));
    }
    /// Its name.
    QString name() const { return names().value(int(kind)); }
    /// Its name with the rate where it has one ("latency_under_rate 30 Hz").
    QString label() const
    {
        return kind == Kind::LatencyUnderRate ? QStringLiteral("%1 %2 Hz").arg(name()).arg(rateHz) : name();
    }
    /// Equal kind and rate.
    bool operator==(const Objective &o) const { return kind == o.kind && rateHz == o.rateHz; }
    bool operator!=(const Objective &o) const { return !(*this == o); }
};

} // namespace d3::core
