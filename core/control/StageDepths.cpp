#include "StageDepths.h"

namespace d3::core {

QStringList StageDepths::placeNames()
{
    return {QStringLiteral("waiting"), QStringLiteral("device"), QStringLiteral("tiles"), QStringLiteral("edge"),
            QStringLiteral("cloud"), QStringLiteral("return")};
}

void StageDepths::sent(quint64 id, std::shared_ptr<const Deployment> d)
{
    m_flights.insert(id, Flight{std::move(d), {}});
}

void StageDepths::reported(quint64 id, const HopReport &report)
{
    auto it = m_flights.find(id);
    if (it != m_flights.end() && report.kind == HopReport::Kind::Compute)
        ++it->computed[size_t(report.stage)];
}

StageDepths::Counts StageDepths::counts() const
{
    Counts c{};
    c[Waiting] = m_waiting;
    for (const Flight &f : m_flights) {
        Place at = Returning;
        for (const Deployment::Stage &s : f.deployment->stages()) {
            const Plan &plan = f.deployment->plan();
            const int expected = s.kind == StageKind::Tiles ? plan.rows * plan.cols : 1;
            if (f.computed[size_t(s.kind)] < expected) {
                at = Place(int(Device) + int(s.kind));
                break;
            }
        }
        ++c[at];
    }
    return c;
}

} // namespace d3::core
