#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QString>

#include <optional>

namespace d3::core {

/// The LAN announcement of a worker started with `d3worker --beacon` (docs/PROTOCOL.md, "Discovery"): a small
/// UDP datagram, broadcast every kIntervalMs, saying which role and name serve on which TCP port. It carries no
/// secret: a console that hears it still has to authenticate with the cluster's token. Datagrams are untrusted
/// input: parse() takes only a well-formed announcement of at most kMaxBytes.
struct WorkerBeacon {
    static constexpr quint16 kPort = 47300;   ///< default UDP port the console listens on
    static constexpr int kIntervalMs = 2000;  ///< time between two announcements
    static constexpr int kMaxBytes = 512;     ///< longest datagram accepted

    QString name;       ///< the worker's name
    QString role;       ///< "device", "edge" or "cloud"
    QHostAddress host;  ///< the sender's address (where the datagram came from)
    quint16 port = 0;   ///< the worker's TCP port

    /// The datagram announcing name (role) on TCP port.
    static QByteArray datagram(const QString &name, const QString &role, quint16 port);
    /// The announcement in bytes received from sender, or nullopt when it is not one.
    static std::optional<WorkerBeacon> parse(const QByteArray &bytes, const QHostAddress &sender);
    /// "HOST:PORT" of the worker (IPv6 hosts in brackets).
    QString address() const;
};

} // namespace d3::core
