#pragma once

#include "experiment/Experiment.h"

#include <QApplication>
#include <QVector>

#include <functional>

namespace d3::ui {

class LayerGraphPanel;

/// What the console's tests share: one QApplication with private settings, the workers they started, a cluster to
/// open, and the operator's drag of a partition handle with the mouse.
namespace ConsoleTestSupport {

/// The tests' application (settings in a temporary XDG_CONFIG_HOME, debug logs off).
QApplication &app();
/// The d3worker processes alive that this test process started.
QVector<qint64> workers();
/// Serves events until done() or ms pass; true when done.
bool spinUntil(const std::function<bool()> &done, int ms = 60000);
/// alexnet on device (slowdown 3), edge1, edge2 and cloud, planner hpa, 1000 requests.
core::Experiment alexnetCluster();
/// Drags handle which (0: p, 1: q) of panel to cut `to` with mouse events on its view; returns the drag label shown
/// just before the release (its predicted latency included).
QString dragHandle(LayerGraphPanel *panel, int which, int to);

} // namespace ConsoleTestSupport
} // namespace d3::ui
