#include "Comparison.h"

#include "plan/CodecCosts.h"
#include "plan/Objective.h"

#include "CsvReader.h"

#include <QDir>
#include <QHash>
#include <QSaveFile>
#include <QJsonArray>
#include <QSet>

#include <algorithm>
#include <cmath>

namespace d3::core {
namespace {

/// The stages of a request in the order data flows, with their fields.
struct Stage {
    const char *name;
    double RequestRecord::*ms;
};

const Stage kStages[] = {
    {"device", &RequestRecord::deviceMs},       {"uplink", &RequestRecord::uplinkMs},
    {"tiles", &RequestRecord::tilesMs},         {"edge_edge", &RequestRecord::edgeEdgeMs},
    {"edge", &RequestRecord::edgeMs},           {"backbone", &RequestRecord::backboneMs},
    {"cloud", &RequestRecord::cloudMs},         {"return", &RequestRecord::returnMs},
};

/// The baselines, by key: the planners a row is compared with (best_two_tier: the fastest of them).
const QHash<QString, QString> &baselinePlanners()
{
    static const QHash<QString, QString> map{{QStringLiteral("device_only"), QStringLiteral("device-only")},
                                             {QStringLiteral("cloud_only"), QStringLiteral("cloud-only")},
                                             {QStringLiteral("neurosurgeon"), QStringLiteral("neurosurgeon")},
                                             {QStringLiteral("dads"), QStringLiteral("dads")}};
    return map;
}

/// The two-tier planners best_two_tier chooses from.
const QStringList &twoTierPlanners()
{
    static const QStringList list{QStringLiteral("neurosurgeon"), QStringLiteral("edge-cloud"), QStringLiteral("dads")};
    return list;
}

/// What one phase ran: its identity from the "phase" event.
struct PhaseInfo {
    QString model;
    QString planner;
    bool tiles = true;
    int condition = 0;
};

QString show(double v)
{
    return QString::fromLatin1(CsvReader::number(v));
}

} // namespace

QString ComparisonCondition::shown(const QStringList &axes, int i) const
{
    const QString axis = axes.value(i);
    const double v = values.value(i);
    return axis == QLatin1String("codecs")      ? CodecCosts::settings().value(int(v))
           : axis == QLatin1String("objective") ? Objective::names().value(int(v))
                                                : show(v);
}

QString ComparisonCondition::label(const QStringList &axes) const
{
    QStringList parts;
    for (int i = 0; i < axes.size() && i < values.size(); ++i)
        parts << QStringLiteral("%1=%2").arg(axes[i], shown(axes, i));
    return parts.join(QStringLiteral(", "));
}

QString ComparisonRow::plannerLabel(bool tilesSwept) const
{
    return tilesSwept && !tiles ? planner + QStringLiteral(" no tiles") : planner;
}

double Comparison::percentile(QVector<double> values, double q)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    const double rank = std::clamp(q, 0.0, 100.0) / 100.0 * double(values.size() - 1);
    const qsizetype lo = qsizetype(std::floor(rank));
    const qsizetype hi = std::min(lo + 1, values.size() - 1);
    return values[lo] + (values[hi] - values[lo]) * (rank - double(lo));
}

QStringList Comparison::baselineKeys()
{
    return {QStringLiteral("device_only"), QStringLiteral("cloud_only"), QStringLiteral("neurosurgeon"),
            QStringLiteral("dads"), QStringLiteral("best_two_tier")};
}

QStringList Comparison::stageNames()
{
    QStringList names;
    for (const Stage &s : kStages)
        names << QString::fromLatin1(s.name);
    return names;
}

