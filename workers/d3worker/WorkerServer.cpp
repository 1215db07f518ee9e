#include "WorkerServer.h"

#include "WorkerLog.h"
#include "graph/ModelCatalog.h"
#include "graph/ModelParser.h"
#include "net/CborInteger.h"
#include "protocol/MessageType.h"
#include "net/PeerConnection.h"
#include "protocol/TensorCodec.h"

#include <QTcpSocket>

#include <cmath>
#include <limits>

namespace d3::worker {
namespace {

core::Frame reply(core::MessageType type, quint64 requestId, QCborMap header = {})
{
    core::Frame f;
    f.type = quint16(type);
    f.requestId = requestId;
    f.header = std::move(header);
    return f;
}

} // namespace

WorkerServer::WorkerServer(QString role, QString name, QByteArray token, double slowdown, QString weightsFile,
                           int threads, QObject *parent)
    : QObject(parent)
    , m_role(std::move(role))
    , m_name(std::move(name))
    , m_token(std::move(token))
    , m_weightsFile(std::move(weightsFile))
    , m_data(m_name, m_token, &m_compute)
    , m_compute(slowdown)
{
    connect(&m_server, &QTcpServer::newConnection, this, &WorkerServer::onConnection);
    if (threads > 0) // set where torch runs: with OpenMP the thread count is a per-thread setting
        m_compute.run([threads] { engine::Engine::setThreads(threads); }, this, {}, false);
    connect(&m_data, &DataPlane::deployReady, this, [this](quint64 planId) {
        toController(reply(core::MessageType::Deployed, 0, {{QStringLiteral("plan_id"), qint64(planId)}}));
    });
    connect(&m_data, &DataPlane::deployFailed, this, [this](quint64 planId, const QString &message) {
        replyError(m_controller, 0, message, {{QStringLiteral("plan_id"), qint64(planId)}});
    });
    connect(&m_data, &DataPlane::report, this, [this](quint64 id, const core::HopReport &r) {
        toController(reply(core::MessageType::Report, id, r.toCbor()));
    });
    connect(&m_data, &DataPlane::done, this, [this](quint64 id, quint64 planId, const QMap<int, core::HostTensor> &out) {
        core::Frame f = reply(core::MessageType::Done, id, {{QStringLiteral("plan_id"), qint64(planId)}});
        core::TensorCodec::encode(out, &f);
        toController(f);
    });
    connect(&m_data, &DataPlane::failed, this,
            [this](quint64 id, const QString &message) { replyError(m_controller, id, message); });
}

WorkerServer::~WorkerServer() = default;

bool WorkerServer::listen(const QHostAddress &host, quint16 port, QString *error)
{
    if (!m_server.listen(host, port)) {
        *error = QStringLiteral("cannot listen on %1:%2 (%3)").arg(host.toString()).arg(port).arg(m_server.errorString());
        return false;
    }
    return true;
}

void WorkerServer::onConnection()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        auto *peer = new core::PeerConnection(socket, core::PeerConnection::Side::Listener, m_token, m_name, this);
        connect(peer, &core::PeerConnection::frameReceived, this,
                [this, peer](const core::Frame &frame) { onFrame(peer, frame); });
        connect(peer, &core::PeerConnection::closed, peer, &QObject::deleteLater);
        connect(peer, &core::PeerConnection::authenticated, this, [this, peer] {
            qCInfo(lcWorker) << m_name << "accepted" << peer->peerName();
            peer->setHeartbeat(250, 0); // the controller watches the worker, not the other way round
        });
    }
}

void WorkerServer::toController(const core::Frame &frame)
{
    if (m_controller)
        m_controller->send(frame);
    else
        qCWarning(lcWorker) << m_name << "has no controller to send message type" << frame.type << "to";
}

