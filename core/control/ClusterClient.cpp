#include "ClusterClient.h"

#include "protocol/HopReport.h"
#include "protocol/Message.h"
#include "protocol/RequestMessages.h"
#include "ControlLog.h"
#include "protocol/MessageType.h"
#include "protocol/TensorCodec.h"

#include <climits>

namespace d3::core {

ClusterClient::ClusterClient(QByteArray token, QString name, QObject *parent)
    : QObject(parent)
    , m_peers(std::move(token), std::move(name))
{
    m_clock.start();
    m_peers.setHeartbeat(250, 1000);
    connect(&m_peers, &OutboundPeers::peerReady, this, &ClusterClient::nodeReady);
    connect(&m_peers, &OutboundPeers::frameReceived, this, &ClusterClient::onFrame);
    connect(&m_peers, &OutboundPeers::peerLost, this,
            [this](const QString &node, const QString &reason, const QList<quint64> &) { onLost(node, reason); });
    connect(&m_peers, &OutboundPeers::peerReady, this, [this](const QString &node) {
        m_retry.remove(node);
        if (m_lost.remove(node))
            qCInfo(lcControl) << "worker" << node << "answers again";
    });
    connect(&m_timeoutTimer, &QTimer::timeout, this, &ClusterClient::checkTimeouts);
    m_timeoutTimer.start(100);
    connect(&m_reconnectTimer, &QTimer::timeout, this, &ClusterClient::reconnect);
}

ClusterClient::~ClusterClient()
{
    m_peers.disconnect(this);
}

void ClusterClient::setHeartbeat(int intervalMs, int timeoutMs)
{
    m_peers.setHeartbeat(intervalMs, timeoutMs);
}

void ClusterClient::setWorker(const WorkerEndpoint &worker)
{
    m_listed.insert(worker.name);
    m_peers.setAddress(worker.name, QStringLiteral("%1:%2").arg(worker.host).arg(worker.port));
    m_peers.open(worker.name);
    if (m_reconnectMs > 0 && !m_reconnectTimer.isActive())
        m_reconnectTimer.start(m_reconnectMs);
}

void ClusterClient::reconnect()
{
    // A worker that is lost is dialled again: one that stalled answers once it runs again, one restarted at the
    // same address once it listens. Each attempt ends within the handshake deadline; the interval doubles from
    // setReconnectInterval() up to 8 times that while the worker stays away.
    const qint64 now = m_clock.nsecsElapsed();
    for (const QString &node : std::as_const(m_lost)) {
        Retry &r = m_retry[node];
        if (now < r.atNs)
            continue;
        r.delayMs = r.delayMs == 0 ? m_reconnectMs : std::min(r.delayMs * 2, 8 * m_reconnectMs);
        r.atNs = now + qint64(r.delayMs) * 1000000;
        m_peers.open(node);
    }
}

QMap<QString, QString> ClusterClient::addresses() const
{
    QMap<QString, QString> map;
    for (const QString &name : m_peers.names())
        map.insert(name, m_peers.address(name));
    return map;
}

quint64 ClusterClient::sendTo(const QString &node, quint16 type, const QCborMap &header, quint64 id)
{
    if (id == 0)
        id = m_nextId++;
    Frame f;
    f.type = type;
    f.requestId = id;
    f.header = header;
    if (!m_peers.send(node, f))
        qCWarning(lcControl) << "no address for worker" << node;
    return id;
}

quint64 ClusterClient::load(const QString &node, const LoadMessage &message)
{
    const quint64 id = sendTo(node, quint16(MessageType::Load), message.toCbor());
    m_asks.insert(id, {Ask::Load, node});
    return id;
}

quint64 ClusterClient::profile(const QString &node, int warmup, int runs)
{
    const quint64 id = sendTo(node, quint16(MessageType::Profile), ProfileMessage{warmup, runs}.toCbor());
    m_asks.insert(id, {Ask::Profile, node});
    return id;
}

void ClusterClient::deploy(const Deployment &deployment)
{
    auto shared = std::make_shared<const Deployment>(deployment);
    m_deployments[deployment.planId()] = shared;
    while (m_deployments.size() > size_t(Deployment::kKept)) // requests in flight hold theirs
        m_deployments.erase(m_deployments.begin());
    Deploying &d = m_deploying[deployment.planId()];
    const QCborMap header = deployment.toCbor();
    for (const QString &node : deployment.participants()) {
        d.waiting.insert(node);
        sendTo(node, quint16(MessageType::Deploy), header);
    }
}

quint64 ClusterClient::infer(quint64 planId, const HostTensor &input)
{
    Frame f = frameOf(InferMessage{planId, std::nullopt});
    TensorCodec::encode({{0, input}}, &f);
    return sendInfer(planId, std::move(f));
}

quint64 ClusterClient::infer(quint64 planId, quint64 inputSeed)
{
    return sendInfer(planId, frameOf(InferMessage{planId, inputSeed}));
}

quint64 ClusterClient::sendInfer(quint64 planId, Frame frame)
{
    const quint64 id = m_nextId++;
    Pending p;
    const auto kept = m_deployments.find(planId);
    p.deployment = kept != m_deployments.end() ? kept->second : nullptr;
    p.result.id = id;
    p.result.planId = planId;
    p.result.startNs = m_clock.nsecsElapsed();
    p.deadlineNs = p.result.startNs + qint64(m_requestTimeoutMs) * 1000000;
    QString lost; // a participant lost since: the request could only time out, or meet a worker started anew
    for (const QString &node : p.deployment ? p.deployment->participants() : QStringList())
        if (lost.isEmpty() && m_lost.contains(node))
            lost = node;
    if (!p.deployment || !lost.isEmpty()) {
        m_requests.insert(id, p);
        const QString why = lost.isEmpty() ? QStringLiteral("plan %1 is not deployed (never, or replaced by %2 newer "
                                                            "plans)").arg(planId).arg(Deployment::kKept)
                                           : QStringLiteral("worker '%1' of plan %2 is lost").arg(lost).arg(planId);
        QTimer::singleShot(0, this, [this, id, why] { failRequest(id, why); });
        return id;
    }
    p.expected = p.deployment->expectedReports();
    const QString device = p.deployment->device();
    m_requests.insert(id, p);
    frame.requestId = id;
    m_peers.send(device, frame);
    return id;
}

bool ClusterClient::setLink(const QString &from, const QString &to, const OutboundPeers::Shaping &shaping,
                            ShaperKind shaper)
{
    if (!m_listed.contains(from) || !m_listed.contains(to) || from == to) {
        qCWarning(lcControl) << "no link" << from << "->" << to << "in this cluster";
        return false;
    }
    const quint64 id = sendTo(from, quint16(MessageType::SetLink),
                              SetLinkMessage{to, shaping.rateMbps, shaping.burstBytes, shaping.delayMs, shaper}.toCbor());
    m_linkAsks.insert(id, {from, to, shaper});
    return true;
}

void ClusterClient::queryLinks(const QString &node)
{
    sendTo(node, quint16(MessageType::GetLinks), {});
}

void ClusterClient::setSlowdown(const QString &node, double factor)
{
    sendTo(node, quint16(MessageType::SetSlowdown), SetSlowdownMessage{factor}.toCbor());
}

void ClusterClient::exitWorker(const QString &node, const QString &reason)
{
    sendTo(node, quint16(MessageType::Exit), ExitMessage{reason}.toCbor());
}

void ClusterClient::onFrame(const QString &node, const Frame &frame)
{
    const quint64 id = frame.requestId;
    QString error;
    // An answer that does not read is that request's (or that ask's) failure, never a guess.
    auto malformed = [&] {
        const QString why = QStringLiteral("%1 sent a malformed message: %2").arg(node, error);
        qCWarning(lcControl).noquote() << why;
        if (m_requests.contains(id))
            failRequest(id, why);
    };
    switch (MessageType(frame.type)) {
    case MessageType::Loaded:
        if (const auto m = messageOf<LoadedMessage>(frame, &error)) {
            m_asks.remove(id);
            Q_EMIT loaded(node, *m);
        } else if (m_asks.contains(id)) {
            m_asks.remove(id);
            Q_EMIT loadFailed(node, error);
        }
        break;
    case MessageType::ProfileProgress:
        if (const auto m = messageOf<ProfileProgressMessage>(frame, &error))
            Q_EMIT profileProgress(node, int(std::min<qint64>(m->done, INT_MAX)), int(std::min<qint64>(m->layers, INT_MAX)));
        break;
    case MessageType::Profiled: {
        m_asks.remove(id);
        const auto m = messageOf<ProfiledMessage>(frame, &error);
        const auto profile = m ? Profile::fromJson(m->profileJson.toUtf8(), QStringLiteral("profile from %1").arg(node),
                                                   &error)
                               : std::nullopt;
        if (profile)
            Q_EMIT profiled(node, *profile);
        else
            Q_EMIT profileFailed(node, error);
        break;
    }
    case MessageType::Deployed: {
        const auto m = messageOf<DeployedMessage>(frame, &error);
        if (!m)
            return malformed();
        auto it = m_deploying.find(m->planId);
        if (it != m_deploying.end() && it->waiting.remove(node) && it->waiting.isEmpty()) {
            m_deploying.erase(it);
            Q_EMIT deployed(m->planId);
        }
        break;
    }
    case MessageType::Report: {
        auto it = m_requests.find(id);
        if (it == m_requests.end())
            break;
        const auto report = HopReport::fromCbor(frame.header, &error);
        if (!report)
            return malformed();
        it->result.hops.append(*report);
        Q_EMIT reported(id, *report);
        finishIfComplete(id);
        break;
    }
    case MessageType::Done: {
        auto it = m_requests.find(id);
        if (it == m_requests.end())
            break;
        if (!messageOf<DoneMessage>(frame, &error))
            return malformed();
        it->result.endToEndMs = (m_clock.nsecsElapsed() - it->result.startNs) / 1e6;
        const auto tensors = TensorCodec::decode(frame, &error);
        const int output = it->deployment->layerCount();
        if (!tensors || !tensors->contains(output))
            return failRequest(id, QStringLiteral("%1 sent an unreadable result: %2").arg(node, error));
        it->result.output = tensors->value(output);
        it->done = true;
        finishIfComplete(id);
        break;
    }
    case MessageType::SlowdownSet:
        if (const auto m = messageOf<SlowdownSetMessage>(frame, &error))
            Q_EMIT slowdownSet(node, m->factor);
        else
            malformed();
        break;
    case MessageType::LinkStats:
        if (const auto m = messageOf<LinkStatsMessage>(frame, &error)) {
            checkLinkAnswer(node, id, m->links);
            Q_EMIT linkStats(node, m->links);
        } else {
            malformed();
        }
        break;
    case MessageType::Error: {
        const auto m = messageOf<ErrorMessage>(frame, &error);
        const QString message = m ? m->message : error;
        if (m && m->planId && id == 0) {
            if (m_deploying.remove(*m->planId))
                Q_EMIT deployFailed(*m->planId, QStringLiteral("%1: %2").arg(node, message));
        } else if (m_linkAsks.contains(id) && m_linkAsks.value(id).from == node) {
            const LinkAsk ask = m_linkAsks.take(id);
            Q_EMIT linkRefused(node, ask.to, message.startsWith(node) ? message : QStringLiteral("%1: %2").arg(node, message));
        } else if (m_asks.contains(id)) {
            const auto ask = m_asks.take(id);
            if (ask.first == Ask::Load)
                Q_EMIT loadFailed(node, message);
            else
                Q_EMIT profileFailed(node, message);
        } else if (m_requests.contains(id)) {
            failRequest(id, message.startsWith(node) ? message : QStringLiteral("%1: %2").arg(node, message));
        } else {
            qCWarning(lcControl) << node << "reported an error:" << message;
        }
        break;
    }
    default:
        qCWarning(lcControl) << node << "sent an unexpected message:" << messageName(frame.type);
    }
}

void ClusterClient::checkLinkAnswer(const QString &node, quint64 id, const QVector<LinkStat> &links)
{
    const auto it = m_linkAsks.constFind(id);
    if (it == m_linkAsks.cend() || it->from != node)
        return;
    const LinkAsk ask = *it;
    m_linkAsks.erase(it);
    for (const LinkStat &l : links) {
        if (l.to != ask.to)
            continue;
        if (!l.shaper && ask.shaper == ShaperKind::Kernel)
            Q_EMIT linkRefused(node, ask.to, QStringLiteral("%1: an older d3worker that shapes links in-process only; "
                                                            "kernel shaping needs this build's d3worker").arg(node));
        else if (l.shaper && *l.shaper != ask.shaper && l.rateMbps > 0) // an unlimited link has no shaper to speak of
            Q_EMIT linkRefused(node, ask.to, QStringLiteral("%1: link %1->%2 is shaped by the %3, not the %4")
                                                 .arg(node, ask.to, shaperName(*l.shaper), shaperName(ask.shaper)));
    }
}

void ClusterClient::finishIfComplete(quint64 id)
{
    auto it = m_requests.find(id);
    if (it == m_requests.end() || !it->done || it->result.hops.size() < it->expected)
        return;
    const RequestResult result = std::move(it->result);
    m_requests.erase(it);
    Q_EMIT completed(result);
}

void ClusterClient::failRequest(quint64 id, const QString &reason)
{
    if (!m_requests.remove(id))
        return;
    qCInfo(lcControl) << "request" << id << "failed:" << reason;
    Q_EMIT requestFailed(id, reason);
}

void ClusterClient::onLost(const QString &node, const QString &reason)
{
    if (m_lost.contains(node) || !m_listed.contains(node))
        return; // a reconnection attempt that failed, or a worker no longer listed: nothing new
    m_lost.insert(node);
    qCWarning(lcControl) << "worker" << node << "lost:" << reason;
    for (auto it = m_linkAsks.begin(); it != m_linkAsks.end();) // no answer will come
        it = it->from == node ? m_linkAsks.erase(it) : std::next(it);
    const QString why = QStringLiteral("worker '%1' lost: %2").arg(node, reason);
    QList<quint64> failed;
    for (auto it = m_requests.begin(); it != m_requests.end(); ++it)
        if (it->deployment && it->deployment->participants().contains(node))
            failed.append(it.key());
    for (quint64 id : failed)
        failRequest(id, why);
    // Collect first, then signal: a receiver may deploy or load again.
    QList<quint64> plans;
    for (auto it = m_deploying.begin(); it != m_deploying.end(); ++it)
        if (it->waiting.contains(node))
            plans.append(it.key());
    QList<QPair<Ask, QString>> asks;
    for (auto it = m_asks.begin(); it != m_asks.end();) {
        if (it->second == node) {
            asks.append(*it);
            it = m_asks.erase(it);
        } else {
            ++it;
        }
    }
    for (quint64 planId : plans) {
        m_deploying.remove(planId);
        Q_EMIT deployFailed(planId, why);
    }
    for (const auto &ask : asks) {
        if (ask.first == Ask::Load)
            Q_EMIT loadFailed(node, why);
        else
            Q_EMIT profileFailed(node, why);
    }
    Q_EMIT nodeLost(node, reason);
}

void ClusterClient::checkTimeouts()
{
    const qint64 now = m_clock.nsecsElapsed();
    QList<quint64> late;
    for (auto it = m_requests.begin(); it != m_requests.end(); ++it)
        if (now > it->deadlineNs)
            late.append(it.key());
    for (quint64 id : late)
        failRequest(id, QStringLiteral("no result after %1 ms").arg(m_requestTimeoutMs));
}

} // namespace d3::core
