#include "ClusterClient.h"

#include "net/CborInteger.h"
#include "ControlLog.h"
#include "protocol/MessageType.h"
#include "protocol/TensorCodec.h"

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
    connect(&m_timeoutTimer, &QTimer::timeout, this, &ClusterClient::checkTimeouts);
    m_timeoutTimer.start(100);
}

ClusterClient::~ClusterClient()
{
    m_peers.disconnect(this);
}

void ClusterClient::setHeartbeat(int intervalMs, int timeoutMs)
{
    m_peers.setHeartbeat(intervalMs, timeoutMs);
}

void ClusterClient::connectTo(const QVector<WorkerEndpoint> &workers)
{
    QStringList listed;
    for (const WorkerEndpoint &w : workers) {
        listed.append(w.name);
        m_peers.setAddress(w.name, QStringLiteral("%1:%2").arg(w.host).arg(w.port));
        m_peers.open(w.name);
    }
    for (const QString &name : m_peers.names())
        if (!listed.contains(name))
            m_peers.drop(name, QStringLiteral("no longer part of the cluster"));
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

quint64 ClusterClient::load(const QString &node, const QCborMap &header)
{
    const quint64 id = sendTo(node, quint16(MessageType::Load), header);
    m_asks.insert(id, {Ask::Load, node});
    return id;
}

quint64 ClusterClient::profile(const QString &node, int warmup, int runs)
{
    const quint64 id = sendTo(node, quint16(MessageType::Profile),
                              {{QStringLiteral("warmup"), warmup}, {QStringLiteral("runs"), runs}});
    m_asks.insert(id, {Ask::Profile, node});
    return id;
}

void ClusterClient::deploy(const Deployment &deployment)
{
    auto shared = std::make_shared<const Deployment>(deployment);
    m_deployments.insert(deployment.planId(), shared);
    Deploying &d = m_deploying[deployment.planId()];
    const QCborMap header = deployment.toCbor();
    for (const QString &node : deployment.participants()) {
        d.waiting.insert(node);
        sendTo(node, quint16(MessageType::Deploy), header);
    }
}

quint64 ClusterClient::infer(quint64 planId, const HostTensor &input)
{
    Frame f;
    f.type = quint16(MessageType::Infer);
    f.header = {{QStringLiteral("plan_id"), qint64(planId)}};
    TensorCodec::encode({{0, input}}, &f);
    return sendInfer(planId, std::move(f));
}

quint64 ClusterClient::infer(quint64 planId, quint64 inputSeed)
{
    Frame f;
    f.type = quint16(MessageType::Infer);
    f.header = {{QStringLiteral("plan_id"), qint64(planId)}, {QStringLiteral("input_seed"), qint64(inputSeed)}};
    return sendInfer(planId, std::move(f));
}

quint64 ClusterClient::sendInfer(quint64 planId, Frame frame)
{
    const quint64 id = m_nextId++;
    Pending p;
    p.deployment = m_deployments.value(planId);
    p.result.id = id;
    p.result.planId = planId;
    p.result.startNs = m_clock.nsecsElapsed();
    p.deadlineNs = p.result.startNs + qint64(m_requestTimeoutMs) * 1000000;
    if (!p.deployment) {
        m_requests.insert(id, p);
        QTimer::singleShot(0, this, [this, id, planId] {
            failRequest(id, QStringLiteral("plan %1 was never deployed").arg(planId));
        });
        return id;
    }
    p.expected = p.deployment->expectedReports();
    const QString device = p.deployment->device();
    m_requests.insert(id, p);
    frame.requestId = id;
    m_peers.send(device, frame);
    return id;
}

void ClusterClient::setLink(const QString &from, const QString &to, const OutboundPeers::Shaping &shaping)
{
    sendTo(from, quint16(MessageType::SetLink),
           {{QStringLiteral("to"), to},
            {QStringLiteral("rate_mbps"), shaping.rateMbps},
            {QStringLiteral("burst"), shaping.burstBytes},
            {QStringLiteral("delay_ms"), shaping.delayMs}});
}

void ClusterClient::queryLinks(const QString &node)
{
    sendTo(node, quint16(MessageType::GetLinks), {});
}

void ClusterClient::setSlowdown(const QString &node, double factor)
{
    sendTo(node, quint16(MessageType::SetSlowdown), {{QStringLiteral("factor"), factor}});
}

void ClusterClient::onFrame(const QString &node, const Frame &frame)
{
    const quint64 id = frame.requestId;
    switch (MessageType(frame.type)) {
    case MessageType::Heartbeat:
        break;
    case MessageType::Loaded:
        m_asks.remove(id);
        Q_EMIT loaded(node, frame.header);
        break;
    case MessageType::ProfileProgress:
        Q_EMIT profileProgress(node, int(cborInteger(frame.header.value(QStringLiteral("done")), 0)),
                               int(cborInteger(frame.header.value(QStringLiteral("layers")), 0)));
        break;
    case MessageType::Profiled: {
        m_asks.remove(id);
        QString error;
        const auto profile = Profile::fromJson(frame.header.value(QStringLiteral("profile")).toString().toUtf8(),
                                               QStringLiteral("profile from %1").arg(node), &error);
        if (profile)
            Q_EMIT profiled(node, *profile);
        else
            Q_EMIT profileFailed(node, error);
        break;
    }
    case MessageType::Deployed: {
        const quint64 planId = quint64(cborInteger(frame.header.value(QStringLiteral("plan_id")), 0));
        auto it = m_deploying.find(planId);
        if (it != m_deploying.end() && it->waiting.remove(node) && it->waiting.isEmpty()) {
            m_deploying.erase(it);
            Q_EMIT deployed(planId);
        }
        break;
    }
    case MessageType::Report: {
        auto it = m_requests.find(id);
        if (it != m_requests.end()) {
            it->result.hops.append(HopReport::fromCbor(frame.header));
            finishIfComplete(id);
        }
        break;
    }
    case MessageType::Done: {
        auto it = m_requests.find(id);
        if (it == m_requests.end())
            break;
        it->result.endToEndMs = (m_clock.nsecsElapsed() - it->result.startNs) / 1e6;
        QString error;
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
        Q_EMIT slowdownSet(node, frame.header.value(QStringLiteral("factor")).toDouble());
        break;
    case MessageType::LinkStats:
        Q_EMIT linkStats(node, frame.header.value(QStringLiteral("links")).toArray());
        break;
    case MessageType::Error: {
        const QString message = frame.header.value(QStringLiteral("message")).toString();
        if (frame.header.contains(QStringLiteral("plan_id")) && id == 0) {
            const quint64 planId = quint64(cborInteger(frame.header.value(QStringLiteral("plan_id")), 0));
            if (m_deploying.remove(planId))
                Q_EMIT deployFailed(planId, QStringLiteral("%1: %2").arg(node, message));
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
        qCWarning(lcControl) << node << "sent an unexpected message of type" << frame.type;
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
    qCWarning(lcControl) << "worker" << node << "lost:" << reason;
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
