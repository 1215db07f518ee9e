#pragma once

#include "Controller.h"
#include "StageDepths.h"
#include "experiment/ExperimentStream.h"
#include "record/RequestRecord.h"

#include <QObject>

#include <deque>
#include <functional>
#include <map>

namespace d3::core {

/// Sends a phase's requests as a pipelined stream (docs/ARCHITECTURE.md, Streams): arrivals open loop on the
/// stream's clock (fixed or Poisson) or closed loop (one as soon as one ends), at most inFlight in the cluster at
/// once, the others waiting at the device in a queue of at most `queue`, an arrival at a full queue dropping one by
/// the stream's policy (recorded: dropped, never silently). Every worker then computes different requests' stages
/// and tiles at once, each in its order. A new plan (re-partitioned, failed over, forced) takes effect between
/// requests: the requests on the old plan finish first, so none is lost or overtaken. A worker lost mid-stream fails
/// the requests whose plan routes through it; each is retried once, in order, on a plan over the survivors, or
/// recorded as failed. Records come out in arrival order. Blocks, serving the event loop; the Controller must be
/// started, loaded and planned.
class StreamDriver : public QObject
{
    Q_OBJECT
public:
    /// A driver of count requests (the device making the synthetic input of inputSeed) on controller.
    StreamDriver(Controller &controller, ExperimentStream stream, int count, QObject *parent = nullptr);

    /// Called before request k (from 0, in arrival order) is first sent: fire the timeline's events due, run the
    /// operator's commands; false with one line stops the stream (what was sent finishes).
    std::function<bool(int k, QString *error)> beforeSend;

    /// Runs the stream to its end: every request completed, failed or dropped. False with one line when beforeSend
    /// stopped it.
    bool run(QString *error);
    /// Ends the stream early: no more arrivals; those waiting are recorded as dropped ("stream stopped") and those
    /// in flight finish.
    void stop() { m_stopping = m_wake = true; }
    /// Ends the stream at the requests that have arrived (the console's Pause): no more arrivals; those waiting are
    /// sent and, with those in flight, finish and are recorded; none is dropped for it. arrived() says how many the
    /// stream then had.
    void closeArrivals() { m_closing = m_wake = true; }
    /// Requests that have arrived so far (at the end of run(): those recorded).
    int arrived() const { return m_arrived; }
    /// Changes the stream (rate, arrivals, bound, queue, policy) from the next arrival on; the stream's clock
    /// restarts at the next arrival.
    void setStream(const ExperimentStream &stream);
    /// The stream in effect.
    const ExperimentStream &stream() const { return m_stream; }
    /// Requests in the cluster now.
    int inFlight() const { return int(m_flights.size()); }
    /// Where the requests are now.
    StageDepths::Counts depths() const { return m_depths.counts(); }

Q_SIGNALS:
    /// A request's record, in arrival order (completed, failed or dropped).
    void recorded(const d3::core::RequestRecord &record);
    /// Where the requests are, after every change.
    void depthsChanged(const d3::core::StageDepths::Counts &counts);

private:
    struct Waiting {
        int seq = 0;
        double arrivalMs = 0;
        int attempt = 1;
        QString actions;
    };
    struct Flight {
        Waiting request;
        std::shared_ptr<const Deployment> deployment;
        double startMs = 0;
        int inFlight = 0;
    };
    struct Ended {
        quint64 id = 0;
        std::optional<RequestResult> result;
        QString failure;
    };

    void arrive(double now);
    bool sendWaiting(QString *error);
    void enforceQueue(double now);
    void drop(const Waiting &w, double now, const QString &why);
    void handleEnded();
    void finish(int seq, RequestRecord record);
    double nextArrivalMs() const;
    void publishDepths();

    Controller &m_controller;
    ExperimentStream m_stream;
    int m_count = 0;
    QVector<double> m_schedule;  // arrival offsets of the requests from m_scheduleFrom on
    int m_scheduleFrom = 0;      // the first request m_schedule times
    double m_clockMs = 0;        // when the stream's clock started, ms on the controller's clock
    int m_arrived = 0;           // requests arrived so far
    std::deque<Waiting> m_waiting;         // in arrival order (retries at their place)
    std::map<quint64, Flight> m_flights;   // by request id
    std::deque<Ended> m_ended;             // ended on the wire, not yet handled
    std::map<int, RequestRecord> m_done;   // finished, waiting for earlier ones
    int m_emitted = 0;                     // records given out, in arrival order
    int m_prepared = 0;                    // requests for which beforeSend ran
    bool m_stopping = false;
    bool m_closing = false; // closeArrivals(): no more arrivals, nothing dropped for it
    bool m_wake = false;    // stop() or closeArrivals() since the loop last looked
    StageDepths m_depths;
};

} // namespace d3::core
