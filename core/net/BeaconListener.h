#pragma once

#include "WorkerBeacon.h"

#include <QObject>
#include <QUdpSocket>

namespace d3::core {

/// Listens for WorkerBeacon announcements on a UDP port (only while the operator agreed to: the console starts
/// it on request). Each well-formed announcement is reported; anything else is dropped. Thread of its creation.
class BeaconListener : public QObject
{
    Q_OBJECT
public:
    /// Not listening yet.
    explicit BeaconListener(QObject *parent = nullptr);

    /// Binds the UDP port (shared with other listeners on the machine); false with one line.
    bool start(quint16 port, QString *error);
    /// Stops listening.
    void stop();
    /// True while bound.
    bool isListening() const { return m_socket.state() == QAbstractSocket::BoundState; }
    /// The bound port (0 when not listening).
    quint16 port() const { return m_socket.localPort(); }

Q_SIGNALS:
    /// A worker announced itself.
    void heard(const d3::core::WorkerBeacon &beacon);

private:
    void read();

    QUdpSocket m_socket;
};

} // namespace d3::core
