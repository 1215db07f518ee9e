#include "HopReport.h"

#include "net/CborInteger.h"

namespace d3::core {

QCborMap HopReport::toCbor() const
{
    QCborMap m{{QStringLiteral("kind"), kind == Kind::Compute ? QStringLiteral("compute") : QStringLiteral("transfer")},
               {QStringLiteral("node"), node},
               {QStringLiteral("stage"), stage},
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

HopReport HopReport::fromCbor(const QCborMap &map)
{
    HopReport r;
    r.kind = map.value(QStringLiteral("kind")).toString() == QLatin1String("transfer") ? Kind::Transfer : Kind::Compute;
    r.node = map.value(QStringLiteral("node")).toString();
    r.stage = map.value(QStringLiteral("stage")).toString();
    r.a = int(cborInteger(map.value(QStringLiteral("a")), 0));
    r.b = int(cborInteger(map.value(QStringLiteral("b")), 0));
    r.tile = int(cborInteger(map.value(QStringLiteral("tile")), -1));
    r.ms = map.value(QStringLiteral("ms")).toDouble();
    r.measuredMs = map.value(QStringLiteral("measured_ms")).toDouble();
    r.to = map.value(QStringLiteral("to")).toString();
    r.bytes = cborInteger(map.value(QStringLiteral("bytes")), 0);
    return r;
}

} // namespace d3::core
