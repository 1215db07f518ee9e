#include "ExperimentStreamParser.h"

namespace d3::core {
namespace {

/// One of names at key of r (fallback when absent); its index, or -1 after recording why.
int oneOf(JsonFieldReader &r, const QString &key, const QStringList &names, int fallback, const QString &what)
{
    if (!r.ok() || !r.has(key))
        return fallback;
    const int i = int(names.indexOf(r.value(key).toString()));
    if (!r.value(key).isString() || i < 0)
        r.fail(key, QStringLiteral("must be one of %1 (%2), not %3")
                        .arg(names.join(QStringLiteral(", ")), what, JsonFieldReader::show(r.value(key))));
    return i;
}

} // namespace

void ExperimentStreamParser::read(JsonFieldReader &top, Experiment *e, QString *error)
{
    const QString key = QStringLiteral("stream");
    if (top.ok() && top.has(key)) {
        if (!top.value(key).isObject())
            return top.fail(key, QStringLiteral("must be an object {\"arrivals\", \"rate_hz\", \"in_flight\", \"queue\", "
                                                "\"drop\", \"seed\"}, not %1").arg(JsonFieldReader::show(top.value(key))));
        JsonFieldReader r(top.object(key), top.pathOf(key),
                          {QStringLiteral("arrivals"), QStringLiteral("rate_hz"), QStringLiteral("in_flight"),
                           QStringLiteral("queue"), QStringLiteral("drop"), QStringLiteral("seed")},
                          error);
        ExperimentStream &s = e->stream;
        s.enabled = true;
        s.arrivals = ExperimentStream::Arrivals(std::max(0, oneOf(r, QStringLiteral("arrivals"), ExperimentStream::arrivalNames(), 0,
                                                   QStringLiteral("requests on a clock, or one as soon as one ends"))));
        if (r.ok() && s.openLoop()
            && r.require(QStringLiteral("rate_hz"), QStringLiteral("the offered rate, requests per second")))
            s.rateHz = r.number(QStringLiteral("rate_hz"), 0, 0.001, ExperimentStream::kMaxRateHz);
        if (r.ok() && !s.openLoop() && r.has(QStringLiteral("rate_hz")))
            r.fail(QStringLiteral("rate_hz"), QStringLiteral("has no meaning for closed arrivals (a request as soon as "
                                                             "one ends); leave it out"));
        s.inFlight = int(r.integer(QStringLiteral("in_flight"), 4, 1, ExperimentStream::kMaxInFlight));
        s.queue = int(r.integer(QStringLiteral("queue"), 16, 0, ExperimentStream::kMaxQueue));
        s.drop = ExperimentStream::Drop(std::max(0, oneOf(r, QStringLiteral("drop"), ExperimentStream::dropNames(), 0,
                                             QStringLiteral("which request an arrival at a full queue drops"))));
        s.seed = quint64(r.integer(QStringLiteral("seed"), 1, 0, (qint64(1) << 53)));
        if (r.ok() && e->requests.rateHz > 0)
            top.fail(QStringLiteral("requests"), QStringLiteral("rate_hz must be 0 beside a \"stream\" (the stream's "
                                                                 "rate_hz sets the pace)"));
    }
    const int objective = oneOf(top, QStringLiteral("objective"), Objective::names(), 0,
                                QStringLiteral("what the planners optimise"));
    e->objective = Objective::Kind(std::max(0, objective));
    if (top.ok() && e->objective == Objective::Kind::LatencyUnderRate && !(e->stream.enabled && e->stream.openLoop()))
        top.fail(QStringLiteral("objective"), QStringLiteral("latency_under_rate needs a \"stream\" with a rate_hz to "
                                                             "meet"));
}

} // namespace d3::core
