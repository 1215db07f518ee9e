#include "ExperimentSweepParser.h"

#include "JsonFieldReader.h"
#include "LinkName.h"
#include "plan/CodecCosts.h"

#include <QJsonArray>
#include <QJsonObject>

namespace d3::core {
namespace {

QStringList keys(std::initializer_list<const char *> names)
{
    QStringList list;
    for (const char *n : names)
        list << QString::fromLatin1(n);
    return list;
}

} // namespace

ExperimentSweepParser::ExperimentSweepParser(const Experiment &experiment, QString *error)
    : m_e(experiment), m_error(error)
{
}

void ExperimentSweepParser::fail(const QString &path, const QString &message)
{
    JsonFieldReader::failAt(m_error, path, message);
}

ExperimentSweepParser::Values ExperimentSweepParser::values(const QJsonValue &value, const QString &path,
                                                            double minimum, double maximum, bool integer,
                                                            const QString &what)
{
    Values out;
    out.swept = value.isArray();
    const QJsonArray list = out.swept ? value.toArray() : QJsonArray{value};
    const QString range = QStringLiteral("%1 in %2..%3").arg(integer ? QStringLiteral("an integer") : QStringLiteral("a number"),
                                                             JsonFieldReader::show(minimum), JsonFieldReader::show(maximum));
    if (out.swept && (list.isEmpty() || list.size() > ExperimentSweep::kMaxValues)) {
        fail(path, QStringLiteral("must hold 1..%1 values (%2), not %3 values")
                       .arg(ExperimentSweep::kMaxValues).arg(what).arg(list.size()));
        return out;
    }
    for (int i = 0; i < list.size() && m_error->isEmpty(); ++i) {
        const QString at = out.swept ? QStringLiteral("%1[%2]").arg(path).arg(i) : path;
        const QJsonValue v = list.at(i);
        const double x = v.toDouble();
        if (!v.isDouble() || x < minimum || x > maximum || (integer && x != double(qint64(x)))) {
            fail(at, QStringLiteral("must be %1 (%2)%3, not %4")
                         .arg(range, what, out.swept ? QString() : QStringLiteral(", or an array of them to sweep"),
                              JsonFieldReader::show(v)));
        } else if (out.list.contains(x)) {
            fail(at, QStringLiteral("%1 is listed twice").arg(JsonFieldReader::show(x)));
        }
        out.list << x;
    }
    return out;
}

ExperimentSweep ExperimentSweepParser::read(const QJsonValue &value, const QString &path)
{
    ExperimentSweep sweep;
    if (!value.isObject()) {
        fail(path, QStringLiteral("must be an object {\"links\", \"edge_nodes\", \"slowdown\", \"repeats\"}, not %1")
                       .arg(JsonFieldReader::show(value)));
        return sweep;
    }
    JsonFieldReader r(value.toObject(), path,
                      keys({"links", "edge_nodes", "slowdown", "codecs", "stream_rate_hz", "stream_in_flight", "objective",
                           "repeats"}), m_error);
    if (r.ok() && value.toObject().isEmpty())
        r.fail(QString(), QStringLiteral("is empty (give \"links\", \"edge_nodes\", \"slowdown\" or \"repeats\")"));
    if (r.ok() && r.has(QStringLiteral("links")))
        readLinks(r.value(QStringLiteral("links")), r.pathOf(QStringLiteral("links")), &sweep);
    const int edges = int(m_e.nodesOf(QStringLiteral("edge")).size());
    if (r.ok() && r.has(QStringLiteral("edge_nodes"))) {
        const Values v = values(r.value(QStringLiteral("edge_nodes")), r.pathOf(QStringLiteral("edge_nodes")), 1, edges,
                                true, QStringLiteral("the first N edge nodes of \"nodes\" take part"));
        if (r.ok())
            sweep.axes << SweepAxis{SweepAxis::Kind::EdgeNodes, QString(), v.list};
    }
    if (r.ok() && r.has(QStringLiteral("slowdown")))
        readSlowdowns(r.value(QStringLiteral("slowdown")), r.pathOf(QStringLiteral("slowdown")), &sweep);
    if (r.ok() && r.has(QStringLiteral("codecs")))
        readNames(r.value(QStringLiteral("codecs")), r.pathOf(QStringLiteral("codecs")), CodecCosts::settings(),
                  SweepAxis::Kind::Codecs, &sweep);
    if (r.ok() && r.has(QStringLiteral("stream_rate_hz"))) {
        const QString at = r.pathOf(QStringLiteral("stream_rate_hz"));
        const Values v = values(r.value(QStringLiteral("stream_rate_hz")), at, 0.001, ExperimentStream::kMaxRateHz,
                                false, QStringLiteral("the stream's offered rate, requests per second"));
        if (r.ok() && !(m_e.stream.enabled && m_e.stream.openLoop()))
            fail(at, QStringLiteral("needs a \"stream\" whose arrivals run on a clock (fixed or poisson)"));
        if (r.ok())
            sweep.axes << SweepAxis{SweepAxis::Kind::StreamRate, QString(), v.list};
    }
    if (r.ok() && r.has(QStringLiteral("stream_in_flight"))) {
        const QString at = r.pathOf(QStringLiteral("stream_in_flight"));
        const Values v = values(r.value(QStringLiteral("stream_in_flight")), at, 1, ExperimentStream::kMaxInFlight, true,
                                QStringLiteral("the stream's in-flight bound"));
        if (r.ok() && !m_e.stream.enabled)
            fail(at, QStringLiteral("needs a \"stream\""));
        if (r.ok())
            sweep.axes << SweepAxis{SweepAxis::Kind::StreamInFlight, QString(), v.list};
    }
    if (r.ok() && r.has(QStringLiteral("objective"))) {
        readNames(r.value(QStringLiteral("objective")), r.pathOf(QStringLiteral("objective")), Objective::names(),
                  SweepAxis::Kind::Objective, &sweep);
        const bool underRate = r.ok() && sweep.axes.last().values.contains(int(Objective::Kind::LatencyUnderRate));
        if (underRate && !(m_e.stream.enabled && m_e.stream.openLoop()))
            fail(r.pathOf(QStringLiteral("objective")),
                 QStringLiteral("latency_under_rate needs a \"stream\" with a rate_hz to meet"));
    }
    sweep.repeats = int(r.integer(QStringLiteral("repeats"), 1, 1, ExperimentSweep::kMaxRepeats));
    return sweep;
}

void ExperimentSweepParser::readLinks(const QJsonValue &value, const QString &path, ExperimentSweep *sweep)
{
    if (!value.isObject() || value.toObject().isEmpty())
        return fail(path, QStringLiteral("must be a non-empty object of link names ({\"edge<->cloud\": {\"mbps\": [1, 10, "
                                         "100], \"delay_ms\": 20}}), not %1").arg(JsonFieldReader::show(value)));
    const QJsonObject links = value.toObject();
    for (auto it = links.begin(); it != links.end() && m_error->isEmpty(); ++it) {
        const QString at = JsonFieldReader::join(path, it.key());
        QVector<LinkName::Direction> directions;
        QString why;
        if (!LinkName::resolve(it.key(), m_e.nodes, &directions, &why))
            return fail(at, why);
        if (!it.value().isObject())
            return fail(at, QStringLiteral("must be an object {\"mbps\", \"delay_ms\", \"burst_bytes\"} (a number or an "
                                           "array of numbers each), not %1").arg(JsonFieldReader::show(it.value())));
        JsonFieldReader r(it.value().toObject(), at, keys({"mbps", "delay_ms", "burst_bytes"}), m_error);
        ExperimentSweep::LinkFigures f;
        f.name = it.key();
        if (r.ok() && r.require(QStringLiteral("mbps"), QStringLiteral("Mbit/s, 0 = unlimited; an array to sweep"))) {
            const Values v = values(r.value(QStringLiteral("mbps")), r.pathOf(QStringLiteral("mbps")), 0, 1e6, false,
                                    QStringLiteral("Mbit/s, 0 = unlimited"));
            f.mbps = v.list.value(0);
            if (v.swept)
                sweep->axes << SweepAxis{SweepAxis::Kind::LinkMbps, f.name, v.list};
        }
        if (r.ok() && r.require(QStringLiteral("delay_ms"), QStringLiteral("one-way delay in ms; an array to sweep"))) {
            const Values v = values(r.value(QStringLiteral("delay_ms")), r.pathOf(QStringLiteral("delay_ms")), 0, 60000,
                                    false, QStringLiteral("one-way delay in ms"));
            f.delayMs = v.list.value(0);
            if (v.swept)
                sweep->axes << SweepAxis{SweepAxis::Kind::LinkDelay, f.name, v.list};
        }
        f.burstBytes = r.integer(QStringLiteral("burst_bytes"), 0, 0, qint64(1) << 30);
        sweep->links << f;
    }
}

void ExperimentSweepParser::readNames(const QJsonValue &value, const QString &path, const QStringList &settings,
                                      SweepAxis::Kind kind, ExperimentSweep *sweep)
{
    QVector<double> list;
    for (const QJsonValue &v : value.toArray()) {
        const int i = int(settings.indexOf(v.toString()));
        if (i < 0 || list.contains(i))
            return fail(path, QStringLiteral("%1 is not one of %2, or is there twice")
                                  .arg(JsonFieldReader::show(v), settings.join(QStringLiteral(", "))));
        list << i;
    }
    if (!value.isArray() || list.isEmpty())
        return fail(path, QStringLiteral("must be a non-empty array of %1 ([\"%2\", \"%3\"]), not %4")
                              .arg(settings.join(QStringLiteral(", ")), settings.value(1), settings.value(0),
                                   JsonFieldReader::show(value)));
    sweep->axes << SweepAxis{kind, QString(), list};
}

void ExperimentSweepParser::readSlowdowns(const QJsonValue &value, const QString &path, ExperimentSweep *sweep)
{
    if (!value.isObject() || value.toObject().isEmpty())
        return fail(path, QStringLiteral("must be a non-empty object of node names or roles ({\"edge\": [1, 2, 4]}), "
                                         "not %1").arg(JsonFieldReader::show(value)));
    const QJsonObject slowdowns = value.toObject();
    QHash<QString, QString> sweptBy; // node -> the key that sweeps it
    for (auto it = slowdowns.begin(); it != slowdowns.end() && m_error->isEmpty(); ++it) {
        const QString at = JsonFieldReader::join(path, it.key());
        QStringList targets;
        if (const ExperimentNode *n = m_e.node(it.key()))
            targets << n->name;
        else
            targets = m_e.nodesOf(it.key());
        if (targets.isEmpty())
            return fail(at, QStringLiteral("no node or role named '%1' (a node's name, or \"device\", \"edge\", "
                                           "\"cloud\")").arg(it.key()));
        for (const QString &t : targets) {
            if (sweptBy.contains(t))
                return fail(at, QStringLiteral("'%1' is already swept by \"%2\"").arg(t, sweptBy.value(t)));
            sweptBy.insert(t, it.key());
        }
        const Values v = values(it.value(), at, 1, 1000, false,
                                QStringLiteral("the node computes this many times slower than the machine"));
        if (m_error->isEmpty())
            sweep->axes << SweepAxis{SweepAxis::Kind::Slowdown, it.key(), v.list};
    }
}

} // namespace d3::core
