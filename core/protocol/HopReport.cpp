#include "HopReport.h"

#include "CborFields.h"

#include <QStringList>

#include <algorithm>
#include <limits>

namespace d3::core {

namespace {

const QStringList kKinds{QStringLiteral("compute"), QStringLiteral("transfer"), QStringLiteral("decode")};

} // namespace

QCborMap HopReport::toCbor() const
{
    QCborMap m{{QStringLiteral("kind"), kKinds[int(kind)]},
               {QStringLiteral("node"), node},
               {QStringLiteral("stage"), kind == Kind::Compute ? stageName(stage) : dataKindName(data)},
               {QStringLiteral("a"), a},
               {QStringLiteral("b"), b},
               {QStringLiteral("tile"), tile},
               {QStringLiteral("ms"), ms},
               {QStringLiteral("queued_ms"), queuedMs}};
    if (kind == Kind::Compute)
        m.insert(QStringLiteral("measured_ms"), measuredMs);
    if (kind == Kind::Transfer) {
        m.insert(QStringLiteral("to"), to);
        m.insert(QStringLiteral("bytes"), bytes);
        m.insert(QStringLiteral("raw_bytes"), rawBytes);
        m.insert(QStringLiteral("encode_ms"), encodeMs);
    }
    if (kind == Kind::Decode)
        m.insert(QStringLiteral("from"), from);
    if (kind != Kind::Compute)
        m.insert(QStringLiteral("codec"), WireCodecs::name(codec));
    return m;
}

std::optional<HopReport> HopReport::fromCbor(const QCborMap &map, QString *error)
{
    constexpr qint64 kMaxLayers = 1 << 20;
    CborFields f(map, QStringLiteral("Report"));
    HopReport r;
    const QString kind = f.text("kind", 16);
    if (f.ok() && !kKinds.contains(kind))
        f.fail(QStringLiteral("'kind' must be compute, transfer or decode"));
    r.kind = Kind(std::max(0, int(kKinds.indexOf(kind))));
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
            f.fail(QStringLiteral("'stage' of a transfer or decode must be cut, tile_in, tile_out or result"));
        r.data = known.value_or(DataKind::Cut);
    }
    r.a = int(f.integer("a", 0, kMaxLayers));
    r.b = int(f.integer("b", 0, kMaxLayers));
    r.tile = int(f.integer("tile", -1, kMaxLayers, false, -1));
    r.ms = f.number("ms", 0, 1e12);
    r.measuredMs = f.number("measured_ms", 0, 1e12, false);
    r.queuedMs = f.number("queued_ms", 0, 1e12, false);
    if (r.kind == Kind::Transfer) {
        r.to = f.text("to", 128);
        r.bytes = f.integer("bytes", 0, std::numeric_limits<qint64>::max());
        r.rawBytes = f.integer("raw_bytes", 0, std::numeric_limits<qint64>::max());
        r.encodeMs = f.number("encode_ms", 0, 1e12);
    }
    if (r.kind == Kind::Decode)
        r.from = f.text("from", 128);
    if (r.kind != Kind::Compute) {
        const auto codec = WireCodecs::fromName(f.text("codec", 16));
        if (f.ok() && !codec)
            f.fail(QStringLiteral("'codec' must be one of %1").arg(WireCodecs::names().join(QLatin1String(", "))));
        r.codec = codec.value_or(WireCodec::None);
    }
    return f.result(r, error);
}

} // namespace d3::core
