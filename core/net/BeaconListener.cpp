#include "BeaconListener.h"

#include "NetLog.h"

#include <QNetworkDatagram>

namespace d3::core {

BeaconListener::BeaconListener(QObject *parent)
    : QObject(parent)
{
    connect(&m_socket, &QUdpSocket::readyRead, this, &BeaconListener::read);
}

bool BeaconListener::start(quint16 port, QString *error)
{
    stop();
    if (!m_socket.bind(QHostAddress::AnyIPv4, port, QUdpSocket::ShareAddress | QUdpSocket::ReuseAddressHint)) {
        *error = QStringLiteral("cannot listen for workers on UDP port %1: %2").arg(port).arg(m_socket.errorString());
        return false;
    }
    return true;
}

void BeaconListener::stop()
{
    m_socket.close();
}

void BeaconListener::read()
{
    while (m_socket.hasPendingDatagrams()) {
        const QNetworkDatagram d = m_socket.receiveDatagram(WorkerBeacon::kMaxBytes + 1);
        if (const auto b = WorkerBeacon::parse(d.data(), d.senderAddress()))
            Q_EMIT heard(*b);
        else
            qCDebug(lcNet) << "ignored a datagram of" << d.data().size() << "bytes from" << d.senderAddress();
    }
}

} // namespace d3::core
