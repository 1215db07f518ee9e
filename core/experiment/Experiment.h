#pragma once

#include "DirectedLink.h"
#include "ExperimentEvent.h"
#include "ExperimentLink.h"
#include "ExperimentNode.h"
#include "ExperimentPhase.h"
#include "ExperimentPlan.h"
#include "ExperimentStream.h"
#include "ExperimentSweep.h"
#include "WorkerSpec.h"
#include "graph/ModelGraph.h"
#include "plan/Objective.h"
#include "protocol/ShaperKind.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QVector>

#include <optional>

namespace d3::core {

/// An experiment file, version 1 (docs/EXPERIMENTS.md): the nodes, the model(s), the weights, the planner(s), the
/// links, the requests and a timeline of events, as `d3ctl run` and the console run it. Read strictly: an unknown
/// key, a wrong type or a value out of range anywhere refuses the whole file with one line naming the file and the
/// JSON path. Model-dependent checks (plan cuts against the layers) wait until the model is loaded: mismatch().
struct Experiment {
    /// Where the weights come from.
    struct Weights {
        quint64 seed = 1;  ///< deterministic weights from this seed (when file is empty)
        QString file;      ///< absolute path of a weights file (passed to local nodes as --weights), or empty
        bool ignoreExtra = false; ///< the file may hold tensors the model does not use ("ignore_extra")
    };
    /// Profiling before planning.
    struct Profiling {
        bool enabled = true; ///< false: the planners use the FLOP estimate
        int warmup = 1;      ///< untimed runs per layer, 0..100
        int runs = 3;        ///< timed runs per layer (the median is kept), 1..1000
    };
    /// The requests of each phase.
    struct Requests {
        int count = 1;          ///< requests per phase, 1..1000000
        double rateHz = 0;      ///< requests per second; 0 = closed loop (the next when the previous ends)
        int timeoutMs = 30000;  ///< a request not finished after this long fails, 100..3600000
        quint64 inputSeed = 7;  ///< seed of the synthetic inputs
    };
    /// HPA's run-time adjustment.
    struct Adapt {
        double threshold = 0.05; ///< relative drift of the measured conditions that triggers re-partitioning, 0..1
        double ewma = 0.3;       ///< weight of a new measurement in the moving averages, 0..1
    };

    /// The format version this build reads and writes.
    static constexpr int kVersion = 1;
    /// Files larger than this are refused before they are read.
    static constexpr qint64 kMaxFileBytes = 1024 * 1024;

    QString source;                  ///< the file it was read from (or the source given to parse()), for messages
    QString baseDir;                 ///< the folder relative paths were resolved against
    QString name;                    ///< 1..64 characters of [A-Za-z0-9_.-]
    QVector<ExperimentNode> nodes;   ///< one device, 1..8 edge nodes, one cloud, in file order
    QStringList models;              ///< built-in names or absolute model file paths; more than one is a sweep
    Weights weights;                 ///< the weights
    QStringList planners;            ///< planner names (plannerNames()); more than one is a sweep
    ExperimentPlan plan;             ///< the plan of planner "manual" (meaningful only when planners has it)
    QVector<bool> tiles{true};       ///< vertical separation allowed; [true, false] sweeps both
    QString codecs = QStringLiteral("auto"); ///< the wire codecs transfers may use (CodecCosts::settings())
    ShaperKind shaper = ShaperKind::Process; ///< what imposes the links' rates ("shaper"; delays stay in-process)
    Profiling profile;               ///< profiling before planning
    QVector<ExperimentLink> links;   ///< the links, in ascending precedence (LinkName::Kind, then name)
    Requests requests;               ///< the requests of each phase
    ExperimentStream stream;         ///< the requests as a pipelined stream ("stream"; not enabled: one at a time)
    Objective::Kind objective = Objective::Kind::Latency; ///< what the planners optimise ("objective"); the rate of
                                     ///< latency_under_rate is the stream's (the phase's, when swept)
    Adapt adapt;                     ///< HPA's adjustment
    QVector<ExperimentEvent> timeline; ///< the events of each phase, in file order
    ExperimentSweep sweep;           ///< conditions swept and repetitions (empty: none)

    /// Most phases an experiment may have.
    static constexpr int kMaxPhases = 100000;

    /// Reads a file (relative paths resolve against its folder); nullopt with one line in *error.
    static std::optional<Experiment> load(const QString &path, QString *error);
    /// Parses JSON text; source names it in errors, relative paths resolve against baseDir (the current folder if
    /// empty); nullopt with one line in *error: "SOURCE: PATH: message".
    static std::optional<Experiment> parse(const QByteArray &json, const QString &source, const QString &baseDir,
                                           QString *error);
    /// The experiment as a file that parse() reads back to the same experiment; paths are written relative to
    /// relativeTo (absolute when it is empty).
    QJsonObject toJson(const QString &relativeTo = QString()) const;

    /// Every planner name an experiment accepts: Planner::names() and "manual".
    static QStringList plannerNames();
    /// The phases: models x repeats x conditions x planners x tiles, in that nesting order (one for a plain
    /// experiment).
    QVector<ExperimentPhase> phases() const;
    /// The number of phases (without listing them).
    qint64 phaseCount() const;
    /// The sweep's condition a phase runs under (links, slowdowns, edge nodes over the file's).
    ExperimentCondition condition(const ExperimentPhase &phase) const;
    /// A phase's model as a name: a built-in name, or a model file's base name.
    static QString modelName(const QString &model);
    /// The local nodes as LocalCluster workers (name, role, slowdown, threads, the weights file).
    QVector<WorkerSpec> localWorkers() const;
    /// The node called name, or nullptr.
    const ExperimentNode *node(const QString &name) const;
    /// Names of the nodes of a role ("device", "edge", "cloud"), in file order.
    QStringList nodesOf(const QString &role) const;
    /// The directed links that "links" shapes, in node order: each named direction once, with the figures of the
    /// entry of highest precedence (node pairs over tier pairs, one direction over "<->"). Links not named stay
    /// unshaped.
    QVector<DirectedLink> expandLinks() const;
    /// The directed links one entry shapes (a set_link event's), in node order; empty for a name that is not a link.
    QVector<DirectedLink> expandLink(const ExperimentLink &link) const;
    /// Empty if every plan of the experiment ("plan" for manual phases, every force_plan) fits graph, else one line
    /// "SOURCE: PATH: why".
    QString mismatch(const ModelGraph &graph) const;
};

} // namespace d3::core
