#pragma once

#include <QRegularExpression>
#include <QString>

namespace d3::core {

/// One node of an experiment (docs/EXPERIMENTS.md, "nodes"): a local d3worker the run starts (slowdown, threads)
/// or a remote worker already running at address.
struct ExperimentNode {
    QString name;          ///< unique within the experiment, 1..128 characters of [A-Za-z0-9_.-]
    QString role;          ///< "device", "edge" or "cloud"
    double slowdown = 1;   ///< compute padding factor, 1..1000 (a remote worker's is set by SetSlowdown when given)
    int threads = 1;       ///< local only: torch threads, 1..256
    QString address;       ///< "HOST:PORT" of a remote worker, empty for a local one
    bool slowdownGiven = false; ///< the file gives "slowdown" (else a remote worker keeps the one it was started with)

    /// True for a worker the run starts itself (no address).
    bool isLocal() const { return address.isEmpty(); }

    /// What a node's name may be: 1..128 characters of [A-Za-z0-9_.-] (the parser and the console's Add dialog).
    static const QRegularExpression &namePattern()
    {
        static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9_.-]{1,128}$"));
        return pattern;
    }
    /// What a remote node's address may be: HOST:PORT, HOST a name, an IPv4 address or [IPv6], PORT 1..65535.
    static const QRegularExpression &addressPattern()
    {
        static const QRegularExpression pattern(
            QStringLiteral("^(\\[[0-9A-Fa-f:.]+\\]|[A-Za-z0-9_.-]+):([1-9][0-9]{0,3}|[1-5][0-9]{4}|6[0-4][0-9]{3}"
                           "|65[0-4][0-9]{2}|655[0-2][0-9]|6553[0-5])$"));
        return pattern;
    }
};

} // namespace d3::core
