#include "OverheadBench.h"

#include "BenchLog.h"
#include "InterleavedRounds.h"
#include "LoopbackPeers.h"
#include "RawTransfer.h"
#include "ReceiverThread.h"
#include "Samples.h"
#include "io/HostTensor.h"
#include "protocol/MessageType.h"
#include "protocol/TensorCodec.h"
#include "util/EventWait.h"

#include <QElapsedTimer>
#include <QMap>

#include <atomic>
#include <cstring>
#include <memory>
#include <optional>
#include <vector>

namespace d3::bench {
namespace {

constexpr int kTimeoutMs = 60000;
/// Connections per variant and size, used in turn (see run()).
constexpr int kConnections = 5;

core::HostTensor makeTensor(const QVector<qint64> &shape)
{
    core::HostTensor t;
    t.shape = shape;
    t.values.resize(size_t(t.elements()));
    for (size_t i = 0; i < t.values.size(); ++i)
        t.values[i] = float(i % 1000) * 0.25f;
    return t;
}

} // namespace

QVector<OverheadPoint> OverheadBench::grid(const QVector<int> &sizesMiB)
{
    QVector<OverheadPoint> points;
    for (int mib : sizesMiB) {
        OverheadPoint p;
        p.shape = {1, 16 * qint64(mib), 128, 128};
        p.tensorBytes = qint64(mib) * 1024 * 1024;
        points.append(p);
    }
    return points;
}

bool OverheadBench::run(QVector<OverheadPoint> *points, const BenchOptions &options, QString *error)
{
    ReceiverThread receiverThread; // the receiving ends, as on another node
    for (OverheadPoint &p : *points) {
        const QMap<int, core::HostTensor> tensors{{1, makeTensor(p.shape)}};
        const core::HostTensor &tensor = tensors.first();
        const QByteArray rawBytes(reinterpret_cast<const char *>(tensor.values.data()), qsizetype(tensor.bytes()));
        // Each variant cycles through kConnections connections, a round on each in turn (d3lab and frame share
        // theirs, raw has its own): TCP's congestion control keeps state per connection (with BBR a congestion
        // window that differs from one connection to the next), and one connection per variant made a variant's
        // whole median depend on which state it drew.
        std::vector<std::unique_ptr<LoopbackPeers>> peerSet;
        std::vector<std::unique_ptr<RawTransfer>> rawSet;
        for (int c = 0; c < kConnections; ++c) {
            peerSet.push_back(LoopbackPeers::open(error, &receiverThread));
            rawSet.push_back(RawTransfer::open(error, &receiverThread));
            if (!peerSet.back() || !rawSet.back())
                return false;
        }
        int d3labRound = 0;
        int frameRound = 0;
        int rawRound = 0;
        LoopbackPeers *peers = peerSet.front().get();
        RawTransfer *raw = rawSet.front().get();

        // Written by the receiving thread before it sets `arrived`, read here after.
        std::optional<QMap<int, core::HostTensor>> decoded;
        QString decodeError;
        std::atomic<bool> arrived{false};
        std::atomic<bool> decode{true};
        qint64 arrivedPayload = 0;
        for (const auto &pair : peerSet)
            QObject::connect(&pair->receiver(), &core::PeerConnection::frameReceived, &pair->receiver(),
                             [&](const core::Frame &f) {
                                 if (decode) {
                                     QElapsedTimer timer;
                                     timer.start();
                                     decoded = core::TensorCodec::decode(f, &decodeError);
                                     p.decodeMs.append(timer.nsecsElapsed() / 1e6);
                                 }
                                 arrivedPayload = f.payload.size();
                                 arrived.store(true);
                                 ReceiverThread::wakeMainThread();
                             });
        quint64 requestId = 0;
        auto d3lab = [&] {
            peers = peerSet[size_t(d3labRound++ % kConnections)].get();
            arrived = false;
            decode = true;
            core::Frame frame;
            frame.type = quint16(core::MessageType::RangeResult);
            frame.requestId = ++requestId;
            QElapsedTimer timer;
            timer.start();
            core::TensorCodec::encode(tensors, &frame);
            p.encodeMs.append(timer.nsecsElapsed() / 1e6);
            peers->sender().send(frame);
            frame = core::Frame();
            if (!core::EventWait::until([&] { return arrived || !peers->sender().closeReason().isEmpty(); }, kTimeoutMs)
                || !arrived || !decoded || decoded->size() != 1) {
                *error = QStringLiteral("d3lab transfer of %1 bytes failed: %2%3")
                             .arg(p.tensorBytes).arg(peers->sender().closeReason(), decodeError);
                return false;
            }
            return true;
        };
        auto plain = [&] {
            raw = rawSet[size_t(rawRound++ % kConnections)].get();
            return raw->transfer(rawBytes, error);
        };
        core::Frame encoded;
        encoded.type = quint16(core::MessageType::RangeResult);
        core::TensorCodec::encode(tensors, &encoded);
        auto transport = [&] {
            peers = peerSet[size_t(frameRound++ % kConnections)].get();
            arrived = false;
            decode = false;
            encoded.requestId = ++requestId;
            peers->sender().send(encoded);
            if (!core::EventWait::until([&] { return arrived || !peers->sender().closeReason().isEmpty(); }, kTimeoutMs)
                || !arrived || arrivedPayload != encoded.payload.size()) {
                *error = QStringLiteral("transfer of a %1-byte frame failed: %2")
                             .arg(p.frameBytes).arg(peers->sender().closeReason());
                return false;
            }
            return true;
        };

        // The frame's size, and what arrives on every connection, outside the timing.
        core::Frame probe;
        core::TensorCodec::encode(tensors, &probe);
        p.frameBytes = core::Frame::kPreambleSize + probe.header.toCborValue().toCbor().size() + probe.payload.size();
        probe = core::Frame();
        for (int c = 0; c < kConnections; ++c) {
            if (!d3lab() || !plain() || !transport())
                return false;
            const core::HostTensor &back = decoded->first();
            if (back.shape != tensor.shape || back.values != tensor.values || raw->received() != rawBytes) {
                *error = QStringLiteral("%1 bytes: what arrived differs from what was sent").arg(p.tensorBytes);
                return false;
            }
            decoded.reset();
        }

        p.encodeMs.clear();
        p.decodeMs.clear();
        QVector<QVector<double>> samples;
        const bool ok = InterleavedRounds::run({[&] { const bool r = d3lab(); decoded.reset(); return r; }, transport,
                                                plain},
                                               options, &samples);
        if (!ok)
            return false;
        p.encodeMs.remove(0, options.warmup);
        p.decodeMs.remove(0, options.warmup);
        p.d3labMs = samples.at(0);
        p.frameMs = samples.at(1);
        p.rawMs = samples.at(2);
        qCInfo(lcBench, "overhead %lld MiB: d3lab %.2f ms, frame %.2f ms, raw %.2f ms (medians)", p.tensorBytes >> 20,
               Samples::median(p.d3labMs), Samples::median(p.frameMs), Samples::median(p.rawMs));
    }
    return true;
}

} // namespace d3::bench
