#pragma once

#include "MessageType.h"
#include "ShaperKind.h"

#include <QCborMap>
#include <QString>
#include <QVector>

#include <optional>

namespace d3::core {

// Shaping and measuring the links between workers (docs/PROTOCOL.md, Links), one definition for both ends.

/// controller -> worker: shape the worker's link to another worker; answered by LinkStats.
struct SetLinkMessage {
    static constexpr MessageType kType = MessageType::SetLink;
    QString to;             ///< the receiving worker's name (one the worker knows)
    double rateMbps = 0;    ///< 0 = unlimited, else up to 1e6
    qint64 burstBytes = 0;  ///< 0..1 GiB (0: the shaper's default)
    double delayMs = 0;     ///< one-way delay, 0..60000
    /// What imposes the rate ("shaper", absent = process: what a controller that predates it means). A worker that
    /// predates it ignores it and answers LinkStats without "shaper", which the controller takes as a refusal.
    ShaperKind shaper = ShaperKind::Process;
    /// The header.
    QCborMap toCbor() const;
    /// Reads and checks a header; nullopt with one line in *error.
    static std::optional<SetLinkMessage> fromCbor(const QCborMap &map, QString *error);
};

/// controller -> worker: asks for LinkStats.
struct GetLinksMessage {
    static constexpr MessageType kType = MessageType::GetLinks;
    /// The header (empty).
    QCborMap toCbor() const { return {}; }
    /// Reads a header (nothing to check).
    static std::optional<GetLinksMessage> fromCbor(const QCborMap &, QString *) { return GetLinksMessage{}; }
};

/// One of a worker's outgoing links.
struct LinkStat {
    QString to;             ///< the receiving worker
    double rateMbps = 0;    ///< configured rate (0 = unlimited)
    qint64 burstBytes = 0;  ///< configured burst
    double delayMs = 0;     ///< configured one-way delay
    bool connected = false; ///< an authenticated connection is open
    qint64 bytes = 0;       ///< bytes sent on it
    double busyMs = 0;      ///< time with bytes waiting to be sent
    double measuredMbps = 0;///< bytes * 8 / busy time
    /// What imposes the rate; nullopt from a worker that predates the field (it shapes in-process only).
    std::optional<ShaperKind> shaper;
};

/// worker -> controller: every outgoing link of the worker.
struct LinkStatsMessage {
    static constexpr MessageType kType = MessageType::LinkStats;
    QString node;           ///< the worker
    QVector<LinkStat> links;///< its links
    /// The header.
    QCborMap toCbor() const;
    /// Reads and checks a header; nullopt with one line in *error.
    static std::optional<LinkStatsMessage> fromCbor(const QCborMap &map, QString *error);
};

} // namespace d3::core
