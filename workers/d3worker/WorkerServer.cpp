#include "WorkerServer.h"

#include "WorkerLog.h"
#include "graph/ModelCatalog.h"
#include "graph/ModelParser.h"
#include "protocol/LinkMessages.h"
#include "protocol/Message.h"
#include "protocol/MessageType.h"
#include "protocol/ModelMessages.h"
#include "protocol/RequestMessages.h"
#include "net/PeerConnection.h"
#include "protocol/TensorCodec.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <limits>

namespace d3::worker {
namespace {

/// The most links a worker shapes (one per other worker of its cluster).
constexpr int kMaxLinks = 256;

} // namespace

WorkerServer::WorkerServer(QString role, QString name, QByteArray token, double slowdown, QString weightsFile,
                           int threads, QObject *parent)
    : QObject(parent)
    , m_role(std::move(role))
    , m_name(std::move(name))
    , m_token(std::move(token))
    , m_weightsFile(std::move(weightsFile))
    , m_listener(m_token, m_name)
    , m_data(m_name, m_token, &m_compute)
    , m_compute(slowdown)
{
    connect(&m_listener, &core::PeerListener::peerAuthenticated, this, &WorkerServer::onPeer);
    if (threads > 0) // set where torch runs: with OpenMP the thread count is a per-thread setting
        m_compute.run([threads] { engine::Engine::setThreads(threads); }, this, {}, false);
    connect(&m_data, &DataPlane::deployReady, this, [this](quint64 planId) {
        toController(core::frameOf(core::DeployedMessage{planId}));
    });
    connect(&m_data, &DataPlane::deployFailed, this, [this](quint64 planId, const QString &message) {
        replyError(m_controller, 0, message, planId);
    });
    connect(&m_data, &DataPlane::report, this, [this](quint64 id, const core::HopReport &r) {
        toController(core::frameOf(r, id));
    });
    connect(&m_data, &DataPlane::done, this, [this](quint64 id, quint64 planId, const QMap<int, core::HostTensor> &out) {
        core::Frame f = core::frameOf(core::DoneMessage{planId}, id);
        core::TensorCodec::encode(out, &f);
        toController(f);
    });
    connect(&m_data, &DataPlane::peerConnected, this, [this](const QString &to, const QHostAddress &address) {
        QString error;
        if (m_kernel && !m_kernel->attach(to, address, &error))
            replyError(m_controller, 0, error);
    });
    connect(&m_data, &DataPlane::failed, this,
            [this](quint64 id, const QString &message) { replyError(m_controller, id, message); });
}

WorkerServer::~WorkerServer() = default;

bool WorkerServer::listen(const QHostAddress &host, quint16 port, QString *error)
{
    return m_listener.listen(host, port, error);
}

void WorkerServer::onPeer(core::PeerConnection *peer)
{
    qCInfo(lcWorker) << m_name << "accepted" << peer->peerName();
    peer->setHeartbeat(250, 0); // the controller watches the worker, not the other way round
    connect(peer, &core::PeerConnection::frameReceived, this,
            [this, peer](const core::Frame &frame) { onFrame(peer, frame); });
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
        m_data.receive(peer->peerName(), frame, [target = QPointer<core::PeerConnection>(peer)](const QString &why) {
            if (target)
                target->close(why);
        });
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
        QString error;
        const auto message = core::messageOf<core::SetSlowdownMessage>(frame, &error);
        if (!message)
            return replyError(peer, frame.requestId, error);
        m_compute.setSlowdown(message->factor);
        qCInfo(lcWorker) << m_name << "slowdown" << message->factor;
        peer->send(core::frameOf(core::SlowdownSetMessage{message->factor}, frame.requestId));
        break;
    }
    case MessageType::Exit: {
        QString error;
        const auto message = core::messageOf<core::ExitMessage>(frame, &error);
        if (!message)
            return replyError(peer, frame.requestId, error);
        exitAsACrash(peer->peerName(), message->reason);
    }
    default:
        peer->close(QStringLiteral("refused: %1 is not served by a worker").arg(core::messageName(frame.type)));
    }
}

