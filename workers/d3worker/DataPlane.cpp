#include "DataPlane.h"

#include "ComputeQueue.h"
#include "WorkerLog.h"
#include "net/CborInteger.h"
#include "protocol/Message.h"
#include "protocol/RequestMessages.h"
#include "protocol/MessageType.h"
#include "net/PeerConnection.h"
#include "protocol/TensorCodec.h"
#include "io/SyntheticInput.h"
#include "tiling/RegionCopy.h"

#include <QElapsedTimer>
#include <QTimer>

#include <limits>

namespace d3::worker {
namespace {

constexpr int kMaxStitches = 32;       // unfinished tiled requests kept at once (a stream's in-flight bound)
constexpr int kMaxQueuedJobs = 1024;   // computations waiting on the compute thread: 32 requests of 16 tiles, twice
constexpr int kDialAttempts = 3;       // extra dials of a next hop a Deploy waits for

} // namespace

DataPlane::DataPlane(QString name, QByteArray token, ComputeQueue *compute, QObject *parent)
    : QObject(parent)
    , m_name(std::move(name))
    , m_compute(compute)
    , m_peers(std::move(token), m_name)
{
    m_clock.start();
    m_peers.setHeartbeat(250, 3000);
    connect(&m_peers, &core::OutboundPeers::peerReady, this, [this](const QString &name) {
        const QHostAddress address = peerAddress(name);
        if (!address.isNull())
            Q_EMIT peerConnected(name, address);
    });
    connect(&m_peers, &core::OutboundPeers::peerReady, this, &DataPlane::checkPendingDeploys);
    connect(&m_peers, &core::OutboundPeers::frameSent, this,
            [this](const QString &to, quint64 id, quint16 type, qint64 bytes, double ms) {
                QList<Sending> &queue = m_sending[to];
                if (type != quint16(core::MessageType::Data) || queue.isEmpty())
                    return;
                const Sending s = queue.takeFirst();
                // Frames to one hop leave one after another: this one waited while the one before it was still
                // being written after it was handed over.
                const qint64 now = m_clock.nsecsElapsed();
                const qint64 previous = m_lastSentNs.value(to, 0);
                m_lastSentNs.insert(to, now);
                core::HopReport r;
                r.queuedMs = std::max<qint64>(0, previous - s.handedNs) / 1e6;
                r.kind = core::HopReport::Kind::Transfer;
                r.node = m_name;
                r.data = s.kind;
                r.a = s.at;
                r.tile = s.tile;
                r.ms = s.encodeMs + ms;
                r.encodeMs = s.encodeMs;
                r.to = to;
                r.bytes = bytes;
                r.rawBytes = s.rawBytes;
                r.codec = s.codec;
                Q_EMIT report(id, r);
            });
    connect(&m_peers, &core::OutboundPeers::peerLost, this,
            [this](const QString &name, const QString &reason, const QList<quint64> &ids) {
                const QString why = QStringLiteral("%1: link to '%2' lost: %3").arg(m_name, name, reason);
                for (quint64 id : ids)
                    fail(id, why);
                m_sending.remove(name);
                m_lastSentNs.remove(name);
                // A next hop not yet reached is dialled again a few times: a handshake can be cut short by a flood
                // of connections at that worker (PeerListener closes the oldest handshake) without the worker
                // being gone.
                bool retried = false;
                for (auto it = m_pendingDeploys.begin(); it != m_pendingDeploys.end();) {
                    if (!it.value().contains(name)) {
                        ++it;
                    } else if (m_dialAttempts.value(name) < kDialAttempts) {
                        retried = true;
                        ++it;
                    } else {
                        Q_EMIT deployFailed(it.key(), why);
                        it = m_pendingDeploys.erase(it);
                    }
                }
                if (retried) {
                    m_dialAttempts[name] += 1;
                    QTimer::singleShot(100, this, [this, name] { m_peers.open(name); });
                }
            });
}

DataPlane::~DataPlane() = default;

void DataPlane::setEngine(std::shared_ptr<const engine::Engine> engine)
{
    m_engine = std::move(engine);
    m_deployments.clear();
    m_stitches.clear();
}

void DataPlane::deploy(const QCborMap &header)
{
    const quint64 planId = quint64(core::cborIntegerIn(header.value(QStringLiteral("plan_id")), 0,
                                                       std::numeric_limits<qint64>::max()).value_or(0));
    if (!m_engine)
        return Q_EMIT deployFailed(planId, QStringLiteral("no model loaded"));
    QString why;
    auto d = core::Deployment::fromCbor(m_engine->graph(), header, &why);
    if (!d)
        return Q_EMIT deployFailed(planId, why);
    const QStringList participants = d->participants();
    if (!participants.contains(m_name) && m_name != d->device())
        qCInfo(lcWorker) << m_name << "takes no part in plan" << planId;
    auto shared = std::make_shared<const core::Deployment>(std::move(*d));
    m_deployments[planId] = shared;
    while (m_deployments.size() > size_t(core::Deployment::kKept))
        m_deployments.erase(m_deployments.begin());
    QStringList waiting;
    for (const QString &hop : shared->nextHops(m_name)) {
        m_peers.setAddress(hop, shared->address(hop));
        m_peers.open(hop);
        if (!m_peers.connection(hop))
            waiting.append(hop);
    }
    qCInfo(lcWorker) << m_name << "plan" << planId << shared->plan().describe() << "next hops"
                     << shared->nextHops(m_name);
    if (waiting.isEmpty())
        return Q_EMIT deployReady(planId);
    m_pendingDeploys.insert(planId, waiting);
}

void DataPlane::checkPendingDeploys()
{
    const QStringList ready = m_peers.connected();
    for (const QString &hop : ready)
        m_dialAttempts.remove(hop);
    for (auto it = m_pendingDeploys.begin(); it != m_pendingDeploys.end();) {
        it.value().removeIf([&](const QString &hop) { return ready.contains(hop); });
        if (it.value().isEmpty()) {
            const quint64 planId = it.key();
            it = m_pendingDeploys.erase(it);
            Q_EMIT deployReady(planId);
        } else {
            ++it;
        }
    }
}

DataPlane::DeploymentPtr DataPlane::deployment(quint64 planId, quint64 id)
{
    const auto it = m_deployments.find(planId);
    if (it != m_deployments.end())
        return it->second;
    fail(id, QStringLiteral("%1: unknown plan %2 (deploy it first)").arg(m_name).arg(planId));
    return nullptr;
}

void DataPlane::infer(const core::Frame &frame)
{
    const quint64 id = frame.requestId;
    QString error;
    const auto message = core::messageOf<core::InferMessage>(frame, &error);
    if (!message)
        return fail(id, QStringLiteral("%1: %2").arg(m_name, error));
    const DeploymentPtr d = deployment(message->planId, id);
    if (!d)
        return;
    if (d->device() != m_name)
        return fail(id, QStringLiteral("%1: Infer goes to the plan's device '%2'").arg(m_name, d->device()));
    const core::TensorShape &shape = m_engine->graph().inputShape();
    if (frame.payload.isEmpty() && message->inputSeed) { // this device's own camera
        const quint64 seed = *message->inputSeed;
        // The image of a seed is always the same: made once (about 1 ms for 416 x 416) and shared by the requests
        // that ask for it again (the stages only read it).
        if (!m_camera || m_camera->seed != seed || m_camera->image.shape != shape.dims)
            m_camera = CameraImage{seed, core::SyntheticInput::make(shape, seed)};
        return forward(d, id, 0, {{0, m_camera->image}});
    }
    auto tensors = core::TensorCodec::decode(frame, &error);
    if (!tensors)
        return fail(id, error);
    if (tensors->size() != 1 || !tensors->contains(0) || tensors->value(0).shape != shape.dims)
        return fail(id, QStringLiteral("%1: Infer needs exactly the input (tensor 0) of the model's input shape").arg(m_name));
    forward(d, id, 0, std::move(*tensors));
}

void DataPlane::receive(const QString &from, const core::Frame &frame, const Refuse &refuse)
{
    const quint64 id = frame.requestId;
    QString error;
    const auto message = core::messageOf<core::DataMessage>(frame, &error);
    if (!message)
        return fail(id, QStringLiteral("%1: Data from %2: %3").arg(m_name, from, error));
    const DeploymentPtr d = deployment(message->planId, id);
    if (!d) // a worker started again since the plan was deployed: its sender learns it now, not at a timeout
        return refuse(QStringLiteral("%1 does not know plan %2").arg(m_name).arg(message->planId));
    const core::DataKind kind = message->kind;
    const QString to = message->to.isEmpty() ? m_name : message->to;
    const int at = int(std::min<qint64>(message->at, std::numeric_limits<int>::max()));
    const int tile = int(std::min<qint64>(message->tile, std::numeric_limits<int>::max()));
    const core::WireCodec codec = d->codecOf(from, m_name);
    if (to != m_name) { // between device and cloud, through this edge node
        if (d->relay() != m_name || d->firstHop(from, to) != m_name)
            return fail(id, QStringLiteral("%1: not the relay from %2 to '%3' in plan %4").arg(m_name, from, to).arg(d->planId()));
        if (d->codecOf(m_name, to) == codec) // passed on as it came
            return send(d, id, to, kind, at, tile, frame, {0, core::TensorCodec::rawBytes(frame), codec});
        return decodeThen(d, id, from, kind, at, tile, frame, refuse,
                          [this, d, id, to, kind, at, tile](engine::TensorMap tensors) {
            sendData(d, id, to, kind, at, tile, tensors);
        });
    }
    decodeThen(d, id, from, kind, at, tile, frame, refuse, [this, d, id, from, kind, at, tile](engine::TensorMap tensors) {
        dispatch(d, id, from, kind, at, tile, std::move(tensors));
    });
}

void DataPlane::decodeThen(const DeploymentPtr &d, quint64 id, const QString &from, core::DataKind kind, int at,
                           int tile, const core::Frame &frame, const Refuse &refuse,
                           std::function<void(engine::TensorMap)> then)
{
    // A compressed tensor may claim at most the elements of the model's tensor of its id (a tile's crop is smaller):
    // checked before anything is allocated for it.
    const std::shared_ptr<const engine::Engine> engine = m_engine;
    const core::TensorCodec::ElementLimit limit = [engine](int t) -> qint64 {
        return t >= 0 && t <= engine->graph().layerCount() ? engine->graph().tensorShape(t).elements() : 0;
    };
    auto refused = [this, id, from, refuse](const QString &why) {
        const QString line = QStringLiteral("%1: Data from %2: %3").arg(m_name, from, why);
        qCWarning(lcWorker).noquote() << line << "(connection closed)";
        if (refuse)
            refuse(line);
        fail(id, line);
    };
    const core::WireCodec codec = d->codecOf(from, m_name);
    if (codec == core::WireCodec::None) {
        QString error;
        auto tensors = core::TensorCodec::decode(frame, &error, limit);
        if (!tensors)
            return refused(error);
        return then(std::move(*tensors));
    }
    // Decoding is the receiver's work: on its compute queue, padded by its slowdown like a layer, and reported.
    auto out = std::make_shared<std::optional<engine::TensorMap>>();
    auto error = std::make_shared<QString>();
    core::HopReport r;
    r.kind = core::HopReport::Kind::Decode;
    r.node = m_name;
    r.from = from;
    r.data = kind;
    r.a = at;
    r.tile = tile;
    r.codec = codec;
    m_compute->run([frame, out, error, limit] {
        *out = core::TensorCodec::decode(frame, error.get(), limit);
    }, this, [this, id, r, out, error, refused, then = std::move(then)](double ms, double, double queuedMs) mutable {
        r.ms = ms;
        r.queuedMs = queuedMs;
        Q_EMIT report(id, r);
        if (!*out)
            return refused(*error);
        then(std::move(**out));
    });
}

void DataPlane::dispatch(const DeploymentPtr &d, quint64 id, const QString &from, core::DataKind kind, int at,
                         int tile, engine::TensorMap tensors)
{
    const core::Deployment::Stage *stage = at <= d->layerCount() ? d->stageAt(at) : nullptr;
    const core::TileGeometry *g = d->geometry();
    const bool tileOk = g && tile >= 0 && tile < g->tiles().size();
    if (kind == core::DataKind::Cut && stage && stage->kind != core::StageKind::Tiles && stage->node == m_name)
        return runStage(d, id, *stage, std::move(tensors));
    if (kind == core::DataKind::TileIn && stage && stage->kind == core::StageKind::Tiles && tileOk
        && d->tileNode(tile) == m_name)
        return runTile(d, id, tile, std::move(tensors));
    if (kind == core::DataKind::TileOut && tileOk && at == g->stack().end && d->stitcher() == m_name) {
        const core::Tile &t = g->tiles()[tile];
        const QVector<qint64> expected{m_engine->graph().tensorShape(g->stack().output).dims.value(0), t.out.height(),
                                       t.out.width()};
        if (tensors.size() != 1 || tensors.value(g->stack().output).shape != expected)
            return fail(id, QStringLiteral("%1: tile %2 from %3 has the wrong shape").arg(m_name).arg(tile).arg(from));
        return paste(d, id, tile, tensors.value(g->stack().output));
    }
    if (kind == core::DataKind::Result && at == d->layerCount() && d->device() == m_name)
        return Q_EMIT done(id, d->planId(), tensors);
    fail(id, QStringLiteral("%1: unexpected Data '%2' at %3 (tile %4) from %5 for plan %6")
                 .arg(m_name, core::dataKindName(kind)).arg(at).arg(tile).arg(from).arg(d->planId()));
}

void DataPlane::forward(const DeploymentPtr &d, quint64 id, int at, engine::TensorMap tensors)
{
    const core::Deployment::Stage *next = d->stageAt(at);
    if (!next) {
        if (d->device() == m_name)
            return Q_EMIT done(id, d->planId(), tensors);
        return sendData(d, id, d->device(), core::DataKind::Result, at, -1, tensors);
    }
    if (next->kind == core::StageKind::Tiles) {
        const core::TileGeometry &g = *d->geometry();
        for (int t = 0; t < g.tiles().size(); ++t) {
            engine::TensorMap crops;
            for (int in : g.stack().inputs) {
                if (!tensors.contains(in))
                    return fail(id, QStringLiteral("%1: tensor %2 missing at cut %3").arg(m_name).arg(in).arg(at));
                crops.insert(in, core::RegionCopy::crop(tensors.value(in), g.tiles()[t].regions.value(in)));
            }
            if (d->tileNode(t) == m_name)
                runTile(d, id, t, std::move(crops));
            else
                sendData(d, id, d->tileNode(t), core::DataKind::TileIn, at, t, crops);
        }
        return;
    }
    if (next->node == m_name)
        return runStage(d, id, *next, std::move(tensors));
    sendData(d, id, next->node, core::DataKind::Cut, at, -1, tensors);
}

bool DataPlane::queueFull(quint64 id)
{
    if (m_compute->pending() < kMaxQueuedJobs)
        return false;
    fail(id, QStringLiteral("%1: refused, %2 computations already wait").arg(m_name).arg(kMaxQueuedJobs));
    return true;
}

void DataPlane::runStage(const DeploymentPtr &d, quint64 id, const core::Deployment::Stage &stage,
                         engine::TensorMap tensors)
{
    if (queueFull(id))
        return;
    auto engine = m_engine;
    auto out = std::make_shared<std::optional<engine::TensorMap>>();
    auto error = std::make_shared<QString>();
    const core::Deployment::Stage s = stage;
    m_compute->run([engine, s, tensors = std::move(tensors), out, error] {
        *out = engine->runRange(s.a, s.b, tensors, error.get());
    }, this, [this, d, id, s, out, error](double ms, double measuredMs, double queuedMs) {
        core::HopReport r;
        r.measuredMs = measuredMs;
        r.queuedMs = queuedMs;
        r.node = m_name;
        r.stage = s.kind;
        r.a = s.a;
        r.b = s.b;
        r.ms = ms;
        if (!*out)
            fail(id, QStringLiteral("%1: layers [%2, %3): %4").arg(m_name).arg(s.a).arg(s.b).arg(*error));
        else
            forward(d, id, s.b, std::move(**out));
        Q_EMIT report(id, r); // after the request's critical path
    });
}

void DataPlane::runTile(const DeploymentPtr &d, quint64 id, int tile, engine::TensorMap crops)
{
    if (queueFull(id))
        return;
    auto engine = m_engine;
    auto out = std::make_shared<std::optional<core::HostTensor>>();
    auto error = std::make_shared<QString>();
    const core::Tile &t = d->geometry()->tiles()[tile];
    m_compute->run([engine, &t, d, crops = std::move(crops), out, error] {
        *out = engine->runTile(t, crops, error.get());
    }, this, [this, d, id, tile, out, error](double ms, double measuredMs, double queuedMs) {
        const core::FusedStack &stack = d->geometry()->stack();
        core::HopReport r;
        r.measuredMs = measuredMs;
        r.queuedMs = queuedMs;
        r.node = m_name;
        r.stage = core::StageKind::Tiles;
        r.a = stack.begin;
        r.b = stack.end;
        r.tile = tile;
        r.ms = ms;
        if (!*out)
            fail(id, QStringLiteral("%1: tile %2: %3").arg(m_name).arg(tile).arg(*error));
        else if (d->stitcher() == m_name)
            paste(d, id, tile, **out);
        else
            sendData(d, id, d->stitcher(), core::DataKind::TileOut, stack.end, tile, {{stack.output, **out}});
        Q_EMIT report(id, r); // after the request's critical path
    });
}

void DataPlane::paste(const DeploymentPtr &d, quint64 id, int tile, const core::HostTensor &out)
{
    const core::TileGeometry &g = *d->geometry();
    auto it = m_stitches.find(id);
    if (it == m_stitches.end()) {
        if (m_stitches.size() >= kMaxStitches)
            fail(m_stitches.firstKey(), QStringLiteral("%1: dropped, more than %2 unfinished tiled requests").arg(m_name).arg(kMaxStitches));
        Stitch s;
        s.planId = d->planId();
        s.output.shape = m_engine->graph().tensorShape(g.stack().output).dims;
        s.output.values.resize(size_t(s.output.elements()));
        s.have.fill(false, g.tiles().size());
        s.missing = g.tiles().size();
        it = m_stitches.insert(id, std::move(s));
    }
    if (it->planId != d->planId() || it->have.value(tile))
        return fail(id, QStringLiteral("%1: tile %2 arrived twice or for another plan").arg(m_name).arg(tile));
    core::RegionCopy::paste(&it->output, out, g.tiles()[tile].out);
    it->have[tile] = true;
    if (--it->missing > 0)
        return;
    core::HostTensor stitched = std::move(it->output);
    m_stitches.erase(it);
    forward(d, id, g.stack().end, {{g.stack().output, std::move(stitched)}});
}

void DataPlane::sendData(const DeploymentPtr &d, quint64 id, const QString &to, core::DataKind kind, int at, int tile,
                         const engine::TensorMap &tensors)
{
    core::DataMessage message;
    message.planId = d->planId();
    message.kind = kind;
    message.at = at;
    message.tile = tile;
    message.to = to;
    const core::WireCodec codec = d->codecOf(m_name, d->firstHop(m_name, to));
    if (codec == core::WireCodec::None) {
        core::Frame f = core::frameOf(message, id);
        QElapsedTimer encoding;
        encoding.start();
        const qint64 raw = core::TensorCodec::encode(tensors, &f);
        return send(d, id, to, kind, at, tile, f, {encoding.nsecsElapsed() / 1e6, raw, codec});
    }
    // Compressing is the sender's work: on its compute queue, padded by its slowdown like a layer.
    auto frame = std::make_shared<core::Frame>(core::frameOf(message, id));
    auto raw = std::make_shared<qint64>(0);
    m_compute->run([frame, raw, tensors, codec] {
        *raw = core::TensorCodec::encode(tensors, frame.get(), codec);
    }, this, [this, d, id, to, kind, at, tile, frame, raw, codec](double ms, double, double) {
        send(d, id, to, kind, at, tile, *frame, {ms, *raw, codec});
    });
}

void DataPlane::send(const DeploymentPtr &d, quint64 id, const QString &to, core::DataKind kind, int at, int tile,
                     const core::Frame &frame, const Encoded &encoded)
{
    const QString hop = d->firstHop(m_name, to);
    m_peers.setAddress(hop, d->address(hop));
    m_sending[hop].append({id, kind, at, tile, encoded.ms, encoded.rawBytes, encoded.codec, m_clock.nsecsElapsed()});
    if (!m_peers.send(hop, frame)) {
        m_sending[hop].removeLast();
        fail(id, QStringLiteral("%1: no address for worker '%2'").arg(m_name, hop));
    }
}

void DataPlane::fail(quint64 id, const QString &message)
{
    m_stitches.remove(id);
    Q_EMIT failed(id, message);
}

void DataPlane::setShaping(const QString &to, const core::OutboundPeers::Shaping &shaping)
{
    m_peers.setShaping(to, shaping);
}

QHostAddress DataPlane::peerAddress(const QString &name) const
{
    const core::PeerConnection *c = m_peers.connection(name);
    return c ? c->peerAddress() : QHostAddress();
}

QVector<core::LinkStat> DataPlane::linkStats() const
{
    QVector<core::LinkStat> links;
    for (const QString &to : m_peers.names()) {
        const core::OutboundPeers::Shaping s = m_peers.shaping(to);
        const core::PeerConnection *c = m_peers.connection(to);
        const core::PeerConnection::SendStats stats = c ? c->sendStats() : core::PeerConnection::SendStats{};
        links.append({to, s.rateMbps, s.burstBytes, s.delayMs, c != nullptr, stats.bytes, stats.busyNs / 1e6,
                      stats.measuredMbps()});
    }
    return links;
}

} // namespace d3::worker
