#pragma once

#include <QHostAddress>
#include <QString>

#include <memory>

namespace d3::bench {

/// Two network namespaces joined by a veth pair, as two hosts on a lab LAN (a sender and a receiver, eth0 each, on
/// $D3_LAB_SUBNET.0/24, default 10.213.250; names $D3_LAB_PREFIX, default d3bench-, then "sender"/"receiver"), for
/// the kernel's shaping to act on a real interface. Nothing is added to the host's own namespace; the destructor
/// removes both namespaces (their links with them), and a run that crashed is cleaned by the next one. A thread
/// enters a namespace with enter(): its sockets and the processes it starts (tc) live there. Needs root.
class NamespaceLan
{
public:
    /// Which end.
    enum class Side { Sender, Receiver };

    /// Makes the LAN; nullptr with one line in *error (not root, no namespaces or veth, ip missing).
    static std::unique_ptr<NamespaceLan> make(QString *error);
    /// Removes both namespaces.
    ~NamespaceLan();
    NamespaceLan(const NamespaceLan &) = delete;
    NamespaceLan &operator=(const NamespaceLan &) = delete;

    /// Moves the calling thread into side's namespace; false with one line in *error.
    bool enter(Side side, QString *error) const;
    /// Moves the calling thread back into the namespace make() was called in.
    bool leave(QString *error) const;
    /// The side's address on the LAN.
    QHostAddress address(Side side) const;
    /// The side's namespace name.
    QString name(Side side) const;

private:
    NamespaceLan() = default;
    void remove();

    bool setNamespace(int fd, const QString &what, QString *error) const;

    QString m_prefix;
    QString m_subnet;
    int m_home = -1; // the namespace make() was called in, held open
};

} // namespace d3::bench
