#include "PlanReport.h"

#include "Output.h"

#include <QJsonArray>

namespace d3::cli {

QJsonObject PlanReport::toJson(const core::PlanResult &r, const core::CostModel &model)
{
    QJsonObject o = r.plan.toJson();
    o.insert(QStringLiteral("planner"), r.planner);
    o.insert(QStringLiteral("model"), model.graph().name());
    o.insert(QStringLiteral("predicted_ms"), r.cost.total);
    o.insert(QStringLiteral("breakdown"), r.cost.toJson());
    o.insert(QStringLiteral("backbone_bytes"), double(r.cost.backboneBytes));
    o.insert(QStringLiteral("uplink_bytes"), double(r.cost.uplinkBytes));
    o.insert(QStringLiteral("backbone_raw_bytes"), double(r.cost.backboneRawBytes));
    o.insert(QStringLiteral("uplink_raw_bytes"), double(r.cost.uplinkRawBytes));
    o.insert(QStringLiteral("decision_us"), r.decisionUs);
    o.insert(QStringLiteral("costs"), model.costs().measured ? QStringLiteral("measured") : QStringLiteral("estimated"));
    o.insert(QStringLiteral("costs_source"), model.costs().source);
    if (!r.note.isEmpty())
        o.insert(QStringLiteral("note"), r.note);
    o.insert(QStringLiteral("objective"), model.objective().name());
    if (model.objective().kind == core::Objective::Kind::LatencyUnderRate)
        o.insert(QStringLiteral("rate_hz"), model.objective().rateHz);
    return o;
}

QString PlanReport::streamText(const core::PlanResult &r, const core::CostModel &model)
{
    const core::CostBreakdown &b = r.cost;
    QString text = QStringLiteral("stream: bottleneck %1 %2 ms per request, at most %3 requests/s; objective %4")
                       .arg(b.bottleneck).arg(b.bottleneckMs, 0, 'f', 2).arg(b.throughputRps, 0, 'f', 1)
                       .arg(model.objective().label());
    if (model.objective().kind == core::Objective::Kind::LatencyUnderRate)
        text += model.sustains(b.bottleneckMs) ? QStringLiteral(" (sustained)") : QStringLiteral(" (not sustained)");
    return text;
}

QString PlanReport::codecsText(const core::PlanResult &r, const core::CostModel &model)
{
    if (!model.codecs().any())
        return QStringLiteral("codecs: none usable (a --profile measures them; --codecs none turns them off)");
    const core::CostBreakdown &b = r.cost;
    auto link = [&](core::PlanLink l, qint64 raw, qint64 wire) {
        const QString name = core::planLinkNames()[int(l)];
        const QString codec = core::WireCodecs::name(b.codecs[size_t(l)]);
        return raw == wire ? QStringLiteral("%1 %2, %3 bytes").arg(name, codec, Output::grouped(wire))
                           : QStringLiteral("%1 %2, %3 -> %4 bytes").arg(name, codec, Output::grouped(raw), Output::grouped(wire));
    };
    QStringList parts{link(core::PlanLink::Uplink, b.uplinkRawBytes, b.uplinkBytes),
                      link(core::PlanLink::Backbone, b.backboneRawBytes, b.backboneBytes)};
    for (core::PlanLink l : {core::PlanLink::Gather, core::PlanLink::Return, core::PlanLink::Downlink})
        if (b.codecs[size_t(l)] != core::WireCodec::None)
            parts << core::planLinkNames()[int(l)] + QLatin1Char(' ') + core::WireCodecs::name(b.codecs[size_t(l)]);
    return QStringLiteral("codecs: ") + parts.join(QStringLiteral("; "));
}

QString PlanReport::costsText(const core::CostModel &model)
{
    return (model.costs().measured ? QStringLiteral("measured: ") : QStringLiteral("estimated: ")) + model.costs().source;
}

} // namespace d3::cli
