#pragma once

#include <QByteArray>
#include <QList>

namespace d3::core {

/// Direct reads and writes on a connected TCP socket's descriptor, beside QTcpSocket's own buffers, for the bulk of
/// a frame: a frame's head and payload leave in one system call without first being copied into one buffer, and a
/// payload arrives straight in its own buffer instead of passing through the socket's read buffer (one copy in
/// user space less each way). None of them blocks or raises SIGPIPE. The caller keeps the stream in order: it
/// writes directly only while the socket has nothing queued, and reads directly only once the socket's read
/// buffer is empty. On an error they report nothing done and leave the error for the socket's own next read or
/// write to find. Where the platform has no such calls (not Unix) they do nothing and the socket carries all.
class SocketIo
{
public:
    /// Writes as much of pieces, in order, as the socket takes now; returns the bytes taken (0 when none).
    static qint64 write(qintptr descriptor, const QList<QByteArray> &pieces);
    /// Has the kernel acknowledge received bytes at once rather than after its delayed-ACK timer (TCP_QUICKACK,
    /// which holds until the kernel's own heuristics turn it off again): for a receiver in the middle of a large
    /// payload whose sender waits for acknowledgements to send the rest.
    static void acknowledgeNow(qintptr descriptor);
    /// Reads up to max bytes that have arrived to `to`; returns how many (0 when none, at the end of the stream
    /// or on an error).
    static qint64 read(qintptr descriptor, char *to, qint64 max);
};

} // namespace d3::core
