#pragma once

#include <QHostAddress>
#include <QThread>

#include <functional>

class QObject;
class QTcpServer;

namespace d3::bench {

/// A thread with an event loop of its own for the receiving ends of a benchmark, as a peer on another node has a
/// process of its own: what the sender and the receiver do overlaps as it would between two nodes, instead of
/// taking turns on one event loop.
class ReceiverThread
{
public:
    /// Starts the thread.
    ReceiverThread();
    /// Stops the thread (what call() made there must be gone by then).
    ~ReceiverThread();
    ReceiverThread(const ReceiverThread &) = delete;
    ReceiverThread &operator=(const ReceiverThread &) = delete;

    /// The thread, to move objects to.
    QThread *thread() { return &m_thread; }
    /// Runs fn in the thread and returns once it has run.
    void call(const std::function<void()> &fn);
    /// Listens with server on a free port of address (loopback by default), in thread (which server moves to) or,
    /// without one, in the calling thread; false if it cannot.
    static bool listenOnLoopback(QTcpServer &server, ReceiverThread *thread,
                                 const QHostAddress &address = QHostAddress(QHostAddress::LocalHost));
    /// Runs cleanup where server lives (thread, or the calling thread without one), closes server and brings it
    /// back to the calling thread, to be destroyed there.
    static void closeServer(QTcpServer &server, ReceiverThread *thread, const std::function<void()> &cleanup);
    /// Wakes the main thread's event loop (from any thread), so that a core::EventWait there looks at its
    /// condition again at once.
    static void wakeMainThread();

private:
    QThread m_thread;
    QObject *m_context = nullptr; // lives in m_thread
};

} // namespace d3::bench