std::optional<Comparison> Comparison::make(const RunData &data, QString *error)
{
    Comparison c;
    QHash<int, PhaseInfo> phases;
    QHash<int, int> conditionOf; // condition index -> position in c.conditions
    for (const RunEvent &e : data.events) {
        if (e.kind != QLatin1String("phase") || !e.details.contains(QLatin1String("planner")))
            continue;
        PhaseInfo p;
        p.model = e.details.value(QLatin1String("model")).toString();
        p.planner = e.details.value(QLatin1String("planner")).toString();
        p.tiles = e.details.value(QLatin1String("tiles")).toBool(true);
        p.condition = e.details.value(QLatin1String("condition_index")).toInt();
        c.tilesSwept = c.tilesSwept || e.details.value(QLatin1String("tiles_swept")).toBool();
        if (phases.isEmpty()) {
            for (const QJsonValue &a : e.details.value(QLatin1String("axes")).toArray())
                c.axes << a.toString();
        }
        if (!conditionOf.contains(p.condition)) {
            ComparisonCondition cond;
            const QJsonObject values = e.details.value(QLatin1String("condition")).toObject();
            for (const QString &axis : std::as_const(c.axes))
                cond.values << values.value(axis).toDouble();
            conditionOf.insert(p.condition, int(c.conditions.size()));
            c.conditions << cond;
        }
        if (!c.models.contains(p.model))
            c.models << p.model;
        phases.insert(e.phase, p);
    }
    if (phases.isEmpty()) {
        *error = QStringLiteral("the run's events name no phase's model, planner and condition (a run recorded "
                                "before sweeps): no comparison");
        return std::nullopt;
    }
    QHash<quint64, QJsonObject> planDetails; // plan_id -> the plan event's details
    for (const RunEvent &e : data.events)
        if (e.kind == QLatin1String("plan"))
            planDetails.insert(quint64(e.details.value(QLatin1String("plan_id")).toInteger()), e.details);

    // One row per (model, condition, planner label), in run order, with the requests of its phases.
    QHash<QString, int> rowOf;
    QVector<QVector<const RequestRecord *>> requestsOf;
    QList<int> phaseOrder = phases.keys();
    std::sort(phaseOrder.begin(), phaseOrder.end());
    QHash<int, int> rowOfPhase;
    for (int phase : std::as_const(phaseOrder)) {
        const PhaseInfo &p = phases[phase];
        ComparisonRow row;
        row.model = p.model;
        row.condition = conditionOf.value(p.condition);
        row.planner = p.planner;
        row.tiles = p.tiles;
        const QString label = row.plannerLabel(c.tilesSwept);
        const QString key = QStringLiteral("%1\n%2\n%3").arg(row.model).arg(row.condition).arg(label);
        if (!rowOf.contains(key)) {
            rowOf.insert(key, int(c.rows.size()));
            c.rows << row;
            requestsOf.append(QVector<const RequestRecord *>());
        }
        if (!c.planners.contains(label))
            c.planners << label;
        rowOfPhase.insert(phase, rowOf.value(key));
    }
    QHash<int, QVector<const RequestRecord *>> requestsOfPhase;
    for (const RequestRecord &r : data.requests) {
        if (!r.probe && rowOfPhase.contains(r.phase)) {
            requestsOf[rowOfPhase.value(r.phase)].append(&r);
            requestsOfPhase[r.phase].append(&r);
        }
    }

    // The plan each row ran on: the one most of its requests ran on.
    for (int i = 0; i < c.rows.size(); ++i) {
        ComparisonRow &row = c.rows[i];
        QStringList order;
        QHash<QString, int> count;
        QHash<QString, quint64> idOf;
        for (const RequestRecord *r : requestsOf[i]) {
            if (!count.contains(r->plan)) {
                order << r->plan;
                idOf.insert(r->plan, r->planId);
            }
            ++count[r->plan];
            row.failed += r->completed ? 0 : 1;
            row.dropped += r->dropped ? 1 : 0;
        }
        row.plans = int(order.size());
        for (const QString &plan : std::as_const(order))
            if (row.plan.isNull() || count.value(plan) > count.value(row.plan))
                row.plan = plan;
        const QJsonObject details = planDetails.value(idOf.value(row.plan));
        row.planShort = details.value(QLatin1String("short")).toString();
        row.tiers = details.value(QLatin1String("tiers")).toString();
    }

    // The same single plan under the same model and condition is one measurement: pool its rows.
    QVector<QVector<const RequestRecord *>> pooled = requestsOf;
    QVector<QVector<int>> pooledPhases(c.rows.size());
    for (int phase : std::as_const(phaseOrder))
        pooledPhases[rowOfPhase.value(phase)] << phase;
    for (int i = 0; i < c.rows.size(); ++i) {
        for (int j = 0; j < i; ++j) {
            const ComparisonRow &a = c.rows[j];
            ComparisonRow &b = c.rows[i];
            if (a.model != b.model || a.condition != b.condition || a.plans != 1 || b.plans != 1 || a.plan != b.plan
                || !a.samePlanAs.isEmpty())
                continue;
            b.samePlanAs = a.plannerLabel(c.tilesSwept);
            pooled[j] += requestsOf[i];
            pooledPhases[j] += pooledPhases[i];
            break;
        }
    }
    for (int i = 0; i < c.rows.size(); ++i) {
        ComparisonRow &row = c.rows[i];
        int owner = i;
        if (!row.samePlanAs.isEmpty()) {
            const ComparisonRow *o = c.find(row.model, row.condition, row.samePlanAs);
            owner = o ? int(o - c.rows.constData()) : i;
        }
        QVector<double> ms, predicted, backbone;
        QVector<QVector<double>> stages(std::size(kStages));
        for (const RequestRecord *r : std::as_const(pooled[owner])) {
            if (!r->completed)
                continue;
            ms << r->latencyMs();
            predicted << r->predictedMs;
            backbone << double(r->backboneBytes);
            for (int s = 0; s < int(std::size(kStages)); ++s)
                stages[s] << r->*kStages[s].ms;
        }
        row.n = int(ms.size());
        row.p50Ms = percentile(ms, 50);
        row.p95Ms = percentile(ms, 95);
        row.p99Ms = percentile(ms, 99);
        row.p25Ms = percentile(ms, 25);
        row.p75Ms = percentile(ms, 75);
        row.iqrMs = row.p75Ms - row.p25Ms;
        row.predictedMs = percentile(predicted, 50);
        row.backboneBytes = percentile(backbone, 50);
        for (const QVector<double> &s : std::as_const(stages))
            row.stageMs << percentile(s, 50);
        QVector<int> phasesPooled = pooledPhases[owner];
        std::sort(phasesPooled.begin(), phasesPooled.end());
        QVector<double> throughput;
        for (int phase : std::as_const(phasesPooled)) {
            row.phaseFigures << StreamFigures::of(requestsOfPhase.value(phase));
            throughput << row.phaseFigures.last().throughputRps;
        }
        row.throughputRps = percentile(throughput, 50);
    }

    // Speed-ups against the baselines of the same model and condition.
    for (ComparisonRow &row : c.rows) {
        auto baseline = [&](const QString &planner) -> const ComparisonRow * {
            for (const QString &label : {planner, planner + QStringLiteral(" no tiles")}) {
                const ComparisonRow *b = c.find(row.model, row.condition, label);
                if (b && b->n > 0)
                    return b;
            }
            return nullptr;
        };
        for (auto it = baselinePlanners().begin(); it != baselinePlanners().end(); ++it) {
            const ComparisonRow *b = baseline(it.value());
            if (b && row.p50Ms > 0)
                row.speedup.insert(it.key(), b->p50Ms / row.p50Ms);
        }
        const ComparisonRow *best = nullptr;
        for (const QString &planner : twoTierPlanners()) {
            const ComparisonRow *b = baseline(planner);
            if (b && (!best || b->p50Ms < best->p50Ms))
                best = b;
        }
        if (best && row.p50Ms > 0)
            row.speedup.insert(QStringLiteral("best_two_tier"), best->p50Ms / row.p50Ms);
        const ComparisonRow *cloud = baseline(QStringLiteral("cloud-only"));
        if (cloud && cloud->backboneBytes > 0 && row.backboneBytes > 0)
            row.backboneVsCloudOnly = cloud->backboneBytes / row.backboneBytes;
    }
    return c;
}

