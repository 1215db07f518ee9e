#include "RequestResult.h"

namespace d3::core {

double RequestResult::computeMs() const
{
    double sum = 0;
    for (const HopReport &h : hops)
        sum += h.kind == HopReport::Kind::Compute ? h.ms : 0;
    return sum;
}

double RequestResult::transferMs() const
{
    double sum = 0;
    for (const HopReport &h : hops)
        sum += h.kind == HopReport::Kind::Transfer ? h.ms : 0;
    return sum;
}

qint64 RequestResult::bytes() const
{
    qint64 sum = 0;
    for (const HopReport &h : hops)
        sum += h.bytes;
    return sum;
}

qint64 RequestResult::bytesBetween(const QString &from, const QString &to) const
{
    qint64 sum = 0;
    for (const HopReport &h : hops)
        if (h.kind == HopReport::Kind::Transfer && h.node == from && h.to == to)
            sum += h.bytes;
    return sum;
}

} // namespace d3::core
