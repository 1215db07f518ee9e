#pragma once

#include <QString>
#include <QtGlobal>

namespace d3::core {

/// What one d3worker process of a LocalCluster runs as (its command-line options).
struct WorkerSpec {
    /// The node's name (--name): unique within a cluster, 1 to 128 characters.
    QString name;
    /// The node's role (--role): "device", "edge" or "cloud"; d3worker itself checks it.
    QString role;
    /// Compute padding factor (--slowdown), >= 1: the node computes this many times slower than the machine.
    double slowdown = 1.0;
    /// Torch threads of the node (--threads).
    int threads = 1;
    /// A weights file passed as --weights FILE when non-empty (chosen by the local user, never by the wire).
    QString weightsFile;
    /// Passes --ignore-extra-weights: the weights file may hold tensors the model does not use.
    bool ignoreExtraWeights = false;
};

/// Where a running worker of a LocalCluster listens. port and pid are 0 while the worker is down.
struct WorkerEndpoint {
    /// The worker's name (its WorkerSpec's).
    QString name;
    /// The worker's role (its WorkerSpec's).
    QString role;
    /// The address it listens on (loopback).
    QString host;
    /// The port it reported, 0 while down.
    quint16 port = 0;
    /// Its process id, 0 while down.
    qint64 pid = 0;
};

} // namespace d3::core
