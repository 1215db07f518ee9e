#pragma once

#include <QToolBar>

class QAction;
class QCheckBox;
class QComboBox;
class QDoubleSpinBox;

namespace d3::ui {

/// The session's controls: run and stop the stream of requests, its rate (requests per second, 0 = closed loop),
/// the planner (hpa, oracle, the baselines, manual) with vertical separation on or off, and how much of the run the
/// plots follow. Emits what the operator chose; the main window carries it to the session. GUI thread.
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
    /// Shows the running state without emitting.
    void showRunning(bool running);
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
    QAction *m_run;
    QDoubleSpinBox *m_rate;
    QComboBox *m_planner;
    QCheckBox *m_tiles;
    QComboBox *m_follow;
};

} // namespace d3::ui
