#include "SocketIo.h"

#ifdef Q_OS_UNIX
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <sys/uio.h>

#include <cerrno>
#endif

namespace d3::core {

#ifdef Q_OS_UNIX

qint64 SocketIo::write(qintptr descriptor, const QList<QByteArray> &pieces)
{
    constexpr int kMaxPieces = 64; // well under IOV_MAX; the caller sends later pieces another way
    iovec iov[kMaxPieces];
    int count = 0;
    for (const QByteArray &piece : pieces) {
        if (count == kMaxPieces)
            break;
        iov[count].iov_base = const_cast<char *>(piece.constData());
        iov[count].iov_len = size_t(piece.size());
        ++count;
    }
    msghdr message{};
    message.msg_iov = iov;
    message.msg_iovlen = size_t(count);
    ssize_t written = -1;
    do
        written = ::sendmsg(int(descriptor), &message, MSG_NOSIGNAL | MSG_DONTWAIT);
    while (written < 0 && errno == EINTR);
    return written > 0 ? qint64(written) : 0;
}

void SocketIo::acknowledgeNow(qintptr descriptor)
{
#ifdef TCP_QUICKACK
    const int on = 1;
    ::setsockopt(int(descriptor), IPPROTO_TCP, TCP_QUICKACK, &on, socklen_t(sizeof on));
#else
    Q_UNUSED(descriptor);
#endif
}

qint64 SocketIo::read(qintptr descriptor, char *to, qint64 max)
{
    ssize_t got = -1;
    do
        got = ::recv(int(descriptor), to, size_t(max), MSG_DONTWAIT);
    while (got < 0 && errno == EINTR);
    return got > 0 ? qint64(got) : 0;
}

#else

qint64 SocketIo::write(qintptr, const QList<QByteArray> &)
{
    return 0;
}

void SocketIo::acknowledgeNow(qintptr)
{
}

qint64 SocketIo::read(qintptr, char *, qint64)
{
    return 0;
}

#endif

} // namespace d3::core
