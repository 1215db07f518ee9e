#pragma once

#include <QByteArray>
#include <QString>
#include <QTcpServer>
#include <QTcpSocket>

#include <memory>

namespace d3::bench {

/// The baseline of the protocol-overhead benchmark: a plain QTcpSocket pair on loopback in the calling thread, with
/// no framing, no handshake and no shaping. The client writes the bytes; the server reads them into one buffer of
/// the announced size (allocated per transfer, as a receiver needs the bytes in memory) until all have arrived.
class RawTransfer
{
public:
    /// Listens on a free loopback port and connects to it; nullptr and one line in *error on failure.
    static std::unique_ptr<RawTransfer> open(QString *error);
    /// Closes both sockets.
    ~RawTransfer();

    /// Writes bytes and runs the event loop until the server holds all of them; false and one line in *error on
    /// a socket error or after 60 s.
    bool transfer(const QByteArray &bytes, QString *error);
    /// What the server received in the last transfer.
    const QByteArray &received() const { return m_received; }

private:
    RawTransfer() = default;
    void onReadyRead();

    QTcpServer m_server;
    QTcpSocket m_client;
    QTcpSocket *m_accepted = nullptr;
    QByteArray m_received;
    qint64 m_got = 0;
};

} // namespace d3::bench
