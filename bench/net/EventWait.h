#pragma once

#include <functional>

namespace d3::bench {

/// Runs this thread's event loop until a condition holds, sleeping between events (no busy wait), so that the
/// sockets and timers of both ends of a loopback link are served while a benchmark waits for them.
class EventWait
{
public:
    /// Processes events until done() holds or timeoutMs pass; returns done().
    static bool until(const std::function<bool()> &done, int timeoutMs);
};

} // namespace d3::bench
