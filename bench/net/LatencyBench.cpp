#include "LatencyBench.h"

#include "BenchLog.h"
#include "LoopbackPeers.h"
#include "Samples.h"
#include "protocol/MessageType.h"
#include "util/EventWait.h"

#include <QElapsedTimer>

namespace d3::bench {
namespace {

constexpr qint64 kSmallPayload = 100;
constexpr qint64 kIdleNs = 5000000; // between frames

} // namespace

QVector<LatencyPoint> LatencyBench::grid(const QVector<double> &rates, const QVector<double> &delays)
{
    QVector<LatencyPoint> points;
    QVector<double> all{0};
    all += rates;
    core::Frame frame;
    frame.type = quint16(core::MessageType::RangeResult);
    frame.payload = QByteArray(kSmallPayload, 's');
    for (double rate : all) {
        for (double delay : delays) {
            LatencyPoint p;
            p.rateMbps = rate;
            p.delayMs = delay;
            p.frameWire = frame.encode().size();
            points.append(p);
        }
    }
    return points;
}

bool LatencyBench::run(QVector<LatencyPoint> *points, qint64 burstBytes, int samples, QString *error)
{
    core::Frame frame;
    frame.type = quint16(core::MessageType::RangeResult);
    frame.payload = QByteArray(kSmallPayload, 's');
    for (LatencyPoint &p : *points) {
        const auto peers = LoopbackPeers::open(error);
        if (!peers)
            return false;
        peers->sender().setShaping(p.rateMbps, burstBytes, p.delayMs);
        QElapsedTimer clock;
        qint64 arrivalNs = -1;
        QObject::connect(&peers->receiver(), &core::PeerConnection::frameReceived, &peers->receiver(),
                         [&](const core::Frame &) { arrivalNs = clock.nsecsElapsed(); });
        for (int i = 0; i < samples; ++i) {
            // An idle link: the shaper has paid for the previous frame (which may leave half a millisecond early).
            QElapsedTimer idle;
            idle.start();
            core::EventWait::until([&] { return idle.nsecsElapsed() >= kIdleNs; }, 1000);
            arrivalNs = -1;
            clock.start();
            peers->sender().send(frame);
            if (!core::EventWait::until([&] { return arrivalNs >= 0; }, int(p.delayMs) + 5000)) {
                *error = QStringLiteral("latency %1 Mbit/s, %2 ms: a small frame did not arrive")
                             .arg(p.rateMbps)
                             .arg(p.delayMs);
                return false;
            }
            p.samples.append(arrivalNs / 1e6);
        }
        qCInfo(lcBench, "latency %g Mbit/s, %g ms: median %.3f ms", p.rateMbps, p.delayMs, Samples::median(p.samples));
    }
    return true;
}

} // namespace d3::bench
