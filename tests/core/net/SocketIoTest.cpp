#include "net/SocketIo.h"

#include <gtest/gtest.h>

#include <sys/socket.h>
#include <unistd.h>

namespace d3::core {
namespace {

/// A connected pair of stream sockets, closed at the end.
struct SocketPair {
    int fd[2] = {-1, -1};
    SocketPair() { EXPECT_EQ(::socketpair(AF_UNIX, SOCK_STREAM, 0, fd), 0); }
    ~SocketPair()
    {
        for (int f : fd)
            if (f >= 0)
                ::close(f);
    }
};

TEST(SocketIoTest, WritesPiecesInOrderInOneCallAndReadsWhatArrived)
{
    SocketPair pair;
    const QByteArray head("HEAD"), payload(10000, 'p'), tail("tail");
    EXPECT_EQ(SocketIo::write(pair.fd[0], {head, payload, tail}), head.size() + payload.size() + tail.size());
    QByteArray got(head.size() + payload.size() + tail.size() + 16, '\0');
    qint64 at = 0;
    while (at < head.size() + payload.size() + tail.size()) {
        const qint64 n = SocketIo::read(pair.fd[1], got.data() + at, got.size() - at);
        ASSERT_GT(n, 0);
        at += n;
    }
    EXPECT_EQ(got.left(at), head + payload + tail);
}

TEST(SocketIoTest, NeitherBlocksWhenNothingCanMove)
{
    SocketPair pair;
    char byte = 0;
    EXPECT_EQ(SocketIo::read(pair.fd[1], &byte, 1), 0); // nothing has arrived: returns at once
    const QByteArray chunk(1 << 20, 'x');
    qint64 total = 0;
    for (int i = 0; i < 64; ++i) // the peer never reads: the socket fills, and write then takes nothing
        total += SocketIo::write(pair.fd[0], {chunk});
    EXPECT_GT(total, 0);
    EXPECT_LT(total, 64 * qint64(chunk.size()));
    EXPECT_EQ(SocketIo::write(pair.fd[0], {chunk}), 0);
}

// A write to a socket whose peer is gone reports nothing written, and the process is not killed by SIGPIPE.
TEST(SocketIoTest, AWriteToAClosedPeerTakesNothingAndRaisesNoSignal)
{
    SocketPair pair;
    ::close(pair.fd[1]);
    pair.fd[1] = -1;
    EXPECT_EQ(SocketIo::write(pair.fd[0], {QByteArray("lost")}), 0);
    char byte = 0;
    EXPECT_EQ(SocketIo::read(pair.fd[0], &byte, 1), 0); // end of the stream
}

} // namespace
} // namespace d3::core
