#include "OverheadBench.h"

#include "BenchLog.h"
#include "InterleavedRounds.h"
#include "LoopbackPeers.h"
#include "RawTransfer.h"
#include "Samples.h"
#include "io/HostTensor.h"
#include "net/MessageType.h"
#include "net/TensorCodec.h"
#include "util/EventWait.h"

#include <QElapsedTimer>
#include <QMap>

#include <cstring>
#include <optional>

namespace d3::bench {
namespace {

constexpr int kTimeoutMs = 60000;

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
    for (OverheadPoint &p : *points) {
        const QMap<int, core::HostTensor> tensors{{1, makeTensor(p.shape)}};
        const core::HostTensor &tensor = tensors.first();
        const QByteArray rawBytes(reinterpret_cast<const char *>(tensor.values.data()), qsizetype(tensor.bytes()));
        const auto peers = LoopbackPeers::open(error);
        if (!peers)
            return false;
        const auto raw = RawTransfer::open(error);
        if (!raw)
            return false;

        std::optional<QMap<int, core::HostTensor>> decoded;
        QString decodeError;
        bool arrived = false;
        bool decode = true;
        qint64 arrivedPayload = 0;
        QObject::connect(&peers->receiver(), &core::PeerConnection::frameReceived, &peers->receiver(),
                         [&](const core::Frame &f) {
                             if (decode) {
                                 QElapsedTimer timer;
                                 timer.start();
                                 decoded = core::TensorCodec::decode(f, &decodeError);
                                 p.decodeMs.append(timer.nsecsElapsed() / 1e6);
                             }
                             arrivedPayload = f.payload.size();
                             arrived = true;
                         });
        quint64 requestId = 0;
        auto d3lab = [&] {
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
        auto plain = [&] { return raw->transfer(rawBytes, error); };
        core::Frame encoded;
        encoded.type = quint16(core::MessageType::RangeResult);
        core::TensorCodec::encode(tensors, &encoded);
        auto transport = [&] {
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

        // The frame's size and correctness once, outside the timing.
        core::Frame probe;
        core::TensorCodec::encode(tensors, &probe);
        p.frameBytes = core::Frame::kPreambleSize + probe.header.toCborValue().toCbor().size() + probe.payload.size();
        probe = core::Frame();
        if (!d3lab() || !plain())
            return false;
        const core::HostTensor &back = decoded->first();
        if (back.shape != tensor.shape || back.values != tensor.values || raw->received() != rawBytes) {
            *error = QStringLiteral("%1 bytes: what arrived differs from what was sent").arg(p.tensorBytes);
            return false;
        }
        decoded.reset();

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
