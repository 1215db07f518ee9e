#include "WorkerServer.h"

#include "WorkerLog.h"
#include "graph/ModelCatalog.h"
#include "graph/ModelParser.h"
#include "net/MessageType.h"
#include "net/PeerConnection.h"
#include "net/TensorCodec.h"

#include <QElapsedTimer>
#include <QTcpSocket>

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

WorkerServer::WorkerServer(QString role, QString name, QByteArray token, double slowdown, QObject *parent)
    : QObject(parent)
    , m_role(std::move(role))
    , m_name(std::move(name))
    , m_token(std::move(token))
    , m_slowdown(std::max(1.0, slowdown))
{
    m_computeContext = new QObject;
    m_computeContext->moveToThread(&m_computeThread);
    connect(&m_computeThread, &QThread::finished, m_computeContext, &QObject::deleteLater);
    m_computeThread.setObjectName(QStringLiteral("compute"));
    m_computeThread.start();
    connect(&m_server, &QTcpServer::newConnection, this, &WorkerServer::onConnection);
}

WorkerServer::~WorkerServer()
{
    m_computeThread.quit();
    m_computeThread.wait();
}

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
        connect(peer, &core::PeerConnection::authenticated, this,
                [this, peer] { qCInfo(lcWorker) << m_name << "accepted" << peer->peerName(); });
    }
}

void WorkerServer::onFrame(core::PeerConnection *peer, const core::Frame &frame)
{
    switch (core::MessageType(frame.type)) {
    case core::MessageType::Heartbeat:
        peer->send(reply(core::MessageType::Heartbeat, frame.requestId));
        break;
    case core::MessageType::Load:
        load(peer, frame);
        break;
    case core::MessageType::RunRange:
        runRange(peer, frame);
        break;
    default:
        peer->close(QStringLiteral("refused: message type %1 is not served by a worker").arg(frame.type));
    }
}

void WorkerServer::replyError(core::PeerConnection *peer, quint64 requestId, const QString &message)
{
    qCWarning(lcWorker) << m_name << "request" << requestId << "failed:" << message;
    peer->send(reply(core::MessageType::Error, requestId, {{QStringLiteral("message"), message}}));
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
    weights.seed = quint64(frame.header.value(QStringLiteral("seed")).toInteger(1));
    QPointer<core::PeerConnection> target(peer);
    const quint64 id = frame.requestId;
    QMetaObject::invokeMethod(m_computeContext, [this, target, id, graph = *graph, weights] {
        QElapsedTimer timer;
        timer.start();
        QString error;
        std::shared_ptr<engine::Engine> built(engine::Engine::create(graph, weights, &error));
        const double ms = timer.nsecsElapsed() / 1e6;
        QMetaObject::invokeMethod(this, [this, target, id, built, error, ms, graph] {
            if (!target)
                return;
            if (!built)
                return replyError(target, id, error);
            m_engine = built;
            target->send(reply(core::MessageType::Loaded, id,
                               {{QStringLiteral("model"), graph.name()},
                                {QStringLiteral("layers"), graph.layerCount()},
                                {QStringLiteral("fingerprint"), built->fingerprint()},
                                {QStringLiteral("build_ms"), ms}}));
        });
    });
}

void WorkerServer::runRange(core::PeerConnection *peer, const core::Frame &frame)
{
    if (!m_engine)
        return replyError(peer, frame.requestId, QStringLiteral("no model loaded"));
    QString error;
    auto tensors = core::TensorCodec::decode(frame, &error);
    if (!tensors)
        return replyError(peer, frame.requestId, error);
    const int a = int(frame.header.value(QStringLiteral("a")).toInteger(-1));
    const int b = int(frame.header.value(QStringLiteral("b")).toInteger(-1));
    QPointer<core::PeerConnection> target(peer);
    const quint64 id = frame.requestId;
    std::shared_ptr<engine::Engine> engine = m_engine;
    QMetaObject::invokeMethod(m_computeContext, [this, target, id, engine, a, b, in = std::move(*tensors)] {
        QElapsedTimer timer;
        timer.start();
        QString error;
        const auto out = engine->runRange(a, b, in, &error);
        const double measured = timer.nsecsElapsed() / 1e6;
        if (m_slowdown > 1.0) // pad to slowdown x the measured time, on this (compute) thread
            QThread::usleep((unsigned long)((m_slowdown - 1.0) * measured * 1000.0));
        const double ms = timer.nsecsElapsed() / 1e6;
        QMetaObject::invokeMethod(this, [this, target, id, out, error, ms] {
            if (!target)
                return;
            if (!out)
                return replyError(target, id, error);
            core::Frame f = reply(core::MessageType::RangeResult, id, {{QStringLiteral("compute_ms"), ms}});
            core::TensorCodec::encode(*out, &f);
            target->send(f);
        });
    });
}

} // namespace d3::worker
