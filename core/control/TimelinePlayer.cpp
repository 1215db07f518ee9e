#include "TimelinePlayer.h"

#include "ActionLabel.h"

namespace d3::core {

void TimelinePlayer::start()
{
    m_fired = QVector<bool>(m_experiment.timeline.size(), false);
    m_pausedAtMs = 0;
    m_clock.start();
}

void TimelinePlayer::setPaused(bool paused)
{
    if (paused && m_clock.isValid()) {
        m_pausedAtMs = clockMs();
        m_clock.invalidate();
    } else if (!paused && !m_clock.isValid()) {
        m_clock.start();
    }
}

QVector<int> TimelinePlayer::due(qint64 k)
{
    QVector<int> now;
    const QVector<ExperimentEvent> &timeline = m_experiment.timeline;
    for (int i = 0; i < timeline.size() && i < m_fired.size(); ++i) {
        const ExperimentEvent &e = timeline[i];
        const bool due = e.byRequest() ? e.atRequest == k : clockMs() >= e.atS * 1000;
        if (m_fired[i] || !due)
            continue;
        m_fired[i] = true;
        now.append(i);
    }
    return now;
}

bool TimelinePlayer::finished() const
{
    return !m_fired.contains(false);
}

RunEvent TimelinePlayer::logLine(const ExperimentEvent &e, double tMs, int phase, bool tiles) const
{
    RunEvent log;
    log.tMs = tMs;
    log.phase = phase;
    log.kind = QStringLiteral("timeline");
    log.label = e.label.isEmpty() ? ExperimentEvent::actionKey(e.action) : e.label;
    log.details = ActionLabel::details(ExperimentEvent::actionKey(e.action), ActionLabel::of(e, tiles));
    return log;
}

bool TimelinePlayer::fire(Controller &controller, const ExperimentEvent &e, bool tiles, QString *error) const
{
    const QString what = ActionLabel::of(e, tiles);
    controller.noteAction(e.label.isEmpty() ? QStringLiteral("timeline: %1").arg(what)
                                            : QStringLiteral("timeline: %1 (%2)").arg(e.label, what));
    switch (e.action) {
    case ExperimentEvent::Action::SetLink:
        for (const DirectedLink &link : m_experiment.expandLink(e.link))
            controller.setLink(link);
        return true;
    case ExperimentEvent::Action::SetSlowdown:
        return controller.setSlowdown(e.node, e.factor, error);
    case ExperimentEvent::Action::Kill:
        return controller.kill(e.node, error);
    case ExperimentEvent::Action::Restart:
        return controller.restart(e.node, error);
    case ExperimentEvent::Action::ForcePlan:
        return controller.forcePlan(e.plan.toPlan(), e.label.isEmpty() ? QStringLiteral("force_plan") : e.label,
                                    error);
    case ExperimentEvent::Action::Planner:
        return controller.usePlanner(e.planner, tiles, error);
    }
    return true;
}

} // namespace d3::core
