#pragma once

#include <QCoreApplication>

#include <functional>

namespace d3::test {

/// The event loop for tests of networked and timer-driven code.
class EventLoop
{
public:
    /// The process's QCoreApplication, created on first use.
    static QCoreApplication &app();
    /// Processes events until done() holds or ms pass; returns done().
    static bool spinUntil(const std::function<bool()> &done, int ms = 5000);
};

} // namespace d3::test
