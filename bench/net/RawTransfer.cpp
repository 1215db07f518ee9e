#include "RawTransfer.h"
#include "util/EventWait.h"


namespace d3::bench {

RawTransfer::~RawTransfer() = default;

std::unique_ptr<RawTransfer> RawTransfer::open(QString *error)
{
    std::unique_ptr<RawTransfer> raw(new RawTransfer);
    RawTransfer *r = raw.get();
    if (!r->m_server.listen(QHostAddress::LocalHost, 0)) {
        *error = QStringLiteral("cannot listen on loopback: ") + r->m_server.errorString();
        return nullptr;
    }
    r->m_client.connectToHost(QHostAddress::LocalHost, r->m_server.serverPort());
    const bool ok = core::EventWait::until([r] {
        if (!r->m_accepted && r->m_server.hasPendingConnections()) {
            r->m_accepted = r->m_server.nextPendingConnection();
            QObject::connect(r->m_accepted, &QTcpSocket::readyRead, r->m_accepted, [r] { r->onReadyRead(); });
        }
        return r->m_accepted && r->m_client.state() == QAbstractSocket::ConnectedState;
    }, 5000);
    if (!ok) {
        *error = QStringLiteral("the raw loopback connection did not open within 5 s");
        return nullptr;
    }
    return raw;
}

void RawTransfer::onReadyRead()
{
    if (m_got >= m_received.size())
        return;
    const qint64 n = m_accepted->read(m_received.data() + m_got, m_received.size() - m_got);
    if (n > 0)
        m_got += n;
}

bool RawTransfer::transfer(const QByteArray &bytes, QString *error)
{
    m_received = QByteArray(bytes.size(), Qt::Uninitialized);
    m_got = 0;
    m_client.write(bytes);
    const qint64 size = bytes.size();
    if (!core::EventWait::until([this, size] { return m_got >= size || m_client.state() != QAbstractSocket::ConnectedState; },
                          60000)
        || m_got < size) {
        *error = QStringLiteral("raw transfer: %1 of %2 bytes arrived (%3)")
                     .arg(m_got)
                     .arg(size)
                     .arg(m_client.errorString());
        return false;
    }
    return true;
}

} // namespace d3::bench
