#pragma once

#include <QString>

#include <array>

namespace d3::core {

/// One request of a run as recorded (a row of requests.csv): when, on which plan, how long each stage and link
/// took and how many bytes crossed each link, as the workers reported them. Times in ms, bytes as sent.
struct RequestRecord {
    int phase = 0;              ///< index of the experiment phase (model x planner x tiles)
    quint64 id = 0;             ///< request id
    quint64 planId = 0;         ///< the plan it ran on
    QString planner;            ///< the planner that made that plan ("manual" for a forced one)
    QString plan;               ///< the plan in brief ("p=7 q=14 tiles 2x2 of [7, 12) on 3 node(s)")
    bool probe = false;         ///< an oracle probe (measures the oracle's plan; not part of the run's figures)
    bool completed = false;     ///< false: failed (see failure)
    QString failure;            ///< why it failed (empty when completed)
    double startMs = 0;         ///< when it was sent, ms since the run started
    double endToEndMs = 0;      ///< from sending the input to receiving the output (0 when failed)
    double predictedMs = 0;     ///< the cost model's prediction for its plan when it was sent
    double deviceMs = 0;        ///< device compute
    double tilesMs = 0;         ///< tile phase: slowest tile node's computations
    double edgeMs = 0;          ///< untiled edge compute
    double cloudMs = 0;         ///< cloud compute
    double uplinkMs = 0;        ///< device -> edge transfers (inputs, tile inputs), the longest when parallel
    double edgeEdgeMs = 0;      ///< edge -> edge transfers (tile outputs), the longest
    double backboneMs = 0;      ///< edge <-> cloud transfers, summed
    double returnMs = 0;        ///< edge -> device transfer of the result
    qint64 uplinkBytes = 0;     ///< bytes device -> edge
    qint64 edgeEdgeBytes = 0;   ///< bytes edge -> edge
    qint64 backboneBytes = 0;   ///< bytes edge <-> cloud (both ways)
    qint64 returnBytes = 0;     ///< bytes edge -> device
    int attempts = 1;           ///< times it was sent: 2 when it was retried after a worker was lost
    QString actions;            ///< what the operator or the experiment's timeline changed just before it was sent,
                                ///< '; '-joined ("operator: edge<->cloud 5 Mbit/s, 20 ms"); "" when nothing
    double criticalPathMs = 0;  ///< the critical path of its reports (CriticalPath): end to end less this is the
                                ///< orchestration overhead (0 when failed, or recorded before the column)
    // A stream's figures (docs/EXPERIMENTS.md, Streams); for requests sent one at a time arrival is the start, and
    // the queues are what the workers measured (the request waiting behind others' computations and frames).
    double arrivalMs = 0;       ///< when it arrived (offered), ms since the run started; startMs - arrivalMs is
                                ///< the time it waited at the device before it was sent
    bool dropped = false;       ///< dropped by the stream's policy (a full queue), never sent or never finished;
                                ///< failure says which policy and why
    int inFlight = 0;           ///< requests in the cluster when it was sent, itself included (0: not recorded)
    double predictedRps = 0;    ///< the cost model's throughput for its plan when it was sent: requests per second
                                ///< its bottleneck serves (0: not recorded)
    double deviceQueueMs = 0;   ///< waiting on the device's compute thread behind other requests' work
    double tilesQueueMs = 0;    ///< waiting on the tile nodes' compute threads, the longest
    double edgeQueueMs = 0;     ///< waiting on the stitching edge node's compute thread
    double cloudQueueMs = 0;    ///< waiting on the cloud's compute thread

    /// Waiting at the device before it was sent.
    double admissionMs() const { return startMs - arrivalMs; }
    /// From its arrival to its output (0 when it did not complete): what a stream's latency figures use.
    double latencyMs() const { return completed ? admissionMs() + endToEndMs : 0; }

    /// The links of a request's record, in column order.
    enum Link { Uplink, EdgeEdge, Backbone, Return, Links };
    /// What a link's wire codecs did for the request.
    struct LinkCodec {
        QString codec;          ///< the codecs used on it, '+'-joined ("zero", "shuffle-zstd+none"); "" with no transfer
        qint64 rawBytes = 0;    ///< the tensors' bytes before the codec (the link's bytes are after it)
        double encodeMs = 0;    ///< encoding on the senders (part of the link's ms)
        double decodeMs = 0;    ///< decoding on the receivers (part of the link's ms)
    };
    std::array<LinkCodec, Links> codecs{}; ///< per link
    std::array<double, Links> linkQueueMs{}; ///< per link: the longest wait of its frames behind earlier ones, or of
                                             ///< their decoding on the receiver's compute thread
};

} // namespace d3::core
