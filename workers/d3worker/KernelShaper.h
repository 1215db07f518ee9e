#pragma once

#include "TcCommand.h"

#include <QHash>
#include <QHostAddress>
#include <QSet>
#include <QString>

#include <optional>

namespace d3::worker {

/// Kernel shaping of this worker's outgoing links (d3worker --kernel-shaping; docs/ARCHITECTURE.md, Kernel shaping):
/// the rate of a link is an htb class on the interface that routes to the receiving worker, with a u32 filter on
/// that worker's address as this worker's own connection to it sees it (never an address from a message). A rate
/// set before the connection exists is installed when it is made (attach()); a live change is `tc class change`,
/// so the qdisc stays and the connection with it. Runs /usr/sbin/tc and ip (each with a deadline) on arguments from
/// TcCommand. Removes its classes on reset() and its qdiscs when destroyed. Lives in the worker's thread.
class KernelShaper
{
public:
    /// How long one tc or ip may take.
    static constexpr int kDeadlineMs = 3000;

    /// The shaper of the worker called name (for error lines).
    explicit KernelShaper(QString name);
    ~KernelShaper();
    KernelShaper(const KernelShaper &) = delete;
    KernelShaper &operator=(const KernelShaper &) = delete;

    /// True if tc and ip are there to run; else false with one line in *error.
    static bool available(QString *error);

    /// The kernel shapes the link to `to` at rate (TcCommand::rate's checks) from now on: changed in place when
    /// installed, else kept until attach(). False with one line in *error naming the worker and the link.
    bool setRate(const QString &to, double rateMbps, qint64 burstBytes, QString *error);
    /// This worker's connection to `to` is up with the peer at address: installs the link's class and filter (or
    /// moves the filter to a new address). True when the link is not kernel-shaped. False with one line in *error.
    bool attach(const QString &to, const QHostAddress &address, QString *error);
    /// The link is no longer kernel-shaped: its filter and class are removed.
    void reset(const QString &to);
    /// The figures the link to `to` is kernel-shaped at; nullopt if it is not.
    std::optional<TcCommand::Rate> rate(const QString &to) const;

private:
    struct Link {
        TcCommand::Rate rate;
        int minor = 0;
        QString device;       // "" until installed
        QHostAddress address; // the filter's destination
    };
    bool install(const QString &to, Link &link, const QHostAddress &address, QString *error);
    void uninstall(const QString &to, Link &link);
    bool tc(const QStringList &args, const QString &to, QString *error);
    bool run(const QString &program, const QStringList &args, const QString &to, QString *output, QString *error);
    QString where(const QString &to) const;

    QString m_name;
    QHash<QString, Link> m_links;
    QHash<QString, int> m_minors;  // a peer keeps its class number for the process's life
    QSet<QString> m_devices;       // interfaces whose root qdisc this worker installed
};

} // namespace d3::worker
