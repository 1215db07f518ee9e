#include "ExperimentTimelineParser.h"

#include "LinkName.h"

#include <QJsonArray>

namespace d3::core {
namespace {

constexpr int kMaxLabel = 200;
constexpr double kMaxSeconds = 1e6;

QString key(const char *name)
{
    return QString::fromLatin1(name);
}

QString show(const QJsonValue &value)
{
    return JsonFieldReader::show(value);
}

} // namespace

ExperimentTimelineParser::ExperimentTimelineParser(const Experiment &experiment, QString *error)
    : m_e(experiment), m_error(error)
{
}

void ExperimentTimelineParser::fail(const QString &path, const QString &message)
{
    JsonFieldReader::failAt(m_error, path, message);
}

QVector<ExperimentEvent> ExperimentTimelineParser::read(const QJsonValue &value, const QString &path)
{
    QVector<ExperimentEvent> events;
    if (!value.isArray()) {
        fail(path, QStringLiteral("must be an array of events, not %1").arg(show(value)));
        return events;
    }
    const QJsonArray list = value.toArray();
    double lastS = -1;
    qint64 lastRequest = -1;
    for (int i = 0; i < list.size() && m_error->isEmpty(); ++i) {
        const QString at = QStringLiteral("%1[%2]").arg(path).arg(i);
        const ExperimentEvent event = readEvent(list.at(i), at);
        if (!m_error->isEmpty())
            break;
        // Each kind of time runs forward on its own: at_s among at_s events, at_request among at_request events.
        const bool byRequest = event.byRequest();
        const double time = byRequest ? double(event.atRequest) : event.atS;
        const double last = byRequest ? double(lastRequest) : lastS;
        if (time < last)
            fail(JsonFieldReader::join(at, byRequest ? key("at_request") : key("at_s")),
                 QStringLiteral("%1 is before the previous event at %2 (events in the past are refused)")
                     .arg(JsonFieldReader::show(time), JsonFieldReader::show(last)));
        if (byRequest)
            lastRequest = event.atRequest;
        else
            lastS = event.atS;
        events << event;
    }
    return events;
}

ExperimentEvent ExperimentTimelineParser::readEvent(const QJsonValue &value, const QString &path)
{
    ExperimentEvent event;
    if (!value.isObject()) {
        fail(path, QStringLiteral("must be an event object, not %1").arg(show(value)));
        return event;
    }
    const QStringList actions = ExperimentEvent::actionKeys();
    JsonFieldReader r(value.toObject(), path, QStringList{key("at_s"), key("at_request"), key("label")} + actions,
                      m_error);
    if (!r.ok())
        return event;
    if (r.has(key("at_s")) == r.has(key("at_request"))) {
        r.fail(QString(), r.has(key("at_s"))
                              ? QStringLiteral("give either \"at_s\" or \"at_request\", not both")
                              : QStringLiteral("needs a time: \"at_s\" (seconds after the phase's start) or "
                                               "\"at_request\" (a request number of the phase)"));
        return event;
    }
    if (r.has(key("at_s")))
        event.atS = r.number(key("at_s"), 0, 0, kMaxSeconds);
    else
        event.atRequest = r.integer(key("at_request"), 0, 0, 1000000);
    if (r.ok() && event.atRequest >= m_e.requests.count)
        r.fail(key("at_request"),
               QStringLiteral("%1 is not a request of a phase (requests.count is %2: requests 0..%3)")
                   .arg(event.atRequest).arg(m_e.requests.count).arg(m_e.requests.count - 1));
    QStringList given;
    for (const QString &a : actions)
        if (r.has(a))
            given << a;
    if (r.ok() && given.isEmpty())
        r.fail(QString(), QStringLiteral("no action (one of %1)").arg(actions.join(QLatin1String(", "))));
    else if (r.ok() && given.size() > 1)
        r.fail(QString(),
               QStringLiteral("one action per event, got \"%1\"").arg(given.join(QLatin1String("\" and \""))));
    event.label = r.string(key("label"));
    if (r.ok() && r.has(key("label")) && (event.label.isEmpty() || event.label.size() > kMaxLabel))
        r.fail(key("label"), QStringLiteral("must be 1..%1 characters").arg(kMaxLabel));
    if (r.ok())
        readAction(r, given.first(), &event);
    return event;
}

void ExperimentTimelineParser::readAction(JsonFieldReader &r, const QString &action, ExperimentEvent *event)
{
    const QString path = r.pathOf(action);
    const QJsonValue v = r.value(action);
    event->action = ExperimentEvent::Action(ExperimentEvent::actionKeys().indexOf(action));
    switch (event->action) {
    case ExperimentEvent::Action::SetLink: {
        if (!v.isObject())
            return r.fail(action, QStringLiteral("must be an object {\"link\", \"mbps\", \"delay_ms\", "
                                                 "\"burst_bytes\"}, not %1").arg(show(v)));
        JsonFieldReader s(v.toObject(), path, {key("link"), key("mbps"), key("delay_ms"), key("burst_bytes")}, m_error);
        if (!s.ok() || !s.require(key("link"), QStringLiteral("a link name: a tier pair or a node pair")))
            return;
        event->link.name = s.string(key("link"));
        QVector<LinkName::Direction> directions;
        QString why;
        if (s.ok() && !LinkName::resolve(event->link.name, m_e.nodes, &directions, &why))
            s.fail(key("link"), why);
        if (s.ok() && s.require(key("mbps"), QStringLiteral("Mbit/s, 0 = unlimited")))
            event->link.mbps = s.number(key("mbps"), 0, 0, 1e6);
        if (s.ok() && s.require(key("delay_ms"), QStringLiteral("one-way delay in ms, 0..60000")))
            event->link.delayMs = s.number(key("delay_ms"), 0, 0, 60000);
        event->link.burstBytes = s.integer(key("burst_bytes"), 0, 0, qint64(1) << 30);
        return;
    }
    case ExperimentEvent::Action::SetSlowdown: {
        if (!v.isObject())
            return r.fail(action, QStringLiteral("must be an object {\"node\", \"factor\"}, not %1").arg(show(v)));
        JsonFieldReader s(v.toObject(), path, {key("node"), key("factor")}, m_error);
        if (s.ok() && s.require(key("node"), QStringLiteral("a local node's name")))
            event->node = nodeName(s.value(key("node")), s.pathOf(key("node")));
        if (s.ok() && s.require(key("factor"), QStringLiteral("the new slowdown, 1..1000")))
            event->factor = s.number(key("factor"), 1, 1, 1000);
        return;
    }
    case ExperimentEvent::Action::Kill:
    case ExperimentEvent::Action::Restart:
        event->node = nodeName(v, path);
        return;
    case ExperimentEvent::Action::ForcePlan:
        event->plan = ExperimentPlan::read(v, path, m_error);
        return;
    case ExperimentEvent::Action::Planner: {
        QStringList known = Experiment::plannerNames();
        known.removeAll(QStringLiteral("manual"));
        event->planner = v.toString();
        if (v == QJsonValue(QStringLiteral("manual")))
            r.fail(action, QStringLiteral("\"manual\" needs a plan: use \"force_plan\""));
        else if (!v.isString() || !known.contains(event->planner))
            r.fail(action,
                   QStringLiteral("unknown planner %1 (known: %2)").arg(show(v), known.join(QLatin1String(", "))));
        return;
    }
    }
}

QString ExperimentTimelineParser::nodeName(const QJsonValue &value, const QString &path)
{
    const QString name = value.toString();
    const ExperimentNode *node = m_e.node(name);
    if (!value.isString())
        fail(path, QStringLiteral("must be a node name, not %1").arg(show(value)));
    else if (!node)
        fail(path, QStringLiteral("no node named '%1'").arg(name));
    return name;
}

} // namespace d3::core