void WorkerServer::exitAsACrash(const QString &peer, const QString &reason) const
{
    // No goodbye, no cleanup: the peers see the connections end as after a crash, and a supervisor (systemd's
    // Restart=on-failure, the virtual lab's loop) sees a failure and starts the worker again.
    std::fprintf(stderr, "d3worker %s: exits with status %d: asked by %s%s\n", qPrintable(m_name),
                 core::ExitMessage::kExitStatus, qPrintable(peer),
                 reason.isEmpty() ? "" : qPrintable(QStringLiteral(" (%1)").arg(reason)));
    std::fflush(stderr);
    std::fflush(stdout);
    std::_Exit(core::ExitMessage::kExitStatus);
}

void WorkerServer::replyError(core::PeerConnection *peer, quint64 requestId, const QString &message,
                              std::optional<quint64> planId)
{
    qCWarning(lcWorker) << m_name << "request" << requestId << "failed:" << message;
    if (peer)
        peer->send(core::frameOf(core::ErrorMessage{message, m_name, planId}, requestId));
}

void WorkerServer::load(core::PeerConnection *peer, const core::Frame &frame)
{
    QString refused;
    const auto message = core::messageOf<core::LoadMessage>(frame, &refused);
    if (!message)
        return replyError(peer, frame.requestId, refused);
    core::GraphError graphError;
    std::optional<core::ModelGraph> graph;
    if (!message->modelJson.isEmpty())
        graph = core::ModelParser::parse(message->modelJson.toUtf8(),
                                         QStringLiteral("model sent by %1").arg(peer->peerName()), &graphError);
    else if (core::ModelCatalog::builtinNames().contains(message->model))
        graph = core::ModelCatalog::builtin(message->model, &graphError);
    else
        graphError.message = QStringLiteral("Load: '%1' is not a built-in model (send the file's text as 'model_json')")
                                 .arg(message->model);
    if (!graph)
        return replyError(peer, frame.requestId, graphError.toString());
    engine::WeightSource weights;
    if (message->seed)
        weights.seed = *message->seed;
    weights.path = m_weightsFile;
    weights.ignoreExtra = m_ignoreExtraWeights;
    QPointer<core::PeerConnection> target(peer);
    const quint64 id = frame.requestId;
    auto built = std::make_shared<std::shared_ptr<engine::Engine>>();
    auto error = std::make_shared<QString>();
    m_compute.run([graph = *graph, weights, built, error] {
        *built = engine::Engine::create(graph, weights, error.get());
    }, this, [this, target, id, built, error](double ms, double, double) {
        if (!*built)
            return replyError(target, id, *error);
        m_engine = *built;
        m_data.setEngine(m_engine);
        if (target)
            target->send(core::frameOf(core::LoadedMessage{m_engine->graph().name(), m_engine->graph().layerCount(),
                                                           m_engine->fingerprint(), m_engine->weights().describe(), ms,
                                                           m_compute.slowdown()},
                                       id));
    }, false);
}

void WorkerServer::runRange(core::PeerConnection *peer, const core::Frame &frame)
{
    if (!m_engine)
        return replyError(peer, frame.requestId, QStringLiteral("no model loaded"));
    QString error;
    const auto range = core::RunRangeMessage::fromCbor(frame.header, m_engine->graph().layerCount(), &error);
    if (!range)
        return replyError(peer, frame.requestId, error);
    auto tensors = core::TensorCodec::decode(frame, &error);
    if (!tensors)
        return replyError(peer, frame.requestId, error);
    QPointer<core::PeerConnection> target(peer);
    const quint64 id = frame.requestId;
    auto engine = m_engine;
    auto out = std::make_shared<std::optional<engine::TensorMap>>();
    auto why = std::make_shared<QString>();
    m_compute.run([engine, a = int(range->a), b = int(range->b), in = std::move(*tensors), out, why] {
        *out = engine->runRange(a, b, in, why.get());
    }, this, [this, target, id, out, why](double ms, double, double) {
        if (!*out)
            return replyError(target, id, *why);
        core::Frame f = core::frameOf(core::RangeResultMessage{ms}, id);
        core::TensorCodec::encode(**out, &f);
        if (target)
            target->send(f);
    });
}

