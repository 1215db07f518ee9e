#include "RunSummary.h"

#include "Comparison.h"
#include "StreamFigures.h"

#include <QJsonArray>
#include <QMap>

#include <algorithm>

namespace d3::core {

double RunSummary::median(QVector<double> values)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    const qsizetype n = values.size();
    return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

QJsonObject RunSummary::make(const Experiment &experiment, const QVector<RequestRecord> &records,
                             const QVector<Adaptation> &adaptations)
{
    int completed = 0, failed = 0, retried = 0, dropped = 0;
    QVector<double> ratios;
    QMap<QString, QVector<const RequestRecord *>> byPlan; // "phase/plan_id"
    QJsonArray failures;
    for (const RequestRecord &r : records) {
        if (r.probe)
            continue;
        retried += r.attempts > 1;
        dropped += r.dropped;
        if (!r.completed) {
            ++failed;
            failures.append(QJsonObject{{QStringLiteral("id"), qint64(r.id)}, {QStringLiteral("phase"), r.phase},
                                        {QStringLiteral("reason"), r.failure}});
            continue;
        }
        ++completed;
        if (r.predictedMs > 0)
            ratios.append(r.endToEndMs / r.predictedMs);
        byPlan[QStringLiteral("%1/%2").arg(r.phase, 4, 10, QLatin1Char('0')).arg(r.planId, 8, 10, QLatin1Char('0'))].append(&r);
    }
    QJsonArray plans;
    for (const auto &rows : byPlan) {
        QVector<double> measured, predicted, ratio;
        for (const RequestRecord *r : rows) {
            measured << r->endToEndMs;
            predicted << r->predictedMs;
            ratio << (r->predictedMs > 0 ? r->endToEndMs / r->predictedMs : 0);
        }
        plans.append(QJsonObject{{QStringLiteral("phase"), rows.front()->phase},
                                 {QStringLiteral("plan_id"), qint64(rows.front()->planId)},
                                 {QStringLiteral("planner"), rows.front()->planner},
                                 {QStringLiteral("plan"), rows.front()->plan},
                                 {QStringLiteral("requests"), int(rows.size())},
                                 {QStringLiteral("measured_ms"), median(measured)},
                                 {QStringLiteral("predicted_ms"), median(predicted)},
                                 {QStringLiteral("measured_over_predicted"), median(ratio)}});
    }
    QJsonArray phases;
    for (const ExperimentPhase &p : experiment.phases()) {
        QVector<double> measured, predicted, backbone, overhead;
        QVector<const RequestRecord *> own;
        int ok = 0, bad = 0;
        for (const RequestRecord &r : records) {
            if (r.phase != p.index || r.probe)
                continue;
            own << &r;
            if (!r.completed) {
                ++bad;
                continue;
            }
            ++ok;
            measured << r.endToEndMs;
            predicted << r.predictedMs;
            backbone << double(r.backboneBytes);
            if (r.criticalPathMs > 0)
                overhead << r.endToEndMs - r.criticalPathMs;
        }
        const double m = median(measured), pr = median(predicted);
        QJsonObject phase{{QStringLiteral("phase"), p.index},
                          {QStringLiteral("model"), p.model},
                          {QStringLiteral("planner"), p.planner},
                          {QStringLiteral("tiles"), p.tiles},
                          {QStringLiteral("repeat"), p.repeat},
                          {QStringLiteral("condition"), p.condition},
                          {QStringLiteral("completed"), ok},
                          {QStringLiteral("failed"), bad},
                          {QStringLiteral("measured_ms"), m},
                          {QStringLiteral("predicted_ms"), pr},
                          {QStringLiteral("measured_over_predicted"), pr > 0 ? m / pr : 0},
                          {QStringLiteral("backbone_bytes"), median(backbone)},
                          {QStringLiteral("overhead_ms"), median(overhead)},
                          {QStringLiteral("overhead_p95_ms"), Comparison::percentile(overhead, 95)}};
        const QJsonObject stream = StreamFigures::of(own).toJson();
        for (auto it = stream.begin(); it != stream.end(); ++it)
            phase.insert(it.key(), it.value());
        phases.append(phase);
    }
    QJsonArray adapt;
    for (const Adaptation &a : adaptations)
        adapt.append(a.toJson());
    return {{QStringLiteral("experiment"), experiment.name},
            {QStringLiteral("requests"), completed + failed},
            {QStringLiteral("completed"), completed},
            {QStringLiteral("failed"), failed},
            {QStringLiteral("retried"), retried},
            {QStringLiteral("dropped"), dropped},
            {QStringLiteral("failures"), failures},
            {QStringLiteral("measured_over_predicted"), median(ratios)},
            {QStringLiteral("plans"), plans},
            {QStringLiteral("phases"), phases},
            {QStringLiteral("adaptations"), adapt}};
}

} // namespace d3::core
