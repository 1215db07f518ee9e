#pragma once

#include "plan/Conditions.h"

#include <QHash>

#include <cmath>
#include <QString>
#include <QStringList>

namespace d3::core {

/// The controller's picture of the cluster (docs/ARCHITECTURE.md, The path of one request): per worker a speed relative
/// to the layer costs, per directed link a rate and a one-way delay. The latest information wins: what the controller
/// configures (a link's shaping, a node's slowdown, a profile) sets the value at once; live measurements (compute and
/// transfer reports) then move it as an exponentially weighted moving average, restarting from the measurement when one
/// differs from the average by more than half (a step change). A worker's speed is its configured speed (profile over
/// slowdown) times what its own computations taught (profiles time each layer alone and warm, so requests run somewhat
/// slower); only a worker's own reports move it, so an idle worker keeps its speed whatever the busy ones do.
/// conditions() folds it all into the cost model's per-tier Conditions over the edge workers alive.
class ConditionEstimator
{
public:
    /// Stand-in rate for an unshaped link (loopback moves about ten gigabits per second).
    static constexpr double kUnlimitedMbps = 10000;

    /// weight: of a new measurement in the averages, 0..1.
    explicit ConditionEstimator(double weight = 0.3) : m_weight(weight) {}

    /// The workers by role; edges in plan order (the Conditions' edge node indices).
    void setNodes(const QString &device, const QStringList &edges, const QString &cloud);
    /// The edge workers alive, in plan order.
    const QStringList &edges() const { return m_edges; }
    /// Sets a worker's speed as it is now (from its profile, or from a changed slowdown).
    void setSpeed(const QString &node, double speed);
    /// A worker's current speed (1 when unknown): its configured speed times what its computations taught.
    double speed(const QString &node) const { return m_speed.value(node, 1.0) * m_learnt.value(node, 1.0); }
    /// Forgets what live measurements taught (every worker's learnt factor, the tile efficiency): a fresh start
    /// after a new profile. Speeds are then set again by the caller.
    void forgetLearnt()
    {
        m_learnt.clear();
        m_tileEfficiency = 1.0;
    }
    /// Sets a worker's configured speed (from its profile and slowdown), to which what its computations taught
    /// still applies: a sweep's next phase keeps how each worker runs against its profile.
    void setOwnSpeed(const QString &node, double speed)
    {
        if (speed > 0 && std::isfinite(speed))
            m_speed.insert(node, speed);
    }
    /// Sets a directed link's configured rate (0 = unlimited) and one-way delay.
    void configureLink(const QString &from, const QString &to, double mbps, double delayMs);
    /// A computation of referenceMs (its layers' time at speed 1) took measuredMs on node.
    void observeCompute(const QString &node, double referenceMs, double measuredMs);
    /// A tile expected to take expectedMs at its node's speed took measuredMs: moves the tile efficiency.
    void observeTile(double expectedMs, double measuredMs);
    /// bytes went from one worker to another in ms (the link's delay included).
    void observeTransfer(const QString &from, const QString &to, qint64 bytes, double ms);
    /// A directed link's current rate estimate in Mbit/s.
    double rate(const QString &from, const QString &to) const;
    /// The cost model's conditions: each tier link the slowest of its directed links among the workers alive,
    /// round trips twice the largest one-way delay, speeds per worker.
    Conditions conditions() const;
    /// The largest relative difference between two conditions (bandwidths and speeds), for drift checks.
    static double drift(const Conditions &a, const Conditions &b);

private:
    struct Link {
        double mbps = kUnlimitedMbps;
        double delayMs = 0;
    };
    static QString key(const QString &from, const QString &to) { return from + QLatin1String("->") + to; }
    double update(double average, double sample) const;
    double tier(const QStringList &from, const QStringList &to, bool delay) const;

    double m_weight;
    QString m_device;
    QString m_cloud;
    QStringList m_edges;
    QHash<QString, double> m_speed;  // each worker's configured speed
    QHash<QString, double> m_learnt; // each worker's measured / configured speed, from its own computations
    QHash<QString, Link> m_links;
    double m_tileEfficiency = 1.0;
};

} // namespace d3::core