void WorkerServer::profile(core::PeerConnection *peer, const core::Frame &frame)
{
    if (!m_engine)
        return replyError(peer, frame.requestId, QStringLiteral("no model loaded"));
    QString error;
    const auto message = core::messageOf<core::ProfileMessage>(frame, &error);
    if (!message)
        return replyError(peer, frame.requestId, error);
    const qint64 warmup = message->warmup;
    const qint64 runs = message->runs;
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
                    target->send(core::frameOf(core::ProfileProgressMessage{done, layers}, id));
            });
        }, why.get());
    }, this, [this, target, id, result, why](double, double, double) {
        if (!*result)
            return replyError(target, id, *why);
        if (target)
            target->send(core::frameOf(core::ProfiledMessage{QString::fromUtf8((*result)->toJson())}, id));
    }, false);
}

void WorkerServer::setLink(core::PeerConnection *peer, const core::Frame &frame)
{
    QString error;
    const auto message = core::messageOf<core::SetLinkMessage>(frame, &error);
    if (!message)
        return replyError(peer, frame.requestId, error);
    if (message->to == m_name)
        return replyError(peer, frame.requestId, QStringLiteral("SetLink: '%1' is this worker").arg(m_name));
    if (!m_data.knows(message->to) && m_data.linkCount() >= kMaxLinks)
        return replyError(peer, frame.requestId,
                          QStringLiteral("SetLink: '%1' would be link %2; a worker shapes at most %3")
                              .arg(message->to).arg(m_data.linkCount() + 1).arg(kMaxLinks));
    core::OutboundPeers::Shaping s{message->rateMbps, message->burstBytes, message->delayMs};
    if (message->shaper == core::ShaperKind::Kernel) {
        if (!shapeByKernel(*message, &error))
            return replyError(peer, frame.requestId, error);
        s.rateMbps = 0; // the kernel paces; the delay stays in-process (this kernel has no netem)
        s.burstBytes = 0;
    } else if (m_kernel) {
        m_kernel->reset(message->to);
    }
    m_data.setShaping(message->to, s);
    qCInfo(lcWorker) << m_name << "link to" << message->to << "shaped:" << message->rateMbps << "Mbit/s,"
                     << s.delayMs << "ms by" << core::shaperName(message->shaper);
    sendLinkStats(peer, frame.requestId);
}

bool WorkerServer::shapeByKernel(const core::SetLinkMessage &message, QString *error)
{
    if (!m_kernel) {
        *error = QStringLiteral("SetLink: worker '%1' does not shape links by the kernel: it runs tc only when "
                                "started with --kernel-shaping").arg(m_name);
        return false;
    }
    if (message.rateMbps <= 0) { // unlimited: nothing for the kernel to do
        m_kernel->reset(message.to);
        return true;
    }
    if (!m_kernel->setRate(message.to, message.rateMbps, message.burstBytes, error))
        return false;
    const QHostAddress address = m_data.peerAddress(message.to);
    if (!address.isNull() && !m_kernel->attach(message.to, address, error)) {
        m_kernel->reset(message.to);
        return false;
    }
    return true;
}

void WorkerServer::sendLinkStats(core::PeerConnection *peer, quint64 requestId)
{
    QVector<core::LinkStat> links = m_data.linkStats();
    for (core::LinkStat &l : links) {
        const auto kernel = m_kernel ? m_kernel->rate(l.to) : std::nullopt;
        l.shaper = kernel ? core::ShaperKind::Kernel : core::ShaperKind::Process;
        if (kernel) {
            l.rateMbps = kernel->bitsPerSecond / 1e6;
            l.burstBytes = kernel->burstBytes;
        }
    }
    peer->send(core::frameOf(core::LinkStatsMessage{m_name, links}, requestId));
}

} // namespace d3::worker
