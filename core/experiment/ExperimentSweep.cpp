#include "ExperimentSweep.h"
#include "plan/Objective.h"

#include "plan/CodecCosts.h"

#include <QJsonArray>

namespace d3::core {
namespace {

/// An axis over names as the file writes it: the names its values index.
QJsonArray namesOf(const QVector<double> &values, const QStringList &names)
{
    QJsonArray out;
    for (double v : values)
        out.append(names.value(int(v)));
    return out;
}

QJsonValue figure(const ExperimentSweep &sweep, const QString &link, SweepAxis::Kind kind, double fixed)
{
    for (const SweepAxis &a : sweep.axes) {
        if (a.kind == kind && a.target == link) {
            QJsonArray values;
            for (double v : a.values)
                values.append(v);
            return values;
        }
    }
    return fixed;
}

} // namespace

int ExperimentSweep::conditionCount() const
{
    int n = 1;
    for (const SweepAxis &a : axes)
        n *= int(a.values.size());
    return n;
}

QStringList ExperimentSweep::axisNames() const
{
    QStringList names;
    for (const SweepAxis &a : axes)
        names << a.name();
    return names;
}

ExperimentCondition ExperimentSweep::condition(int index, const QHash<QString, QString> &roleOf) const
{
    ExperimentCondition c;
    c.index = index;
    c.values.resize(axes.size());
    int rest = index;
    for (int i = int(axes.size()) - 1; i >= 0; --i) { // the last axis varies fastest
        const int n = int(axes[i].values.size());
        c.values[i] = axes[i].values[rest % n];
        rest /= n;
    }
    for (const LinkFigures &f : links) {
        ExperimentLink link{f.name, f.mbps, f.delayMs, f.burstBytes};
        for (int i = 0; i < axes.size(); ++i) {
            if (axes[i].target != f.name)
                continue;
            if (axes[i].kind == SweepAxis::Kind::LinkMbps)
                link.mbps = c.values[i];
            else if (axes[i].kind == SweepAxis::Kind::LinkDelay)
                link.delayMs = c.values[i];
        }
        c.links << link;
    }
    for (int i = 0; i < axes.size(); ++i) {
        if (axes[i].kind == SweepAxis::Kind::EdgeNodes) {
            c.edgeNodes = int(c.values[i]);
        } else if (axes[i].kind == SweepAxis::Kind::Codecs) {
            c.codecs = CodecCosts::settings().value(int(c.values[i]));
        } else if (axes[i].kind == SweepAxis::Kind::StreamRate) {
            c.streamRateHz = c.values[i];
        } else if (axes[i].kind == SweepAxis::Kind::StreamInFlight) {
            c.streamInFlight = int(c.values[i]);
        } else if (axes[i].kind == SweepAxis::Kind::Objective) {
            c.objective = int(c.values[i]);
        } else if (axes[i].kind == SweepAxis::Kind::Slowdown) {
            for (auto it = roleOf.begin(); it != roleOf.end(); ++it)
                if (it.key() == axes[i].target || it.value() == axes[i].target)
                    c.slowdowns.insert(it.key(), c.values[i]);
        }
    }
    return c;
}

QJsonObject ExperimentSweep::toJson() const
{
    QJsonObject o;
    QJsonObject linkMap;
    for (const LinkFigures &f : links) {
        QJsonObject l{{QStringLiteral("mbps"), figure(*this, f.name, SweepAxis::Kind::LinkMbps, f.mbps)},
                      {QStringLiteral("delay_ms"), figure(*this, f.name, SweepAxis::Kind::LinkDelay, f.delayMs)}};
        if (f.burstBytes > 0)
            l.insert(QStringLiteral("burst_bytes"), f.burstBytes);
        linkMap.insert(f.name, l);
    }
    if (!linkMap.isEmpty())
        o.insert(QStringLiteral("links"), linkMap);
    QJsonObject slowdowns;
    for (const SweepAxis &a : axes) {
        QJsonArray values;
        for (double v : a.values)
            values.append(a.kind == SweepAxis::Kind::EdgeNodes ? QJsonValue(int(v)) : QJsonValue(v));
        if (a.kind == SweepAxis::Kind::EdgeNodes)
            o.insert(QStringLiteral("edge_nodes"), values);
        else if (a.kind == SweepAxis::Kind::Codecs)
            o.insert(QStringLiteral("codecs"), namesOf(a.values, CodecCosts::settings()));
        else if (a.kind == SweepAxis::Kind::Objective)
            o.insert(QStringLiteral("objective"), namesOf(a.values, Objective::names()));
        else if (a.kind == SweepAxis::Kind::StreamRate)
            o.insert(QStringLiteral("stream_rate_hz"), values);
        else if (a.kind == SweepAxis::Kind::StreamInFlight)
            o.insert(QStringLiteral("stream_in_flight"), values);
        else if (a.kind == SweepAxis::Kind::Slowdown)
            slowdowns.insert(a.target, values);
    }
    if (!slowdowns.isEmpty())
        o.insert(QStringLiteral("slowdown"), slowdowns);
    if (repeats != 1)
        o.insert(QStringLiteral("repeats"), repeats);
    return o;
}

} // namespace d3::core