void WorkerServer::onFrame(core::PeerConnection *peer, const core::Frame &frame)
{
    using core::MessageType;
    const auto type = MessageType(frame.type);
    if (type == MessageType::Load || type == MessageType::Deploy || type == MessageType::Infer)
        m_controller = peer;
    switch (type) {
    case MessageType::Heartbeat:
        if (!frame.header.value(QStringLiteral("beat")).toBool())
            peer->send(reply(MessageType::Heartbeat, frame.requestId));
        break;
    case MessageType::Load:
        load(peer, frame);
        break;
    case MessageType::RunRange:
        runRange(peer, frame);
        break;
    case MessageType::Deploy:
        m_data.deploy(frame.header);
        break;
    case MessageType::Infer:
        m_data.infer(frame);
        break;
    case MessageType::Data:
        m_data.receive(peer->peerName(), frame);
        break;
    case MessageType::SetLink:
        setLink(peer, frame);
        break;
    case MessageType::GetLinks:
        sendLinkStats(peer, frame.requestId);
        break;
    case MessageType::Profile:
        profile(peer, frame);
        break;
    case MessageType::SetSlowdown: {
        const double factor = frame.header.value(QStringLiteral("factor")).toDouble();
        if (!std::isfinite(factor) || factor < 1 || factor > 1000)
            return replyError(peer, frame.requestId, QStringLiteral("SetSlowdown needs a factor in 1..1000"));
        m_compute.setSlowdown(factor);
        qCInfo(lcWorker) << m_name << "slowdown" << factor;
        peer->send(reply(MessageType::SlowdownSet, frame.requestId, {{QStringLiteral("factor"), factor}}));
        break;
    }
    default:
        peer->close(QStringLiteral("refused: message type %1 is not served by a worker").arg(frame.type));
    }
}

void WorkerServer::replyError(core::PeerConnection *peer, quint64 requestId, const QString &message, QCborMap extra)
{
    qCWarning(lcWorker) << m_name << "request" << requestId << "failed:" << message;
    extra.insert(QStringLiteral("message"), message);
    extra.insert(QStringLiteral("node"), m_name);
    if (peer)
        peer->send(reply(core::MessageType::Error, requestId, extra));
}

void WorkerServer::load(core::PeerConnection *peer, const core::Frame &frame)
{
    core::GraphError graphError;
    std::optional<core::ModelGraph> graph;
    if (frame.header.contains(QStringLiteral("model_json")))
        graph = core::ModelParser::parse(frame.header.value(QStringLiteral("model_json")).toString().toUtf8(),
                                         QStringLiteral("model sent by %1").arg(peer->peerName()), &graphError);
    else if (core::ModelCatalog::builtinNames().contains(frame.header.value(QStringLiteral("model")).toString()))
        graph = core::ModelCatalog::builtin(frame.header.value(QStringLiteral("model")).toString(), &graphError);
    else
        graphError.message = QStringLiteral("Load needs a built-in 'model' name or 'model_json'");
    if (!graph)
        return replyError(peer, frame.requestId, graphError.toString());
    engine::WeightSource weights;
    if (frame.header.contains(QStringLiteral("seed"))) {
        const auto seed = core::cborIntegerIn(frame.header.value(QStringLiteral("seed")), 0,
                                              std::numeric_limits<qint64>::max());
        if (!seed)
            return replyError(peer, frame.requestId, QStringLiteral("Load: 'seed' must be a non-negative integer"));
        weights.seed = quint64(*seed);
    }
    weights.path = m_weightsFile;
    QPointer<core::PeerConnection> target(peer);
    const quint64 id = frame.requestId;
    auto built = std::make_shared<std::shared_ptr<engine::Engine>>();
    auto error = std::make_shared<QString>();
    m_compute.run([graph = *graph, weights, built, error] {
        *built = engine::Engine::create(graph, weights, error.get());
    }, this, [this, target, id, built, error](double ms, double) {
        if (!*built)
            return replyError(target, id, *error);
        m_engine = *built;
        m_data.setEngine(m_engine);
        if (target)
            target->send(reply(core::MessageType::Loaded, id,
                               {{QStringLiteral("model"), m_engine->graph().name()},
                                {QStringLiteral("layers"), m_engine->graph().layerCount()},
                                {QStringLiteral("fingerprint"), m_engine->fingerprint()},
                                {QStringLiteral("weights"), m_engine->weights().describe()},
                                {QStringLiteral("build_ms"), ms}}));
    }, false);
}

