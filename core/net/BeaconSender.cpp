#include "BeaconSender.h"

#include "NetLog.h"
#include "WorkerBeacon.h"

namespace d3::core {

BeaconSender::BeaconSender(const QString &name, const QString &role, quint16 port, QHostAddress target,
                           quint16 targetPort, QObject *parent)
    : QObject(parent)
    , m_datagram(WorkerBeacon::datagram(name, role, port))
    , m_target(std::move(target))
    , m_targetPort(targetPort)
{
    connect(&m_timer, &QTimer::timeout, this, &BeaconSender::send);
    m_timer.start(WorkerBeacon::kIntervalMs);
    QTimer::singleShot(0, this, &BeaconSender::send);
}

void BeaconSender::send()
{
    if (m_socket.writeDatagram(m_datagram, m_target, m_targetPort) < 0)
        qCDebug(lcNet) << "beacon to" << m_target << m_targetPort << "not sent:" << m_socket.errorString();
}

} // namespace d3::core
