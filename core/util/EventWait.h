#pragma once

#include <functional>

namespace d3::core {

/// Runs this thread's event loop until a condition holds, sleeping between events (no busy wait: on a small machine
/// a spinning waiter takes a core from the workers it waits for), so that sockets, processes and timers are served
/// while a caller (a CLI command, a benchmark, a test) waits for them. A condition that no event of this thread
/// changes is looked at every 20 ms.
class EventWait
{
public:
    /// Processes events until done() holds or timeoutMs pass; returns done().
    static bool until(const std::function<bool()> &done, int timeoutMs);
};

} // namespace d3::core
