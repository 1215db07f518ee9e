#pragma once

#include "Controller.h"
#include "experiment/Experiment.h"
#include "record/RunEvent.h"

#include <QElapsedTimer>
#include <QVector>

namespace d3::core {

/// Plays an experiment's timeline on a Controller: which events are due before a request (at_request k: before
/// request k; at_s: before the first request sent that long after the start), each fired once, and what firing one
/// does. One player per phase (start() again for the next); used by ExperimentRunner and the console.
class TimelinePlayer
{
public:
    /// A player for experiment's timeline (the experiment must outlive it); not started.
    explicit TimelinePlayer(const Experiment &experiment) : m_experiment(experiment) {}

    /// Forgets what fired and starts the clock of at_s events.
    void start();
    /// The indices of the timeline events due before request k (from 0), in file order; marks them fired.
    QVector<int> due(qint64 k);
    /// True when every event has fired.
    bool finished() const;

    /// The log line of event (kind "timeline") at tMs of phase.
    RunEvent logLine(const ExperimentEvent &event, double tMs, int phase) const;
    /// Carries out event on controller (tiles: the phase's setting, for a planner switch); false with one line.
    bool fire(Controller &controller, const ExperimentEvent &event, bool tiles, QString *error) const;

private:
    const Experiment &m_experiment;
    QVector<bool> m_fired;
    QElapsedTimer m_clock;
};

} // namespace d3::core