void WorkerServer::runRange(core::PeerConnection *peer, const core::Frame &frame)
{
    if (!m_engine)
        return replyError(peer, frame.requestId, QStringLiteral("no model loaded"));
    const int n = m_engine->graph().layerCount();
    const auto a = core::cborIntegerIn(frame.header.value(QStringLiteral("a")), 0, n);
    const auto b = core::cborIntegerIn(frame.header.value(QStringLiteral("b")), 0, n);
    if (!a || !b)
        return replyError(peer, frame.requestId,
                          QStringLiteral("RunRange: 'a' and 'b' must be integer cut positions in 0..%1").arg(n));
    QString error;
    auto tensors = core::TensorCodec::decode(frame, &error);
    if (!tensors)
        return replyError(peer, frame.requestId, error);
    QPointer<core::PeerConnection> target(peer);
    const quint64 id = frame.requestId;
    auto engine = m_engine;
    auto out = std::make_shared<std::optional<engine::TensorMap>>();
    auto why = std::make_shared<QString>();
    m_compute.run([engine, a = int(*a), b = int(*b), in = std::move(*tensors), out, why] {
        *out = engine->runRange(a, b, in, why.get());
    }, this, [this, target, id, out, why](double ms, double) {
        if (!*out)
            return replyError(target, id, *why);
        core::Frame f = reply(core::MessageType::RangeResult, id, {{QStringLiteral("compute_ms"), ms}});
        core::TensorCodec::encode(**out, &f);
        if (target)
            target->send(f);
    });
}

void WorkerServer::profile(core::PeerConnection *peer, const core::Frame &frame)
{
    if (!m_engine)
        return replyError(peer, frame.requestId, QStringLiteral("no model loaded"));
    const qint64 warmup = core::cborInteger(frame.header.value(QStringLiteral("warmup")), 2);
    const qint64 runs = core::cborInteger(frame.header.value(QStringLiteral("runs")), 5);
    if (warmup < 0 || warmup > 100 || runs < 1 || runs > 1000)
        return replyError(peer, frame.requestId, QStringLiteral("Profile needs warmup in 0..100 and runs in 1..1000"));
    QPointer<core::PeerConnection> target(peer);
    const quint64 id = frame.requestId;
    auto engine = m_engine;
    auto result = std::make_shared<std::optional<core::Profile>>();
    auto why = std::make_shared<QString>();
    const double slowdown = m_compute.slowdown();
    m_compute.run([this, engine, warmup, runs, slowdown, result, why, target, id] {
        *result = engine->profile(int(warmup), int(runs), slowdown, [this, target, id](int done, int layers) {
            QMetaObject::invokeMethod(this, [target, id, done, layers] {
                if (target)
                    target->send(reply(core::MessageType::ProfileProgress, id,
                                       {{QStringLiteral("done"), done}, {QStringLiteral("layers"), layers}}));
            });
        }, why.get());
    }, this, [this, target, id, result, why](double, double) {
        if (!*result)
            return replyError(target, id, *why);
        if (target)
            target->send(reply(core::MessageType::Profiled, id,
                               {{QStringLiteral("profile"), QString::fromUtf8((*result)->toJson())}}));
    }, false);
}

void WorkerServer::setLink(core::PeerConnection *peer, const core::Frame &frame)
{
    const QString to = frame.header.value(QStringLiteral("to")).toString();
    core::OutboundPeers::Shaping s;
    s.rateMbps = frame.header.value(QStringLiteral("rate_mbps")).toDouble();
    s.burstBytes = core::cborInteger(frame.header.value(QStringLiteral("burst")), 0);
    s.delayMs = frame.header.value(QStringLiteral("delay_ms")).toDouble();
    if (to.isEmpty() || to.size() > 128 || !std::isfinite(s.rateMbps) || s.rateMbps < 0 || s.rateMbps > 1e6
        || s.burstBytes < 0 || s.burstBytes > (qint64(1) << 30) || !std::isfinite(s.delayMs) || s.delayMs < 0
        || s.delayMs > 60000)
        return replyError(peer, frame.requestId,
                          QStringLiteral("SetLink needs 'to' (a worker name), rate_mbps >= 0 (0 = unlimited), "
                                         "burst bytes >= 0 and delay_ms in 0..60000"));
    m_data.setShaping(to, s);
    qCInfo(lcWorker) << m_name << "link to" << to << "shaped:" << s.rateMbps << "Mbit/s," << s.delayMs << "ms";
    sendLinkStats(peer, frame.requestId);
}

void WorkerServer::sendLinkStats(core::PeerConnection *peer, quint64 requestId)
{
    peer->send(reply(core::MessageType::LinkStats, requestId,
                     {{QStringLiteral("node"), m_name}, {QStringLiteral("links"), m_data.linkStats()}}));
}

} // namespace d3::worker
