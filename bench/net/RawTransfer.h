#pragma once

#include <QByteArray>
#include <QString>
#include <QTcpServer>
#include <QTcpSocket>

#include <atomic>
#include <memory>

namespace d3::bench {

class ReceiverThread;

/// The baseline of the protocol-overhead benchmark: a plain QTcpSocket pair on loopback, with no framing, no
/// handshake and no shaping. The client, in the calling thread, writes the bytes; the server (in the calling thread
/// too, or in a ReceiverThread) reads them into one buffer of the announced size, allocated per transfer as a
/// receiver needs the bytes in memory, until all have arrived.
class RawTransfer
{
public:
    /// Listens on a free loopback port (in receiverThread when one is given) and connects to it; nullptr and one
    /// line in *error on failure.
    static std::unique_ptr<RawTransfer> open(QString *error, ReceiverThread *receiverThread = nullptr);
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

    ReceiverThread *m_receiverThread = nullptr;
    QTcpServer m_server;
    QTcpSocket m_client;
    QTcpSocket *m_accepted = nullptr;
    std::atomic<bool> m_connected{false};
    std::atomic<qint64> m_expected{0};  // bytes of the transfer under way, set before its first byte is written
    std::atomic<qint64> m_got{0};       // of them, received so far
    std::atomic<int> m_transfers{0};    // transfers begun
    int m_receiving = 0;                // the transfer m_received was allocated for (the server's thread only)
    QByteArray m_received;
};

} // namespace d3::bench
