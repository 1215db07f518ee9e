#pragma once

#include <QHostAddress>
#include <QString>
#include <QStringList>

#include <optional>

namespace d3::worker {

/// The command lines of kernel shaping (docs/ARCHITECTURE.md, Kernel shaping), as argument lists for `tc` and `ip`:
/// an htb qdisc (handle d3:) at the root of the interface that routes to the peer, a class d3:MINOR per destination
/// peer and a u32 filter on the peer's /32 at priority MINOR. Every argument comes from a number checked here, an
/// interface name checked here or an address QHostAddress parsed: never from a message's text. Pure; no root needed.
class TcCommand
{
public:
    /// The qdisc's handle (major number, hex) and the classes' parent.
    static constexpr const char *kHandle = "d3:";
    /// Highest class minor (one per peer).
    static constexpr int kMaxMinor = 0xfff;
    /// Lowest burst: ten full-size Ethernet frames.
    static constexpr qint64 kMinBurst = 10 * 1514;
    /// Highest burst (as SetLink's).
    static constexpr qint64 kMaxBurst = qint64(1) << 30;
    /// The default burst holds this long at the rate (htb refills in the kernel's timer ticks).
    static constexpr double kBurstMs = 5;

    /// A rate htb can be given.
    struct Rate {
        qint64 bitsPerSecond = 0; ///< 8000 .. 1e12 (1 Tbit/s)
        qint64 burstBytes = 0;    ///< kMinBurst .. kMaxBurst
        /// The same figures.
        bool operator==(const Rate &o) const { return bitsPerSecond == o.bitsPerSecond && burstBytes == o.burstBytes; }
    };

    /// A configured rate (Mbit/s, > 0 and <= 1e6) and burst (bytes; 0 = kBurstMs at the rate, at least kMinBurst)
    /// as htb's figures; nullopt with one line in *error.
    static std::optional<Rate> rate(double rateMbps, qint64 burstBytes, QString *error);
    /// True for a Linux interface name: 1..15 characters of letters, digits, '.', '-', '_', '@' (not starting with
    /// '-', not "." or "..").
    static bool isDeviceName(const QString &name);
    /// The interface `ip route get` names in its output ("... dev eth0 ..."); nullopt with one line in *error.
    static std::optional<QString> deviceOfRoute(const QString &output, QString *error);

    /// `ip route get ADDRESS` (IPv4 only: the filter matches IPv4).
    static QStringList routeGet(const QHostAddress &peer);
    /// The root htb qdisc; unclassified traffic passes unshaped.
    static QStringList addQdisc(const QString &device);
    /// The root qdisc removed (with its classes and filters).
    static QStringList deleteQdisc(const QString &device);
    /// A peer's class at rate.
    static QStringList addClass(const QString &device, int minor, const Rate &rate);
    /// A peer's class changed in place (no qdisc rebuilt, connections untouched).
    static QStringList changeClass(const QString &device, int minor, const Rate &rate);
    /// A peer's class removed (its filter first).
    static QStringList deleteClass(const QString &device, int minor);
    /// The filter sending packets to peer/32 to class minor.
    static QStringList addFilter(const QString &device, int minor, const QHostAddress &peer);
    /// The filter of class minor removed.
    static QStringList deleteFilter(const QString &device, int minor);
    /// The class id "d3:MINOR" (hex, as tc reads it).
    static QString classId(int minor);

private:
    static QStringList classArgs(const char *verb, const QString &device, int minor, const Rate &rate);
};

} // namespace d3::worker
