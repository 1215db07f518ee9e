#include "EventLoop.h"

#include <QDeadlineTimer>

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
    QDeadlineTimer deadline(ms);
    while (!done() && !deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    return done();
}

} // namespace d3::test
