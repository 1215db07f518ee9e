#include "ReceiverThread.h"

#include <QCoreApplication>
#include <QObject>
#include <QTcpServer>

namespace d3::bench {

ReceiverThread::ReceiverThread()
{
    m_context = new QObject;
    m_context->moveToThread(&m_thread);
    QObject::connect(&m_thread, &QThread::finished, m_context, &QObject::deleteLater);
    m_thread.setObjectName(QStringLiteral("receiver"));
    m_thread.start();
}

ReceiverThread::~ReceiverThread()
{
    m_thread.quit();
    m_thread.wait();
}

void ReceiverThread::call(const std::function<void()> &fn)
{
    QMetaObject::invokeMethod(m_context, fn, Qt::BlockingQueuedConnection);
}

bool ReceiverThread::listenOnLoopback(QTcpServer &server, ReceiverThread *thread, const QHostAddress &address)
{
    bool listening = false;
    auto listen = [&server, &listening, &address] { listening = server.listen(address, 0); };
    if (!thread) {
        listen();
        return listening;
    }
    server.moveToThread(thread->thread());
    thread->call(listen);
    return listening;
}

void ReceiverThread::closeServer(QTcpServer &server, ReceiverThread *thread, const std::function<void()> &cleanup)
{
    QThread *home = QThread::currentThread();
    auto close = [&server, &cleanup, home] {
        cleanup();
        server.close();
        server.moveToThread(home);
    };
    if (thread)
        thread->call(close);
    else
        close();
}

void ReceiverThread::wakeMainThread()
{
    QMetaObject::invokeMethod(QCoreApplication::instance(), [] {}, Qt::QueuedConnection);
}

} // namespace d3::bench
