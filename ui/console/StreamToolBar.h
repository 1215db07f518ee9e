#pragma once

#include "experiment/ExperimentStream.h"
#include "plan/Objective.h"

#include <QToolBar>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QSpinBox;

namespace d3::ui {

/// The stream's controls beside the run toolbar: a stream on or off (off: requests one at a time), how requests
/// arrive (at a fixed rate, Poisson at a mean rate, or closed loop: one as soon as one ends), the offered rate
/// (requests per second), the in-flight bound (1..32), and what the planners optimise (latency, throughput, or
/// latency under the rate). Emits what the operator chose; the main window carries it to the session, which applies
/// it between requests. GUI thread.
class StreamToolBar : public QToolBar
{
    Q_OBJECT
public:
    /// The rate shown while the stream has none (closed loop, off), requests per second.
    static constexpr double kDefaultRateHz = 10;

    /// Controls showing a stream that is off, objective latency.
    explicit StreamToolBar(QWidget *parent = nullptr);

    /// Shows stream and objective without emitting (the session's).
    void showStream(const core::ExperimentStream &stream, const core::Objective &objective);
    /// Enables the controls (no session: disabled).
    void setSessionReady(bool ready);
    /// The stream as chosen (its queue, drop policy and seed as last shown).
    core::ExperimentStream stream() const;
    /// The objective as chosen (latency under the rate: the rate shown).
    core::Objective objective() const;

Q_SIGNALS:
    /// The stream changed (turned on or off, arrivals, rate, bound).
    void streamChosen(const d3::core::ExperimentStream &stream);
    /// The objective changed (or, for latency under the rate, its rate while the stream does not carry it).
    void objectiveChosen(const d3::core::Objective &objective);

private:
    /// Enables what applies: arrivals and bound while the stream is on, the rate for open-loop arrivals or latency
    /// under the rate.
    void showEnabled();
    void rateChanged();

    QCheckBox *m_on;
    QComboBox *m_arrivals;
    QDoubleSpinBox *m_rate;
    QSpinBox *m_inFlight;
    QComboBox *m_objective;
    core::ExperimentStream m_shown; // the stream last shown: what the controls do not set
    bool m_ready = false;
};

} // namespace d3::ui
