#include "StageKind.h"

#include <array>

namespace d3::core {
namespace {

const std::array<const char *, 4> kStages{"device", "tiles", "edge", "cloud"};
const std::array<const char *, 4> kDataKinds{"cut", "tile_in", "tile_out", "result"};

template<typename E, size_t N>
std::optional<E> fromName(const std::array<const char *, N> &names, const QString &name)
{
    for (size_t i = 0; i < N; ++i)
        if (name == QLatin1String(names[i]))
            return E(i);
    return std::nullopt;
}

} // namespace

QString stageName(StageKind stage)
{
    return QLatin1String(kStages[size_t(stage)]);
}

std::optional<StageKind> stageFromName(const QString &name)
{
    return fromName<StageKind>(kStages, name);
}

QString dataKindName(DataKind kind)
{
    return QLatin1String(kDataKinds[size_t(kind)]);
}

std::optional<DataKind> dataKindFromName(const QString &name)
{
    return fromName<DataKind>(kDataKinds, name);
}

} // namespace d3::core
