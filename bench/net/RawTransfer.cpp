#include "RawTransfer.h"
#include "ReceiverThread.h"
#include "util/EventWait.h"

namespace d3::bench {

RawTransfer::~RawTransfer()
{
    // The server's side goes in its own thread.
    ReceiverThread::closeServer(m_server, m_receiverThread, [this] {
        delete m_accepted;
        m_accepted = nullptr;
    });
}

std::unique_ptr<RawTransfer> RawTransfer::open(QString *error, ReceiverThread *receiverThread)
{
    std::unique_ptr<RawTransfer> raw(new RawTransfer);
    RawTransfer *r = raw.get();
    r->m_receiverThread = receiverThread;
    QObject::connect(&r->m_server, &QTcpServer::newConnection, &r->m_server, [r] {
        if (r->m_accepted)
            return;
        r->m_accepted = r->m_server.nextPendingConnection();
        QObject::connect(r->m_accepted, &QTcpSocket::readyRead, r->m_accepted, [r] { r->onReadyRead(); });
        r->m_connected.store(true);
        ReceiverThread::wakeMainThread();
    });
    if (!ReceiverThread::listenOnLoopback(r->m_server, receiverThread)) {
        *error = QStringLiteral("cannot listen on loopback: ") + r->m_server.errorString();
        return nullptr;
    }
    r->m_client.connectToHost(QHostAddress::LocalHost, r->m_server.serverPort());
    const bool ok = core::EventWait::until(
        [r] { return r->m_connected.load() && r->m_client.state() == QAbstractSocket::ConnectedState; }, 5000);
    if (!ok) {
        *error = QStringLiteral("the raw loopback connection did not open within 5 s");
        return nullptr;
    }
    return raw;
}

void RawTransfer::onReadyRead()
{
    const int transfer = m_transfers.load(std::memory_order_acquire);
    const qint64 expected = m_expected.load(std::memory_order_acquire);
    if (transfer != m_receiving) { // the first bytes of a new transfer: its buffer, as a receiver allocates it
        m_receiving = transfer;
        m_received = QByteArray(qsizetype(expected), Qt::Uninitialized);
    }
    const qint64 got = m_got.load(std::memory_order_relaxed);
    if (got >= expected)
        return;
    const qint64 n = m_accepted->read(m_received.data() + got, expected - got);
    if (n <= 0)
        return;
    m_got.store(got + n, std::memory_order_release);
    if (got + n >= expected && m_receiverThread)
        ReceiverThread::wakeMainThread();
}

bool RawTransfer::transfer(const QByteArray &bytes, QString *error)
{
    const qint64 size = bytes.size();
    m_got.store(0, std::memory_order_relaxed);
    m_expected.store(size, std::memory_order_relaxed);
    m_transfers.fetch_add(1, std::memory_order_release);
    m_client.write(bytes);
    if (!core::EventWait::until([this, size] { return m_got.load(std::memory_order_acquire) >= size
                                                     || m_client.state() != QAbstractSocket::ConnectedState; },
                                60000)
        || m_got.load() < size) {
        *error = QStringLiteral("raw transfer: %1 of %2 bytes arrived (%3)")
                     .arg(m_got.load())
                     .arg(size)
                     .arg(m_client.errorString());
        return false;
    }
    return true;
}

} // namespace d3::bench
