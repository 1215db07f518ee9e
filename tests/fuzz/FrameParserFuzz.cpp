// libFuzzer target for the wire's untrusted side: FrameParser on a byte stream that arrives in pieces, then
// TensorCodec::decode on every frame it yields (what a worker does with a RunRange). Built with clang only, by
// tests/fuzz/CMakeLists.txt through scripts/fuzz_frames.sh.
//
// Input layout: byte 0 picks the run (bits 0-2: how many split bytes follow, bit 3: small parser limits so the
// limit checks trip on short inputs, bit 4: a receiver that also reads payloads straight from its socket); each
// split byte is the length of one piece fed before the rest of the input, which is fed last. After every piece the
// parser is drained with next(); with bit 4, it then takes what it will of the input that follows through
// readPayloadFrom (in reads of at most 3000 bytes, as a socket hands over what has arrived) and is drained again.
// With bit 5 set the input is for the wire codecs instead (core/codec): byte 1 picks the codec, bytes 2-3 the
// element count (little-endian), the rest are the encoded bytes; what a decoder accepts must encode and decode back
// to the same bits.

#include "codec/WireCodec.h"
#include "net/Frame.h"
#include "net/FrameParser.h"
#include "protocol/TensorCodec.h"

#include <QCborArray>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <vector>

namespace {

using d3::core::Frame;
using d3::core::FrameParser;
using d3::core::HostTensor;
using d3::core::TensorCodec;

/// Stops the run as a finding (libFuzzer reports the abort with the input that caused it).
void check(bool ok)
{
    if (!ok)
        std::abort();
}

bool sameTensors(const QMap<int, HostTensor> &a, const QMap<int, HostTensor> &b)
{
    if (a.keys() != b.keys())
        return false;
    for (auto it = a.begin(); it != a.end(); ++it) {
        const HostTensor &x = it.value(), &y = b.value(it.key());
        if (x.shape != y.shape || x.values.size() != y.values.size()
            || std::memcmp(x.values.data(), y.values.data(), x.values.size() * sizeof(float)) != 0)
            return false;
    }
    return true;
}

/// What a worker does with a frame: decode its tensors. What decode accepts must survive encode + decode (not
/// byte for byte: a sender may list its tensors in any id order, encode() lists them by id, and an input sent as
/// f32 that is an 8-bit image comes back as u8).
void decodeTensors(const Frame &frame)
{
    QString error;
    const auto tensors = TensorCodec::decode(frame, &error);
    if (!tensors) {
        check(!error.isEmpty());
        return;
    }
    Frame again;
    TensorCodec::encode(*tensors, &again);
    const auto back = TensorCodec::decode(again, &error);
    check(back.has_value() && sameTensors(*tensors, *back));
}

/// A frame the parser yields must survive encode + parse: the same bytes again (compared as bytes, since a NaN in
/// the header never compares equal to itself).
void reparse(const Frame &frame)
{
    const QByteArray wire = frame.encode();
    FrameParser parser;
    parser.feed(wire);
    const auto back = parser.next();
    check(back.has_value() && !parser.failed() && parser.buffered() == 0);
    check(back->encode() == wire);
}

/// Drains every complete frame; false once the parser has failed.
bool drain(FrameParser &parser)
{
    while (auto frame = parser.next()) {
        check(!parser.failed());
        decodeTensors(*frame);
        reparse(*frame);
    }
    if (!parser.failed())
        return true;
    check(!parser.error().isEmpty() && parser.buffered() == 0 && !parser.next().has_value());
    return false;
}

/// A codec's decoder on untrusted bytes: refused with a reason, or values that survive encode + decode bit for bit.
void decodeCodec(const uint8_t *data, size_t size)
{
    if (size < 4)
        return;
    const auto codec = d3::core::WireCodec(data[1] % d3::core::WireCodecs::names().size());
    const qint64 count = qint64(data[2]) | (qint64(data[3]) << 8);
    const QByteArray bytes(reinterpret_cast<const char *>(data) + 4, qsizetype(size - 4));
    std::vector<float> values(static_cast<size_t>(count));
    QString error;
    if (!d3::core::WireCodecs::decode(codec, bytes, count, values.data(), &error)) {
        check(!error.isEmpty());
        return;
    }
    const QByteArray again = d3::core::WireCodecs::encode(codec, values.data(), count);
    std::vector<float> back(static_cast<size_t>(count));
    check(d3::core::WireCodecs::decode(codec, again, count, back.data(), &error));
    check(values.empty() || std::memcmp(values.data(), back.data(), values.size() * sizeof(float)) == 0);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    if (data[0] & 32) {
        decodeCodec(data, size);
        return 0;
    }
    const size_t splits = std::min<size_t>(data[0] & 7, size - 1);
    FrameParser::Limits limits;
    if (data[0] & 8) {
        limits.maxHeaderBytes = 256;
        limits.maxPayloadBytes = 1024;
    }
    FrameParser parser(limits);
    const char *stream = reinterpret_cast<const char *>(data) + 1 + splits;
    size_t left = size - 1 - splits;
    const bool direct = data[0] & 16;
    auto readDirect = [&stream, &left](char *to, qint64 max) {
        check(max > 0);
        const size_t n = std::min({size_t(max), left, size_t(3000)});
        std::memcpy(to, stream, n);
        stream += n;
        left -= n;
        return qint64(n);
    };
    for (size_t i = 0; i <= splits; ++i) {
        const size_t piece = i < splits ? std::min<size_t>(data[1 + i], left) : left;
        parser.feed(QByteArray(stream, qsizetype(piece)));
        stream += piece;
        left -= piece;
        if (!drain(parser))
            break;
        if (direct) {
            parser.readPayloadFrom(readDirect);
            if (!drain(parser))
                break;
        }
    }
    return 0;
}
