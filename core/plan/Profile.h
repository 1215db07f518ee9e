#pragma once

#include "CodecCosts.h"
#include "graph/ModelGraph.h"

#include <QDateTime>
#include <QString>
#include <QStringList>
#include <QVector>

#include <optional>

namespace d3::core {

/// Measured per-layer compute times of one model on one machine (docs/PROFILE_FORMAT.md): what the planners use
/// instead of the FLOP-based estimate. Produced by `d3ctl profile` and by workers at load.
struct Profile {
    QString model;             ///< model name the times belong to
    QStringList layers;        ///< layer names, in the model's topological order
    QVector<double> ms;        ///< per layer: median milliseconds for one input, slowdown applied
    QString machine;           ///< where it was measured (CPU model, cores)
    int threads = 1;           ///< LibTorch intra-op threads used
    double slowdown = 1.0;     ///< factor the times were padded by (1 = as measured)
    int runs = 0;              ///< measured runs per layer (after warm-up)
    QDateTime date;            ///< when it was measured (UTC)
    CodecCosts codecs;         ///< each wire codec's ratio at every cut and speed here (none when not measured)

    /// Sum of the per-layer times.
    double totalMs() const;
    /// Empty if this profile fits graph (same model name, same layer count and names, finite non-negative times),
    /// else one line saying why.
    QString mismatch(const ModelGraph &graph) const;

    /// The profile as a JSON document (docs/PROFILE_FORMAT.md).
    QByteArray toJson() const;
    /// Parses a profile; nullopt with one line in *error naming the source and the field.
    static std::optional<Profile> fromJson(const QByteArray &json, const QString &source, QString *error);
    /// Reads a profile file.
    static std::optional<Profile> load(const QString &path, QString *error);
    /// Writes a profile file atomically (a temporary file renamed over path); false with one line in *error.
    bool save(const QString &path, QString *error) const;
};

} // namespace d3::core
