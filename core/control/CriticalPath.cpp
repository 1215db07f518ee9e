#include "CriticalPath.h"

#include <QHash>
#include <QMap>

#include <algorithm>

namespace d3::core {
namespace {

bool inTilePhase(const HopReport &h)
{
    if (h.kind == HopReport::Kind::Compute)
        return h.stage == StageKind::Tiles;
    return h.data == DataKind::TileIn || h.data == DataKind::TileOut;
}

/// One tile's reports.
struct TileHops {
    QString sender;      // who sent its input ("" when its node had the input already)
    double inMs = 0;     // its input's transfer
    QString node;        // who computed it
    double decodeInMs = 0;
    double computeMs = 0;
    double outMs = 0;    // its output's transfer to the stitcher (0 when the stitcher computed it)
    double decodeOutMs = 0;
};

} // namespace

double CriticalPath::ms(const QVector<HopReport> &hops, const QString &stitcher)
{
    double sequential = 0;
    QMap<int, TileHops> tiles; // by tile index: the order a sender sends them in
    for (const HopReport &h : hops) {
        if (!inTilePhase(h)) {
            sequential += h.ms;
            continue;
        }
        TileHops &t = tiles[h.tile];
        const bool in = h.data == DataKind::TileIn;
        switch (h.kind) {
        case HopReport::Kind::Compute:
            t.node = h.node;
            t.computeMs += h.ms;
            break;
        case HopReport::Kind::Transfer:
            if (in) {
                t.sender = h.node;
                t.inMs += h.ms;
            } else {
                t.outMs += h.ms;
            }
            break;
        case HopReport::Kind::Decode:
            (in ? t.decodeInMs : t.decodeOutMs) += h.ms;
            break;
        }
    }
    if (tiles.isEmpty())
        return sequential;

    // Inputs leave each sender one after another, in tile order.
    QHash<QString, double> sendFree;
    QMap<int, double> inputThere;
    for (auto it = tiles.cbegin(); it != tiles.cend(); ++it) {
        double &free = sendFree[it->sender];
        free += it->inMs;
        inputThere.insert(it.key(), it->sender.isEmpty() ? 0 : free);
    }
    // Each node's compute thread takes its tiles (decode, then compute) as their inputs arrive.
    const auto byArrival = [&](const QVector<int> &ids, const QMap<int, double> &ready) {
        QVector<int> order = ids;
        std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return ready.value(a) < ready.value(b); });
        return order;
    };
    QHash<QString, QVector<int>> tilesOf;
    for (auto it = tiles.cbegin(); it != tiles.cend(); ++it)
        tilesOf[it->node].append(it.key());
    QMap<int, double> computed;
    QHash<QString, double> computeFree;
    for (auto node = tilesOf.cbegin(); node != tilesOf.cend(); ++node) {
        double free = 0;
        for (int id : byArrival(node.value(), inputThere)) {
            free = std::max(free, inputThere.value(id)) + tiles[id].decodeInMs + tiles[id].computeMs;
            computed.insert(id, free);
        }
        computeFree.insert(node.key(), free);
    }
    // Outputs leave each tile node one after another as they are done; the stitcher decodes them as they arrive.
    QMap<int, double> outputThere;
    QVector<int> remote;
    for (auto node = tilesOf.cbegin(); node != tilesOf.cend(); ++node) {
        double free = 0;
        for (int id : byArrival(node.value(), computed)) {
            if (node.key() == stitcher) {
                outputThere.insert(id, computed.value(id));
                continue;
            }
            free = std::max(free, computed.value(id)) + tiles[id].outMs;
            outputThere.insert(id, free);
            remote.append(id);
        }
    }
    double stitched = computeFree.value(stitcher);
    for (int id : byArrival(remote, outputThere))
        stitched = std::max(stitched, outputThere.value(id)) + tiles[id].decodeOutMs;
    for (double there : outputThere)
        stitched = std::max(stitched, there);
    return sequential + stitched;
}

} // namespace d3::core