std::optional<Comparison> Comparison::ofSweep(const RunData &data, QString *error)
{
    QSet<int> phases;
    for (const RunEvent &e : data.events)
        if (e.kind == QLatin1String("phase"))
            phases.insert(e.phase);
    if (phases.size() < 2)
        return std::nullopt;
    return make(data, error);
}

const ComparisonRow *Comparison::find(const QString &model, int condition, const QString &plannerLabel) const
{
    for (const ComparisonRow &r : rows)
        if (r.model == model && r.condition == condition && r.plannerLabel(tilesSwept) == plannerLabel)
            return &r;
    return nullptr;
}

QString Comparison::toCsv() const
{
    QStringList header{QStringLiteral("model")};
    header << axes;
    header << QStringList{QStringLiteral("planner"), QStringLiteral("tiles"), QStringLiteral("plan"),
                          QStringLiteral("plan_short"), QStringLiteral("tiers"), QStringLiteral("plans"),
                          QStringLiteral("same_plan_as"), QStringLiteral("n"), QStringLiteral("failed"),
                          QStringLiteral("p50_ms"), QStringLiteral("p95_ms"), QStringLiteral("iqr_ms"),
                          QStringLiteral("p25_ms"), QStringLiteral("p75_ms"), QStringLiteral("predicted_ms"),
                          QStringLiteral("measured_over_predicted"), QStringLiteral("backbone_bytes"),
                          QStringLiteral("backbone_vs_cloud_only")};
    for (const QString &k : baselineKeys())
        header << QStringLiteral("speedup_vs_") + k;
    for (const QString &s : stageNames())
        header << s + QStringLiteral("_ms");
    header << QStringLiteral("throughput_rps") << QStringLiteral("p99_ms") << QStringLiteral("dropped");
    QByteArray out;
    QStringList quoted;
    for (const QString &h : std::as_const(header))
        quoted << QString::fromUtf8(CsvReader::quote(h));
    out += quoted.join(QLatin1Char(',')).toUtf8() + '\n';
    for (const ComparisonRow &r : rows) {
        QList<QByteArray> f{CsvReader::quote(r.model)};
        for (double v : conditions.value(r.condition).values)
            f << CsvReader::number(v);
        f << CsvReader::quote(r.planner) << QByteArray(r.tiles ? "1" : "0") << CsvReader::quote(r.plan)
          << CsvReader::quote(r.planShort) << CsvReader::quote(r.tiers) << QByteArray::number(r.plans)
          << CsvReader::quote(r.samePlanAs) << QByteArray::number(r.n) << QByteArray::number(r.failed)
          << CsvReader::number(r.p50Ms) << CsvReader::number(r.p95Ms) << CsvReader::number(r.iqrMs)
          << CsvReader::number(r.p25Ms) << CsvReader::number(r.p75Ms) << CsvReader::number(r.predictedMs)
          << CsvReader::number(r.measuredOverPredicted()) << CsvReader::number(r.backboneBytes)
          << (r.backboneVsCloudOnly > 0 ? CsvReader::number(r.backboneVsCloudOnly) : QByteArray());
        for (const QString &k : baselineKeys())
            f << (r.speedup.contains(k) ? CsvReader::number(r.speedup.value(k)) : QByteArray());
        for (double s : r.stageMs)
            f << CsvReader::number(s);
        f << CsvReader::number(r.throughputRps) << CsvReader::number(r.p99Ms) << QByteArray::number(r.dropped);
        out += f.join(',') + '\n';
    }
    return QString::fromUtf8(out);
}

