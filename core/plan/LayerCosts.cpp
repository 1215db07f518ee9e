#include "LayerCosts.h"

namespace d3::core {

LayerCosts LayerCosts::fromFlops(const ModelGraph &graph)
{
    LayerCosts c;
    for (const Layer &l : graph.layers())
        c.ms << double(l.flops) / (kReferenceGflops * 1e6);
    c.source = QStringLiteral("FLOP estimate at %1 GFLOP/s (no profile given)").arg(kReferenceGflops);
    return c;
}

LayerCosts LayerCosts::fromProfile(const Profile &profile)
{
    LayerCosts c;
    c.ms = profile.ms;
    c.measured = true;
    c.source = QStringLiteral("profile of %1 (%2 threads, %3)")
                   .arg(profile.machine.isEmpty() ? QStringLiteral("an unnamed machine") : profile.machine)
                   .arg(profile.threads)
                   .arg(profile.date.toString(Qt::ISODate));
    return c;
}

} // namespace d3::core
