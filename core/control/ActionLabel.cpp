#include "ActionLabel.h"

namespace d3::core {

QString ActionLabel::link(const ExperimentLink &link)
{
    const QString rate = link.mbps > 0 ? QStringLiteral("%1 Mbit/s").arg(link.mbps) : QStringLiteral("unlimited");
    return QStringLiteral("%1 %2, %3 ms").arg(link.name, rate).arg(link.delayMs);
}

QString ActionLabel::slowdown(const QString &node, double factor)
{
    return QStringLiteral("%1 slowdown %2").arg(node).arg(factor);
}

QString ActionLabel::kill(const QString &node)
{
    return QStringLiteral("kill %1").arg(node);
}

QString ActionLabel::restart(const QString &node)
{
    return QStringLiteral("restart %1").arg(node);
}

QString ActionLabel::plan(const ExperimentPlan &plan)
{
    QString text = QStringLiteral("cuts %1, %2").arg(plan.p).arg(plan.q);
    if (plan.tiled())
        text += QStringLiteral(", %1x%2 tiles of [%3, %4)").arg(plan.rows).arg(plan.cols).arg(plan.p).arg(plan.stackEnd);
    return text;
}

QString ActionLabel::planner(const QString &planner, bool tiles)
{
    return QStringLiteral("planner %1%2").arg(planner, tiles ? QString() : QStringLiteral(" (no tiles)"));
}

QString ActionLabel::stream(const ExperimentStream &stream)
{
    if (!stream.enabled)
        return QStringLiteral("stream off");
    const QString arrivals = ExperimentStream::arrivalNames().value(int(stream.arrivals));
    const QString rate = stream.openLoop() ? QStringLiteral(" %1 req/s").arg(stream.rateHz) : QString();
    return QStringLiteral("stream %1%2, %3 in flight").arg(arrivals, rate).arg(stream.inFlight);
}

QString ActionLabel::objective(const Objective &objective)
{
    return QStringLiteral("objective %1").arg(objective.label());
}

QString ActionLabel::addNode(const QString &node, const QString &role)
{
    return QStringLiteral("add node %1 (%2)").arg(node, role);
}

QString ActionLabel::removeNode(const QString &node)
{
    return QStringLiteral("remove node %1").arg(node);
}

QString ActionLabel::of(const ExperimentEvent &e, bool tiles)
{
    switch (e.action) {
    case ExperimentEvent::Action::SetLink:
        return link(e.link);
    case ExperimentEvent::Action::SetSlowdown:
        return slowdown(e.node, e.factor);
    case ExperimentEvent::Action::Kill:
        return kill(e.node);
    case ExperimentEvent::Action::Restart:
        return restart(e.node);
    case ExperimentEvent::Action::ForcePlan:
        return plan(e.plan);
    case ExperimentEvent::Action::Planner:
        return planner(e.planner, tiles);
    }
    return {};
}

QJsonObject ActionLabel::details(const QString &key, const QString &text)
{
    return {{QStringLiteral("action"), key}, {QStringLiteral("what"), text}};
}

} // namespace d3::core
