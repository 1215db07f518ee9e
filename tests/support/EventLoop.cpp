#include "EventLoop.h"

#include "util/EventWait.h"

namespace d3::test {

QCoreApplication &EventLoop::app()
{
    if (QCoreApplication *existing = QCoreApplication::instance())
        return *existing;
    static int argc = 1;
    static char name[] = "d3lab_tests";
    static char *argv[] = {name, nullptr};
    static QCoreApplication instance(argc, argv);
    return instance;
}

bool EventLoop::spinUntil(const std::function<bool()> &done, int ms)
{
    app();
    return core::EventWait::until(done, ms); // sleeps between events: a spinning test would take a core from the workers
}

} // namespace d3::test
