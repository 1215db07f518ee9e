#pragma once

#include <QToolBar>

class QAction;
class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;

namespace d3::ui {

/// The session's controls: Run the experiment's requests, Pause and Continue them (the button says which, and how
/// many of the experiment's requests were sent), their rate one at a time (requests per second, 0 = closed loop; the
/// experiment's at first; a stream's arrivals set it instead, StreamToolBar), the planner (hpa, oracle, the baselines, manual) with vertical separation on or off, and how much of the
/// run the plots follow. Emits what the operator chose; the main window carries it to the session. GUI thread.
class RunToolBar : public QToolBar
{
    Q_OBJECT
public:
    /// Controls for planners (Experiment::plannerNames()).
    explicit RunToolBar(const QStringList &planners, QWidget *parent = nullptr);

    /// Shows planner and tiles without emitting (the session's own choice).
    void showPlanner(const QString &planner, bool tiles);
    /// Enables or disables running (no session: disabled).
    void setSessionReady(bool ready);
    /// Shows the running state without emitting: the button reads Pause while running, Continue once requests were
    /// sent, Run before.
    void showRunning(bool running);
    /// Shows sent of count requests sent; finished: all were, the button is disabled until the experiment is opened
    /// anew.
    void showProgress(qint64 sent, qint64 count, bool finished);
    /// Shows rateHz without emitting (an experiment's requests.rate_hz).
    void showRate(double rateHz);
    /// Shows whether a stream sends the requests: its arrivals set the rate, so the rate here is hidden.
    void showStreaming(bool streaming);
    /// Shows a plots window without emitting (seconds, 0 = the whole run).
    void showFollow(double seconds);
    /// The progress as shown ("12 / 40").
    QString progressText() const;
    /// The run / stop action (checkable, F5).
    QAction *runAction() const { return m_run; }
    /// True while the run button is down.
    bool isRunning() const;
    /// The rate chosen (requests per second, 0 = closed loop).
    double rateHz() const;
    /// The planner chosen.
    QString planner() const;
    /// Vertical separation chosen.
    bool tiles() const;

Q_SIGNALS:
    /// Run (with the rate) or stop.
    void runToggled(bool running, double rateHz);
    /// Another planner or tiles setting.
    void plannerChosen(const QString &planner, bool tiles);
    /// The plots' window in seconds (0 = the whole session).
    void followChosen(double seconds);

private:
    /// The button's text for the state shown.
    void showRunText();

    QAction *m_run;
    QLabel *m_progress;
    qint64 m_sent = 0;
    bool m_finished = false;
    bool m_ready = false;
    bool m_streaming = false;
    QDoubleSpinBox *m_rate;
    QAction *m_rateAction = nullptr; // m_rate in the bar
    QComboBox *m_planner;
    QCheckBox *m_tiles;
    QComboBox *m_follow;
};

} // namespace d3::ui
