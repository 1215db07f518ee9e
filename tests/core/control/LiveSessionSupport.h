#pragma once

#include "control/LiveSession.h"
#include "experiment/Experiment.h"

#include <QCoreApplication>
#include <QHash>
#include <QStringList>
#include <QVector>

#include <optional>

namespace d3::core {

/// What the live session's tests share: the application, the workers they started, a cluster to open, and
/// everything a session says.
namespace LiveSessionSupport {

/// The tests' application (debug logs off).
QCoreApplication &app();
/// The d3worker processes this test started that are still there.
QVector<qint64> workers();
/// alexnet on device (slowdown 3), edge1, edge2 and cloud, planner hpa, 1000 requests one at a time.
Experiment alexnetCluster();

/// Everything the session said, collected on the GUI thread.
struct Heard {
    bool ready = false;
    QStringList failures;
    QVector<RequestRecord> requests;
    QVector<RunEvent> events;
    qint64 finished = -1; // the count finished() reported
    std::optional<PlanResult> plan;
    QHash<QString, Controller::NodeState> states;
    QVector<Qt::HANDLE> threads; // where the model was loaded
    int layers = 0;
    std::optional<ExperimentStream> stream; // the stream in effect, as said last
    Objective objective;
    QVector<StageDepths::Counts> depths; // every depth said

    explicit Heard(const LiveSession &s);
    /// The records whose actions include text.
    int recordsNoting(const QString &text) const;
};

} // namespace LiveSessionSupport
} // namespace d3::core
