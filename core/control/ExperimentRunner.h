#pragma once

#include "record/Adaptation.h"
#include "Controller.h"
#include "experiment/Experiment.h"
#include "record/RunRecorder.h"

#include <QJsonObject>
#include <QObject>

namespace d3::core {

/// Runs an experiment file headless (`d3ctl run`): starts the cluster through a Controller, then for every phase
/// loads the model (when it changes), plans with the phase's planner, sends the requests and fires the timeline's
/// events before the requests they are keyed to (at_request k: before request k; at_s: before the first request
/// sent that long after the phase began). After each event it probes the oracle's plan under the same conditions
/// before the next event, for the adaptation figures. Everything goes to a RunRecorder as it happens; the summary
/// is written at the end. Blocks, serving the event loop.
class ExperimentRunner : public QObject
{
    Q_OBJECT
public:
    /// Requests of the oracle's plan measured after each event.
    static constexpr int kOracleProbes = 3;
    /// Requests a plan must stay in effect to count as the one the planner adapted to.
    static constexpr int kPlanHolds = 5;

    /// The index of the first of a run of requests' plans (in order) whose plan holds: stays for kPlanHolds
    /// requests, or to the end; -1 when empty.
    static int adaptedAt(const QVector<quint64> &planIds);
    /// The index of the first request whose plan is not before (the plan in effect when an event fired); 0 when
    /// before is 0 (unknown) or the plan stayed.
    static int respondedAt(quint64 before, const QVector<quint64> &planIds);

    /// A runner for experiment, starting local workers with program (empty: the d3worker beside this program).
    ExperimentRunner(Experiment experiment, QString program, QObject *parent = nullptr);

    /// Runs everything, recording into dir; false with one line when the run cannot start or a phase cannot be
    /// set up (what ran so far stays recorded).
    bool run(const QString &dir, QString *error);
    /// The summary written at the end.
    const QJsonObject &summary() const { return m_summary; }
    /// Every request recorded, in order.
    const QVector<RequestRecord> &records() const { return m_records; }
    /// The controller (for its events and state while running).
    Controller &controller() { return m_controller; }

Q_SIGNALS:
    /// After each request: phase (from 0) of phases, request (from 0) of requests in the phase, and its record.
    void progress(int phase, int phases, int request, int requests, const d3::core::RequestRecord &record);

private:
    /// The "phase" event's details: model, planner, tiles, tiles_swept, repeat, condition_index, axes and the
    /// condition's value per axis (what Comparison reads back).
    QJsonObject phaseDetails(const ExperimentPhase &phase, const ExperimentCondition &condition) const;
    /// Plans and sends a phase's requests (one at a time, or as the experiment's stream under the condition's rate),
    /// the planners optimising the phase's objective.
    bool runPhase(const ExperimentPhase &phase, const ExperimentCondition &condition, QString *error);
    void probeOracle(const ExperimentPhase &phase, Adaptation *adaptation);
    void settle(Adaptation *adaptation, int from, int to) const;

    Experiment m_experiment;
    QString m_program;
    Controller m_controller;
    RunRecorder m_recorder;
    QVector<RequestRecord> m_records;
    QVector<Adaptation> m_adaptations;
    QJsonObject m_summary;
    int m_phase = 0;
};

} // namespace d3::core
