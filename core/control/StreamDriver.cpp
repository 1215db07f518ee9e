#include "StreamDriver.h"

#include "BlockingClient.h"
#include "experiment/StreamArrivals.h"

#include <algorithm>

namespace d3::core {

StreamDriver::StreamDriver(Controller &controller, ExperimentStream stream, int count, QObject *parent)
    : QObject(parent)
    , m_controller(controller)
    , m_stream(std::move(stream))
    , m_count(std::max(0, count))
{
}

void StreamDriver::setStream(const ExperimentStream &stream)
{
    m_stream = stream;
    m_scheduleFrom = m_arrived;
    m_schedule = StreamArrivals::schedule(m_stream, m_count - m_arrived);
    m_clockMs = m_controller.elapsedMs();
}

double StreamDriver::nextArrivalMs() const
{
    const int i = m_arrived - m_scheduleFrom;
    return i >= 0 && i < m_schedule.size() ? m_clockMs + m_schedule[i] : m_controller.elapsedMs();
}

bool StreamDriver::run(QString *error)
{
    ClusterClient &client = m_controller.client();
    const auto done = connect(&client, &ClusterClient::completed, this, [this](const RequestResult &r) {
        if (m_flights.count(r.id))
            m_ended.push_back({r.id, r, {}});
    });
    const auto failed = connect(&client, &ClusterClient::requestFailed, this, [this](quint64 id, const QString &why) {
        if (m_flights.count(id))
            m_ended.push_back({id, std::nullopt, why});
    });
    const auto reported = connect(&client, &ClusterClient::reported, this, [this](quint64 id, const HopReport &h) {
        m_depths.reported(id, h);
    });
    setStream(m_stream);
    QString hookError;
    while (m_emitted < m_count) {
        handleEnded();
        arrive(m_controller.elapsedMs());
        if (hookError.isEmpty() && !sendWaiting(&hookError))
            stop();
        m_wake = false;
        if (m_stopping) { // no more arrivals; those waiting (retries too) are not sent
            m_count = m_arrived;
            while (!m_waiting.empty()) {
                drop(m_waiting.front(), m_controller.elapsedMs(), QStringLiteral("dropped: the stream stopped"));
                m_waiting.pop_front();
            }
        }
        if (m_closing) // no more arrivals; those waiting are still sent
            m_count = m_arrived;
        publishDepths();
        if (m_emitted >= m_count)
            break;
        const bool clocked = m_stream.openLoop() && m_arrived < m_count && !m_stopping && !m_closing;
        const double untilMs = clocked ? nextArrivalMs() : m_controller.elapsedMs() + 1000;
        BlockingClient::waitUntil(
            [&] { return !m_ended.empty() || m_wake || (clocked && m_controller.elapsedMs() >= untilMs); },
            std::max(0, int(untilMs - m_controller.elapsedMs()) + 1));
    }
    disconnect(done);
    disconnect(failed);
    disconnect(reported);
    if (!hookError.isEmpty()) {
        *error = hookError;
        return false;
    }
    return true;
}

void StreamDriver::arrive(double now)
{
    if (m_stopping || m_closing)
        return;
    if (!m_stream.openLoop()) { // closed: a new request whenever the bound leaves room
        while (m_arrived < m_count && int(m_flights.size() + m_waiting.size()) < m_stream.inFlight)
            m_waiting.push_back({m_arrived++, now, 1, {}});
        return;
    }
    while (m_arrived < m_count && nextArrivalMs() <= now) {
        m_waiting.push_back({m_arrived, nextArrivalMs(), 1, {}});
        ++m_arrived;
        enforceQueue(now);
    }
}

void StreamDriver::enforceQueue(double now)
{
    // Requests that can be sent now do not wait: only what stays beyond the in-flight bound counts against the queue.
    const int room = std::max(0, m_stream.inFlight - int(m_flights.size()));
    while (int(m_waiting.size()) - room > m_stream.queue) {
        const bool oldest = m_stream.drop == ExperimentStream::Drop::Oldest;
        const QString why = QStringLiteral("dropped: the device's queue of %1 was full (drop %2)")
                                .arg(m_stream.queue)
                                .arg(ExperimentStream::dropNames().value(int(m_stream.drop)));
        drop(oldest ? m_waiting.front() : m_waiting.back(), now, why);
        if (oldest)
            m_waiting.pop_front();
        else
            m_waiting.pop_back();
    }
}

void StreamDriver::drop(const Waiting &w, double now, const QString &why)
{
    RequestRecord r;
    r.planner = m_controller.current().planner;
    r.dropped = true;
    r.failure = why;
    r.arrivalMs = w.arrivalMs;
    r.startMs = now; // when it was dropped: it waited startMs - arrivalMs
    r.attempts = w.attempt;
    r.actions = w.actions;
    finish(w.seq, r);
}

bool StreamDriver::sendWaiting(QString *error)
{
    while (!m_waiting.empty() && int(m_flights.size()) < m_stream.inFlight) {
        if (m_waiting.front().seq >= m_prepared) { // its first attempt: what is due before it happens first
            m_prepared = m_waiting.front().seq + 1;
            if (beforeSend && !beforeSend(m_waiting.front().seq, error))
                return false;
            m_waiting.front().actions = m_controller.takeActions();
            continue; // what it changed (a lower bound) holds for this request too
        }
        QString failure;
        const auto d = m_controller.prepareRequest(&failure); // may re-plan, serving the event loop
        const double now = m_controller.elapsedMs();
        if (!d) {
            const Waiting w = m_waiting.front();
            m_waiting.pop_front();
            RequestRecord r = m_controller.failedRequest(0, nullptr, now, w.attempt, failure);
            r.arrivalMs = w.arrivalMs;
            r.actions = w.actions;
            finish(w.seq, r);
            continue;
        }
        // A new plan waits until the requests on the one before have finished: none is overtaken.
        if (!m_flights.empty() && m_flights.begin()->second.deployment->planId() != d->planId())
            break;
        const Waiting w = m_waiting.front();
        m_waiting.pop_front();
        const quint64 id = m_controller.client().infer(d->planId(), m_controller.experiment().requests.inputSeed);
        m_flights[id] = Flight{w, d, now, int(m_flights.size()) + 1};
        m_depths.sent(id, d);
    }
    return true;
}

void StreamDriver::handleEnded()
{
    while (!m_ended.empty()) {
        const Ended e = m_ended.front();
        m_ended.pop_front();
        const auto it = m_flights.find(e.id);
        if (it == m_flights.end())
            continue;
        const Flight f = it->second;
        m_flights.erase(it);
        m_depths.ended(e.id);
        RequestRecord r;
        if (e.result) {
            r = m_controller.finishRequest(*e.result, *f.deployment, f.startMs, f.request.attempt); // may re-plan
        } else if (m_controller.retryAfterFailover(e.id, f.deployment.get(), f.request.attempt, e.failure)) {
            Waiting again = f.request;
            again.attempt = f.request.attempt + 1;
            const auto at = std::find_if(m_waiting.begin(), m_waiting.end(),
                                         [&](const Waiting &w) { return w.seq > again.seq; });
            m_waiting.insert(at, again); // at its place in arrival order
            continue;
        } else {
            r = m_controller.failedRequest(e.id, f.deployment.get(), f.startMs, f.request.attempt, e.failure);
        }
        r.arrivalMs = f.request.arrivalMs;
        r.inFlight = f.inFlight;
        r.actions = f.request.actions;
        finish(f.request.seq, r);
    }
}

void StreamDriver::finish(int seq, RequestRecord record)
{
    m_done.emplace(seq, std::move(record));
    for (auto it = m_done.begin(); it != m_done.end() && it->first == m_emitted; it = m_done.erase(it)) {
        ++m_emitted;
        Q_EMIT recorded(it->second);
    }
}

void StreamDriver::publishDepths()
{
    m_depths.setWaiting(int(m_waiting.size()));
    Q_EMIT depthsChanged(m_depths.counts());
}

} // namespace d3::core
