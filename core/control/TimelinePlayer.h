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
    /// Stops (true) or restarts (false) the clock of at_s events: time paused does not count (the console's Pause).
    void setPaused(bool paused);
    /// The indices of the timeline events due before request k (from 0), in file order; marks them fired.
    QVector<int> due(qint64 k);
    /// True when every event has fired.
    bool finished() const;

    /// The log line of event (kind "timeline") at tMs of phase: its label (else its action key) and details
    /// ActionLabel::details (tiles: the phase's setting, for a planner switch).
    RunEvent logLine(const ExperimentEvent &event, double tMs, int phase, bool tiles) const;
    /// Carries out event on controller (tiles: the phase's setting, for a planner switch) and notes it for the next
    /// request's record; false with one line.
    bool fire(Controller &controller, const ExperimentEvent &event, bool tiles, QString *error) const;

private:
    const Experiment &m_experiment;
    QVector<bool> m_fired;
    QElapsedTimer m_clock;   // running since start() or the last resume; invalid while paused
    qint64 m_pausedAtMs = 0; // the clock's reading when it was paused (0 after start())
    /// ms on the clock of at_s events.
    qint64 clockMs() const { return m_pausedAtMs + (m_clock.isValid() ? m_clock.elapsed() : 0); }
};

} // namespace d3::core
