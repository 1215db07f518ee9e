#pragma once

#include <QString>

#include <optional>

namespace d3::core {

/// A stage of a deployed plan: the device's layers, the edge's tile phase, the edge's untiled layers, the cloud's
/// layers (docs/ARCHITECTURE.md, The path of one request). On the wire by name (stageName()).
enum class StageKind { Device, Tiles, Edge, Cloud };

/// What a Data message carries: a cut's tensors to the next stage, a tile's input crops, a tile's output, the
/// model's output back to the device. On the wire by name (dataKindName()).
enum class DataKind { Cut, TileIn, TileOut, Result };

/// "device", "tiles", "edge" or "cloud".
QString stageName(StageKind stage);
/// The stage called name; nullopt for any other text.
std::optional<StageKind> stageFromName(const QString &name);
/// "cut", "tile_in", "tile_out" or "result".
QString dataKindName(DataKind kind);
/// The data kind called name; nullopt for any other text.
std::optional<DataKind> dataKindFromName(const QString &name);

} // namespace d3::core
