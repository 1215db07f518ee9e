#pragma once

#include "experiment/Experiment.h"

#include <QApplication>
#include <QVector>

#include <functional>

namespace d3::ui {

class Console;
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
/// Opens experiment in console (shown) and waits until it can run; false with a test failure otherwise.
bool openReady(Console &console, const core::Experiment &experiment);
/// Opens experiment, presses Run and waits for requests of them; false with a test failure otherwise.
bool openAndRun(Console &console, const core::Experiment &experiment, qsizetype requests);
/// Waits until no request of console's session is in flight and none starts (after a pause).
void settle(Console &console);
/// Drags handle which (0: p, 1: q) of panel to cut `to` with mouse events on its view; returns the drag label shown
/// just before the release (its predicted latency included).
QString dragHandle(LayerGraphPanel *panel, int which, int to);

} // namespace ConsoleTestSupport
} // namespace d3::ui
