#include "net/Frame.h"
#include "net/FrameParser.h"

#include <QBuffer>
#include <QCborArray>
#include <QtEndian>

#include <gtest/gtest.h>

#include <algorithm>
#include <cstring>

namespace d3::core {
namespace {

Frame sample(quint64 id, int payloadBytes)
{
    Frame f;
    f.type = 7;
    f.requestId = id;
    f.header.insert(QStringLiteral("shape"), QCborArray({1, 64, 56, 56}));
    f.header.insert(QStringLiteral("dtype"), QStringLiteral("f32"));
    f.payload = QByteArray(payloadBytes, Qt::Uninitialized);
    for (int i = 0; i < payloadBytes; ++i)
        f.payload[i] = char(i * 31 + 7);
    return f;
}

void expectSame(const Frame &a, const Frame &b)
{
    EXPECT_EQ(a.type, b.type);
    EXPECT_EQ(a.requestId, b.requestId);
    EXPECT_EQ(a.header, b.header);
    EXPECT_EQ(a.payload, b.payload);
}

TEST(FrameParserTest, ReadsFramesFedOneByteAtATime)
{
    const Frame first = sample(1, 1000), second = sample(0xfedcba9876543210ULL, 0);
    const QByteArray wire = first.encode() + second.encode();
    FrameParser parser;
    std::vector<Frame> frames;
    for (char c : wire) {
        parser.feed(QByteArray(1, c));
        while (auto f = parser.next())
            frames.push_back(*f);
    }
    ASSERT_FALSE(parser.failed()) << parser.error().toStdString();
    ASSERT_EQ(frames.size(), 2u);
    expectSame(frames[0], first);
    expectSame(frames[1], second);
    EXPECT_EQ(parser.buffered(), 0);
}

TEST(FrameParserTest, ReadsSeveralFramesFromOneChunk)
{
    FrameParser parser;
    parser.feed(sample(1, 3).encode() + sample(2, 5).encode() + sample(3, 0).encode().left(10));
    EXPECT_EQ(parser.next()->requestId, 1u);
    EXPECT_EQ(parser.next()->requestId, 2u);
    EXPECT_FALSE(parser.next().has_value()); // the third is incomplete
    EXPECT_FALSE(parser.failed());
}

// A large frame arrives in many reads; the parser makes room for its payload once and hands that buffer over (no
// copy), keeping the start of the next frame that came in the same read.
TEST(FrameParserTest, ReadsALargeFrameInPiecesAndKeepsWhatFollows)
{
    const Frame big = sample(1, 3 * 1024 * 1024 + 5), next = sample(2, 10);
    const QByteArray wire = big.encode() + next.encode();
    FrameParser parser;
    std::vector<Frame> frames;
    const qsizetype cut = big.encode().size() + 7; // the last piece ends 7 bytes into the next frame
    for (qsizetype at = 0; at < cut; at += 65536) {
        parser.feed(wire.mid(at, std::min<qsizetype>(65536, cut - at)));
        while (auto f = parser.next())
            frames.push_back(*f);
    }
    ASSERT_EQ(frames.size(), 1u);
    expectSame(frames[0], big);
    EXPECT_EQ(parser.buffered(), 7);
    parser.feed(wire.mid(cut));
    const auto second = parser.next();
    ASSERT_TRUE(second.has_value());
    expectSame(*second, next);
    EXPECT_EQ(parser.buffered(), 0);
}

// From a device, the parser reads up to the end of one frame at a time, each payload into a buffer of its own:
// aligned for the tensors in it whatever the size of the header before it.
TEST(FrameParserTest, ReadsFromADeviceOneFrameAtATimeIntoAlignedPayloads)
{
    std::vector<Frame> sent;
    std::vector<qint64> ends; // where each frame ends in the stream
    QByteArray wire;
    for (int i = 0; i < 6; ++i) {
        Frame f = sample(quint64(i + 1), i == 3 ? 0 : 100000 * i + 13);
        f.header.insert(QStringLiteral("pad"), QByteArray(i, 'p')); // moves the payload's offset in the stream
        wire += f.encode();
        sent.push_back(f);
        ends.push_back(wire.size());
    }
    QBuffer device(&wire);
    ASSERT_TRUE(device.open(QIODevice::ReadOnly));
    FrameParser parser;
    std::vector<Frame> frames;
    for (;;) {
        parser.readFrom(device);
        const auto f = parser.next();
        if (!f)
            break;
        EXPECT_EQ(device.pos(), ends.at(frames.size())) << "not read up to the end of frame " << frames.size();
        frames.push_back(*f);
    }
    ASSERT_FALSE(parser.failed()) << parser.error().toStdString();
    ASSERT_EQ(frames.size(), sent.size());
    for (size_t i = 0; i < sent.size(); ++i) {
        expectSame(frames[i], sent[i]);
        if (!frames[i].payload.isEmpty()) {
            EXPECT_EQ(reinterpret_cast<quintptr>(frames[i].payload.constData()) % 8, 0u) << i;
        }
    }
    EXPECT_EQ(parser.buffered(), 0);
}

// A receiver that reads a frame's head from its socket's buffer and the rest of the payload straight from the
// socket: the parser takes payload bytes from the second source only once the head is in and the payload's buffer
// is allocated, asks for no byte past the payload's end, and leaves what follows (the next frame) to the first.
TEST(FrameParserTest, ReadsTheRestOfAPayloadFromASecondSourceAndNothingPastIt)
{
    const Frame big = sample(1, 300000), next = sample(2, 40);
    const QByteArray wire = big.encode() + next.encode();
    const qint64 headBytes = big.encode().size() - big.payload.size();
    qint64 at = 0; // bytes of wire taken from either source
    auto direct = [&](char *to, qint64 max) {
        EXPECT_LE(at + max, headBytes + big.payload.size()) << "asked past the payload's end";
        const qint64 n = std::min<qint64>(max, 70000); // the kernel hands over what has arrived, in pieces
        std::memcpy(to, wire.constData() + at, size_t(n));
        at += n;
        return n;
    };
    FrameParser parser;
    parser.readPayloadFrom(direct); // nothing before the head is in
    EXPECT_EQ(at, 0);
    EXPECT_FALSE(parser.inPayload());

    // The socket's buffer held the head and the first 20 bytes of the payload: not enough to allocate all of it.
    parser.feed(wire.left(headBytes + 20));
    at = headBytes + 20;
    EXPECT_FALSE(parser.next());
    EXPECT_TRUE(parser.inPayload());
    parser.readPayloadFrom(direct);
    EXPECT_EQ(at, headBytes + 20) << "read into a payload buffer the checked sizes had not allowed yet";

    // Once 64 KiB of the frame are in, the whole payload's buffer exists and the rest may come straight.
    parser.feed(wire.mid(at, 70000));
    at += 70000;
    EXPECT_FALSE(parser.next());
    parser.readPayloadFrom(direct);
    EXPECT_EQ(at, headBytes + big.payload.size());
    EXPECT_FALSE(parser.inPayload());
    const auto first = parser.next();
    ASSERT_TRUE(first);
    expectSame(*first, big);

    parser.feed(wire.mid(at));
    const auto second = parser.next();
    ASSERT_TRUE(second);
    expectSame(*second, next);
    EXPECT_EQ(parser.buffered(), 0);
}

TEST(FrameParserTest, RefusesGarbageAtTheFirstBadByte)
{
    FrameParser parser;
    parser.feed("GET / HTTP/1.1\r\n");
    EXPECT_FALSE(parser.next().has_value());
    ASSERT_TRUE(parser.failed());
    EXPECT_NE(parser.error().indexOf(QStringLiteral("magic")), -1);
    EXPECT_EQ(parser.buffered(), 0);
    parser.feed(sample(1, 1).encode()); // nothing is read after a failure
    EXPECT_FALSE(parser.next().has_value());
}

TEST(FrameParserTest, RefusesAnotherProtocolVersion)
{
    QByteArray wire = sample(1, 4).encode();
    qToLittleEndian<quint16>(Frame::kVersion + 1, wire.data() + 4);
    FrameParser parser;
    parser.feed(wire);
    EXPECT_FALSE(parser.next().has_value());
    EXPECT_NE(parser.error().indexOf(QStringLiteral("version")), -1);
}

TEST(FrameParserTest, RefusesOversizedFramesBeforeTheirBytesArrive)
{
    FrameParser::Limits limits;
    limits.maxPayloadBytes = 1024;
    limits.maxHeaderBytes = 256;
    FrameParser parser(limits);
    QByteArray preamble = sample(1, 0).encode().left(Frame::kPreambleSize);
    qToLittleEndian<quint64>(quint64(1) << 40, preamble.data() + 20); // claims a 1 TiB payload
    parser.feed(preamble);
    EXPECT_FALSE(parser.next().has_value());
    ASSERT_TRUE(parser.failed());
    EXPECT_NE(parser.error().indexOf(QStringLiteral("payload")), -1);

    FrameParser headers(limits);
    QByteArray big = sample(1, 0).encode().left(Frame::kPreambleSize);
    qToLittleEndian<quint32>(1u << 20, big.data() + 16);
    headers.feed(big);
    EXPECT_FALSE(headers.next().has_value());
    EXPECT_NE(headers.error().indexOf(QStringLiteral("header")), -1);
}

TEST(FrameParserTest, RefusesAHeaderThatIsNotACborMap)
{
    Frame f = sample(1, 0);
    QByteArray wire = f.encode();
    const quint32 headerBytes = qFromLittleEndian<quint32>(wire.constData() + 16);
    wire.replace(Frame::kPreambleSize, int(headerBytes), QByteArray(int(headerBytes), char(0xff)));
    FrameParser parser;
    parser.feed(wire);
    EXPECT_FALSE(parser.next().has_value());
    EXPECT_NE(parser.error().indexOf(QStringLiteral("CBOR")), -1);
}

// The header is parsed once the payload is complete: a frame whose payload is read straight from the socket and
// whose header turns out not to be CBOR fails the parser there, and nothing more is read (found by the fuzz target:
// the read went on into the released payload buffer).
TEST(FrameParserTest, AMalformedHeaderFoundAtTheEndOfADirectPayloadStopsTheReading)
{
    Frame f = sample(1, 200000);
    QByteArray wire = f.encode();
    const quint32 headerBytes = qFromLittleEndian<quint32>(wire.constData() + 16);
    wire.replace(Frame::kPreambleSize, int(headerBytes), QByteArray(int(headerBytes), char(0xff)));
    const qint64 head = Frame::kPreambleSize + headerBytes + 70000; // enough for the payload's whole buffer
    FrameParser parser;
    parser.feed(wire.left(head));
    EXPECT_FALSE(parser.next());
    qint64 at = head;
    int reads = 0;
    parser.readPayloadFrom([&](char *to, qint64 max) {
        ++reads;
        const qint64 n = std::min<qint64>(max, wire.size() - at);
        std::memcpy(to, wire.constData() + at, size_t(n));
        at += n;
        return n;
    });
    EXPECT_EQ(at, wire.size());
    EXPECT_EQ(reads, 1);
    EXPECT_FALSE(parser.next());
    ASSERT_TRUE(parser.failed());
    EXPECT_NE(parser.error().indexOf(QStringLiteral("CBOR")), -1);
    EXPECT_EQ(parser.buffered(), 0);
}

} // namespace
} // namespace d3::core
