#include "HopReport.h"

#include "CborFields.h"

#include <limits>

namespace d3::core {

QCborMap HopReport::toCbor() const
{
    QCborMap m{{QStringLiteral("kind"), kind == Kind::Compute ? QStringLiteral("compute") : QStringLiteral("transfer")},
               {QStringLiteral("node"), node},
               {QStringLiteral("stage"), kind == Kind::Compute ? stageName(stage) : dataKindName(data)},
               {QStringLiteral("a"), a},
               {QStringLiteral("b"), b},
               {QStringLiteral("tile"), tile},
               {QStringLiteral("ms"), ms}};
    if (kind == Kind::Compute)
        m.insert(QStringLiteral("measured_ms"), measuredMs);
    if (kind == Kind::Transfer) {
        m.insert(QStringLiteral("to"), to);
        m.insert(QStringLiteral("bytes"), bytes);
    }
    return m;
}

std::optional<HopReport> HopReport::fromCbor(const QCborMap &map, QString *error)
{
    constexpr qint64 kMaxLayers = 1 << 20;
    CborFields f(map, QStringLiteral("Report"));
    HopReport r;
    const QString kind = f.text("kind", 16);
    if (f.ok() && kind != QLatin1String("compute") && kind != QLatin1String("transfer"))
        f.fail(QStringLiteral("'kind' must be compute or transfer"));
    r.kind = kind == QLatin1String("transfer") ? Kind::Transfer : Kind::Compute;
    r.node = f.text("node", 128);
    const QString stage = f.text("stage", 16);
    if (r.kind == Kind::Compute) {
        const auto known = stageFromName(stage);
        if (f.ok() && !known)
            f.fail(QStringLiteral("'stage' of a computation must be device, tiles, edge or cloud"));
        r.stage = known.value_or(StageKind::Device);
    } else {
        const auto known = dataKindFromName(stage);
        if (f.ok() && !known)
            f.fail(QStringLiteral("'stage' of a transfer must be cut, tile_in, tile_out or result"));
        r.data = known.value_or(DataKind::Cut);
    }
    r.a = int(f.integer("a", 0, kMaxLayers));
    r.b = int(f.integer("b", 0, kMaxLayers));
    r.tile = int(f.integer("tile", -1, kMaxLayers, false, -1));
    r.ms = f.number("ms", 0, 1e12);
    r.measuredMs = f.number("measured_ms", 0, 1e12, false);
    if (r.kind == Kind::Transfer) {
        r.to = f.text("to", 128);
        r.bytes = f.integer("bytes", 0, std::numeric_limits<qint64>::max());
    }
    return f.result(r, error);
}

} // namespace d3::core