QString Comparison::toMarkdown() const
{
    auto x = [](const ComparisonRow &r, const QString &key) {
        return r.speedup.contains(key) ? QString::number(r.speedup.value(key), 'f', 2) : QStringLiteral("-");
    };
    QString md;
    for (const QString &model : models) {
        md += QStringLiteral("## %1\n\n").arg(model);
        QString head = QStringLiteral("| ");
        for (const QString &a : axes)
            head += a + QStringLiteral(" | ");
        head += QStringLiteral("planner | plan | n | failed | p50 ms | p95 ms | IQR ms | predicted ms | backbone KiB "
                               "| x device-only | x cloud-only | x neurosurgeon | x dads | x best two-tier "
                               "| req/s | p99 ms | dropped |\n|");
        for (int i = 0; i < axes.size() + 17; ++i)
            head += i < axes.size() + 2 ? QStringLiteral(" :-- |") : QStringLiteral(" --: |");
        md += head + QLatin1Char('\n');
        for (const ComparisonRow &r : rows) {
            if (r.model != model)
                continue;
            QString line = QStringLiteral("| ");
            const ComparisonCondition &cond = conditions.value(r.condition);
            for (int i = 0; i < cond.values.size(); ++i)
                line += cond.shown(axes, i) + QStringLiteral(" | ");
            QString plan = r.planShort.isEmpty() ? r.plan : r.planShort;
            if (!r.samePlanAs.isEmpty())
                plan += QStringLiteral(" (= %1)").arg(r.samePlanAs);
            if (r.plans > 1)
                plan += QStringLiteral(" (+%1 more)").arg(r.plans - 1);
            line += QStringLiteral("%1 | %2 | %3 | %4 | %5 | %6 | %7 | %8 | %9 | ")
                        .arg(r.plannerLabel(tilesSwept), plan).arg(r.n).arg(r.failed)
                        .arg(r.p50Ms, 0, 'f', 1).arg(r.p95Ms, 0, 'f', 1).arg(r.iqrMs, 0, 'f', 1)
                        .arg(r.predictedMs, 0, 'f', 1).arg(r.backboneBytes / 1024.0, 0, 'f', 1);
            QStringList xs;
            for (const QString &k : baselineKeys())
                xs << x(r, k);
            xs << QString::number(r.throughputRps, 'f', 2) << QString::number(r.p99Ms, 'f', 1)
               << QString::number(r.dropped);
            md += line + xs.join(QStringLiteral(" | ")) + QStringLiteral(" |\n");
        }
        md += QLatin1Char('\n');
    }
    return md;
}

bool Comparison::save(const QString &dir, QStringList *written, QString *error) const
{
    const QDir out(dir);
    for (const auto &[name, text] : {std::pair{QStringLiteral("comparison.csv"), toCsv()},
                                     std::pair{QStringLiteral("comparison.md"), toMarkdown()}}) {
        QSaveFile file(out.filePath(name));
        if (!file.open(QIODevice::WriteOnly) || file.write(text.toUtf8()) < 0 || !file.commit()) {
            *error = QStringLiteral("%1: cannot write (%2)").arg(out.filePath(name), file.errorString());
            return false;
        }
        written->append(out.filePath(name));
    }
    return true;
}

} // namespace d3::core
