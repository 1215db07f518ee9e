#include "ShapingBench.h"

#include "BenchLog.h"
#include "LoopbackPeers.h"
#include "Samples.h"
#include "protocol/MessageType.h"
#include "util/EventWait.h"

#include <QElapsedTimer>
#include <QTimer>

#include <algorithm>
#include <cmath>
#include <functional>

namespace d3::bench {
namespace {

constexpr qint64 kMiB = 1024 * 1024;
constexpr qint64 kWindowBytes = 64 * kMiB;
constexpr qint64 kUnshapedBytes = 1024 * kMiB;

} // namespace

core::Frame ShapingBench::streamFrame(qint64 payloadBytes)
{
    core::Frame f;
    f.type = quint16(core::MessageType::RangeResult);
    f.payload = QByteArray(payloadBytes, 'x');
    return f;
}

double ShapingPoint::median(double ShapingRun::*field) const
{
    QVector<double> values;
    for (const ShapingRun &r : runs)
        values.append(r.*field);
    return Samples::median(values);
}

QVector<ShapingPoint> ShapingBench::grid(const QVector<double> &rates, const QVector<double> &delays, double seconds,
                                         bool withUnshaped)
{
    QVector<ShapingPoint> points;
    for (double rate : rates) {
        for (double delay : delays) {
            ShapingPoint p;
            p.rateMbps = rate;
            p.delayMs = delay;
            const qint64 total = qint64(rate * 1e6 / 8 * seconds);
            p.framePayload = std::clamp<qint64>(total / 16 / 1024 * 1024, 16 * 1024, kMiB);
            p.frames = std::max<qint64>(2, (total + p.framePayload / 2) / p.framePayload);
            points.append(p);
        }
    }
    if (withUnshaped) {
        ShapingPoint p;
        p.framePayload = kMiB;
        p.frames = kUnshapedBytes / kMiB;
        points.append(p);
    }
    for (ShapingPoint &p : points)
        p.frameWire = streamFrame(p.framePayload).encode().size();
    return points;
}

bool ShapingBench::run(QVector<ShapingPoint> *points, qint64 burstBytes, int repeats, QString *error)
{
    for (int round = 0; round < repeats; ++round) {
        for (ShapingPoint &p : *points) {
            ShapingRun r;
            if (!runOnce(p, burstBytes, &r, error))
                return false;
            qCInfo(lcBench, "shaping %s Mbit/s, %g ms, round %d/%d: %.1f ms, measured %.2f Mbit/s",
                   p.rateMbps > 0 ? qPrintable(QString::number(p.rateMbps)) : "unshaped", p.delayMs, round + 1, repeats,
                   r.elapsedMs, r.measuredMbps);
            p.runs.append(r);
        }
    }
    return true;
}

bool ShapingBench::runOnce(const ShapingPoint &point, qint64 burstBytes, ShapingRun *out, QString *error)
{
    const auto peers = LoopbackPeers::open(error);
    if (!peers)
        return false;
    core::PeerConnection &sender = peers->sender();
    sender.setShaping(point.rateMbps, burstBytes, point.delayMs);

    const core::Frame frame = streamFrame(point.framePayload);
    QElapsedTimer clock;
    qint64 sent = 0;
    qint64 received = 0;
    qint64 firstArrivalNs = -1;
    qint64 lastArrivalNs = -1;
    // One frame per pass of the event loop, so that the pump runs between sends: filling the window in one go
    // would hold the first frame back for as long as sending all of them takes.
    bool sendQueued = false;
    std::function<void()> sendOne;
    auto sendLater = [&] {
        if (!sendQueued && sent < point.frames && (sent - received) * point.framePayload < kWindowBytes) {
            sendQueued = true;
            QTimer::singleShot(0, &peers->receiver(), sendOne);
        }
    };
    sendOne = [&] {
        sendQueued = false;
        if (sent < point.frames && (sent - received) * point.framePayload < kWindowBytes) {
            sender.send(frame);
            ++sent;
        }
        sendLater();
    };
    QObject::connect(&peers->receiver(), &core::PeerConnection::frameReceived, &peers->receiver(),
                     [&](const core::Frame &f) {
                         lastArrivalNs = clock.nsecsElapsed();
                         if (firstArrivalNs < 0)
                             firstArrivalNs = lastArrivalNs;
                         if (f.payload.size() == point.framePayload)
                             ++received;
                         sendLater();
                     });
    clock.start();
    sendOne();
    const double expectedS = point.rateMbps > 0 ? point.payloadBytes() * 8 / (point.rateMbps * 1e6) : 10;
    const int timeoutMs = int(std::min(600.0, 10 + 3 * expectedS)) * 1000;
    if (!core::EventWait::until([&] { return received == point.frames || !sender.closeReason().isEmpty(); }, timeoutMs)
        || received != point.frames) {
        *error = QStringLiteral("shaping %1 Mbit/s, %2 ms: %3 of %4 frames arrived (%5)")
                     .arg(point.rateMbps).arg(point.delayMs).arg(received).arg(point.frames).arg(sender.closeReason());
        return false;
    }
    const double bits = double(point.payloadBytes()) * 8;
    out->elapsedMs = lastArrivalNs / 1e6;
    out->measuredMbps = bits / ((out->elapsedMs - point.delayMs) * 1e3);
    out->senderMbps = sender.sendStats().measuredMbps();
    out->receiverMbps = lastArrivalNs > firstArrivalNs
        ? (bits - double(point.framePayload) * 8) / ((lastArrivalNs - firstArrivalNs) / 1e3) : 0;
    return true;
}

} // namespace d3::bench
