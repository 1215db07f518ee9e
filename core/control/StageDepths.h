#pragma once

#include "protocol/Deployment.h"
#include "protocol/HopReport.h"

#include <QHash>
#include <QStringList>

#include <array>
#include <memory>

namespace d3::core {

/// Where a stream's requests are, for the console's live queue depths: how many wait at the device to be sent, and
/// of those in flight, how many are at each stage (computing there, or waiting for or travelling to its compute
/// thread: the first stage of its plan whose computations have not all been reported) or on their way back (every
/// computation reported). Fed by the stream driver; one thread.
class StageDepths
{
public:
    /// The places, in request order.
    enum Place { Waiting, Device, Tiles, Edge, Cloud, Returning, Places };
    /// Their names, in Place order: "waiting", "device", "tiles", "edge", "cloud", "return".
    static QStringList placeNames();

    /// Counts per place.
    using Counts = std::array<int, Places>;

    /// A request sent on deployment d.
    void sent(quint64 id, std::shared_ptr<const Deployment> d);
    /// One of its hop reports arrived.
    void reported(quint64 id, const HopReport &report);
    /// It completed or failed.
    void ended(quint64 id) { m_flights.remove(id); }
    /// Requests waiting at the device to be sent.
    void setWaiting(int waiting) { m_waiting = waiting; }
    /// How many are where now.
    Counts counts() const;

private:
    struct Flight {
        std::shared_ptr<const Deployment> deployment;
        std::array<int, 4> computed{}; // compute reports per StageKind
    };
    QHash<quint64, Flight> m_flights;
    int m_waiting = 0;
};

} // namespace d3::core
