#pragma once

#include <QHostAddress>
#include <QObject>
#include <QTimer>
#include <QUdpSocket>

namespace d3::core {

/// Sends a worker's WorkerBeacon to a UDP address (the LAN's broadcast address, or a console's) every
/// WorkerBeacon::kIntervalMs, starting at once. Thread of its creation.
class BeaconSender : public QObject
{
    Q_OBJECT
public:
    /// Announces name (role) serving TCP port to target:targetPort.
    BeaconSender(const QString &name, const QString &role, quint16 port, QHostAddress target, quint16 targetPort,
                 QObject *parent = nullptr);

private:
    void send();

    QByteArray m_datagram;
    QHostAddress m_target;
    quint16 m_targetPort;
    QUdpSocket m_socket;
    QTimer m_timer;
};

} // namespace d3::core
