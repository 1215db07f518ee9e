#include "io/ImageBytes.h"
#include "io/SyntheticInput.h"
#include "net/FrameParser.h"
#include "protocol/TensorCodec.h"

#include <QCborArray>

#include <gtest/gtest.h>

#include <cstring>
#include <limits>
#include <tuple>
#include <utility>

namespace d3::core {
namespace {

HostTensor tensor(QVector<qint64> shape, float base)
{
    HostTensor t;
    t.shape = shape;
    t.values.resize(size_t(t.elements()));
    for (size_t i = 0; i < t.values.size(); ++i)
        t.values[i] = base + 0.25f * float(i);
    return t;
}

Frame encoded()
{
    Frame f;
    TensorCodec::encode({{3, tensor({64, 4, 5}, 1.0f)}, {9, tensor({10}, -2.0f)}}, &f);
    return f;
}

TEST(TensorCodecTest, RoundTripsThroughTheWire)
{
    const Frame sent = encoded();
    FrameParser parser;
    parser.feed(sent.encode());
    const auto received = parser.next();
    ASSERT_TRUE(received.has_value());
    QString error;
    const auto tensors = TensorCodec::decode(*received, &error);
    ASSERT_TRUE(tensors.has_value()) << error.toStdString();
    ASSERT_EQ(tensors->size(), 2);
    EXPECT_EQ(tensors->value(3).shape, (QVector<qint64>{64, 4, 5}));
    EXPECT_EQ(tensors->value(3).values, tensor({64, 4, 5}, 1.0f).values);
    EXPECT_EQ(tensors->value(9).values, tensor({10}, -2.0f).values);
}

// One tensor goes into its frame without a copy, and comes out of a received frame without one.
TEST(TensorCodecTest, SharesBytesWithTheFrameBothWays)
{
    const HostTensor t = tensor({3, 100, 7}, 0.5f);
    Frame sent;
    sent.header.insert(QStringLiteral("odd"), QStringLiteral("x")); // the payload's offset on the wire is not aligned
    TensorCodec::encode({{5, t}}, &sent);
    EXPECT_EQ(sent.payload.constData(), reinterpret_cast<const char *>(t.values.data()));

    FrameParser parser;
    parser.feed(sent.encode());
    const auto received = parser.next();
    ASSERT_TRUE(received.has_value());
    QString error;
    auto tensors = TensorCodec::decode(*received, &error);
    ASSERT_TRUE(tensors.has_value()) << error.toStdString();
    HostTensor &back = (*tensors)[5];
    EXPECT_EQ(reinterpret_cast<const char *>(std::as_const(back.values).data()), received->payload.constData());
    EXPECT_EQ(back.values, t.values);
    back.values[0] = 100.0f; // changes the tensor, not the frame
    EXPECT_EQ(std::memcmp(received->payload.constData(), t.values.data(), size_t(t.bytes())), 0);
}

TEST(TensorCodecTest, RefusesInconsistentListsBeforeAllocating)
{
    QString error;
    auto tamper = [&](const std::function<void(QCborMap &)> &change) {
        Frame f = encoded();
        QCborArray list = f.header.value(QStringLiteral("tensors")).toArray();
        QCborMap first = list.at(0).toMap();
        change(first);
        list[0] = first;
        f.header.insert(QStringLiteral("tensors"), list);
        return TensorCodec::decode(f, &error).has_value();
    };
    EXPECT_FALSE(tamper([](QCborMap &m) { m.insert(QStringLiteral("dtype"), QStringLiteral("f64")); }));
    EXPECT_FALSE(tamper([](QCborMap &m) { m.insert(QStringLiteral("bytes"), 12); }));
    EXPECT_FALSE(tamper([](QCborMap &m) { m.insert(QStringLiteral("offset"), 4); }));
    EXPECT_FALSE(tamper([](QCborMap &m) {
        m.insert(QStringLiteral("shape"), QCborArray({qint64(1) << 30, qint64(1) << 30}));
    }));
    EXPECT_FALSE(tamper([](QCborMap &m) { m.insert(QStringLiteral("shape"), QCborArray({0, 4})); }));
    EXPECT_FALSE(tamper([](QCborMap &m) { m.insert(QStringLiteral("id"), 9); })); // repeated id
    EXPECT_TRUE(error.startsWith(QStringLiteral("bad tensor list")));

    Frame truncated = encoded();
    truncated.payload.chop(4);
    EXPECT_FALSE(TensorCodec::decode(truncated, &error).has_value());
    Frame extra = encoded();
    extra.payload.append("junk");
    EXPECT_FALSE(TensorCodec::decode(extra, &error).has_value());
    EXPECT_FALSE(TensorCodec::decode(Frame{}, &error).has_value());
}

// Found by tests/fuzz: a field given as a double went through QCborValue::toInteger, which casts it (undefined
// behaviour for 1e300 or NaN). Numbers must be CBOR integers; a double is refused whatever its value.
TEST(TensorCodecTest, RefusesNumbersThatAreNotIntegers)
{
    QString error;
    auto withField = [&](const QString &key, const QCborValue &value) {
        Frame f = encoded();
        QCborArray list = f.header.value(QStringLiteral("tensors")).toArray();
        QCborMap first = list.at(0).toMap();
        first.insert(key, value);
        list[0] = first;
        f.header.insert(QStringLiteral("tensors"), list);
        return TensorCodec::decode(f, &error).has_value();
    };
    const double nan = std::numeric_limits<double>::quiet_NaN();
    for (const QString &key : {QStringLiteral("id"), QStringLiteral("offset"), QStringLiteral("bytes")}) {
        EXPECT_FALSE(withField(key, 1e300)) << key.toStdString();
        EXPECT_FALSE(withField(key, -1e300)) << key.toStdString();
        EXPECT_FALSE(withField(key, nan)) << key.toStdString();
    }
    EXPECT_FALSE(withField(QStringLiteral("id"), 3.0));
    EXPECT_FALSE(withField(QStringLiteral("bytes"), double(64 * 4 * 5 * 4)));
    EXPECT_FALSE(withField(QStringLiteral("shape"), QCborArray({64.0, 4.0, 5.0})));
    EXPECT_FALSE(withField(QStringLiteral("shape"), QCborArray({1e300, nan})));
    EXPECT_TRUE(withField(QStringLiteral("shape"), QCborArray({64, 4, 5}))); // the encoder's integers still pass
}

TEST(TensorCodecTest, AnEightBitImageInputTravelsAsBytesAndArrivesBitIdentical)
{
    const HostTensor image = SyntheticInput::make(TensorShape{{3, 32, 32}}, 5);
    HostTensor notImage = image;
    notImage.values[7] = 0.3f; // not one of the 256 levels
    for (const auto &[input, dtype, bytes] : {std::tuple{image, "u8", 3 * 32 * 32}, std::tuple{notImage, "f32", 4 * 3 * 32 * 32}}) {
        Frame f;
        TensorCodec::encode({{0, input}, {5, image}}, &f); // only the input (id 0) is packed
        const QCborArray list = f.header.value(QStringLiteral("tensors")).toArray();
        EXPECT_EQ(list.at(0).toMap().value(QStringLiteral("dtype")).toString(), QLatin1String(dtype));
        EXPECT_EQ(list.at(0).toMap().value(QStringLiteral("bytes")).toInteger(), bytes);
        EXPECT_EQ(list.at(1).toMap().value(QStringLiteral("dtype")).toString(), QStringLiteral("f32"));
        QString error;
        const auto back = TensorCodec::decode(f, &error);
        ASSERT_TRUE(back.has_value()) << error.toStdString();
        EXPECT_EQ(std::memcmp(back->value(0).values.data(), input.values.data(), size_t(input.bytes())), 0);
    }
    // u8 is the raw input's alone: a feature map claiming it is refused.
    Frame claimed;
    TensorCodec::encode({{0, image}}, &claimed);
    QCborArray list = claimed.header.value(QStringLiteral("tensors")).toArray();
    QCborMap entry = list.at(0).toMap();
    entry.insert(QStringLiteral("id"), 4);
    list[0] = entry;
    claimed.header.insert(QStringLiteral("tensors"), list);
    QString why;
    EXPECT_FALSE(TensorCodec::decode(claimed, &why));
    EXPECT_NE(why.indexOf(QStringLiteral("raw input")), -1) << why.toStdString();

    HostTensor negativeZero = image;
    negativeZero.values[0] = -0.0f; // equal to a level, but not bit for bit
    EXPECT_FALSE(ImageBytes::fits(negativeZero));
    HostTensor almostZero = image;
    almostZero.values[0] = 1e-10f; // rounds onto level 128 when scaled, but is not it
    EXPECT_FALSE(ImageBytes::fits(almostZero));
}

// Compressed tensors read back bit-identical, signed zeros and the raw input's bytes included; the header says
// which codec and the uncompressed size is known without decoding.
TEST(TensorCodecTest, CompressedTensorsReadBackBitIdentical)
{
    HostTensor relu = tensor({8, 16, 16}, -20.0f);
    for (float &v : relu.values)
        v = v < 0 ? 0.0f : v;
    relu.values[3] = -0.0f;
    const HostTensor image = SyntheticInput::make(TensorShape{{3, 8, 8}}, 7);
    for (WireCodec codec : {WireCodec::ZeroValue, WireCodec::ShuffleZstd}) {
        Frame f;
        const qint64 raw = TensorCodec::encode({{0, image}, {4, relu}}, &f, codec);
        EXPECT_EQ(raw, 3 * 8 * 8 + relu.bytes());
        EXPECT_EQ(TensorCodec::rawBytes(f), raw);
        EXPECT_TRUE(TensorCodec::compressed(f));
        EXPECT_LT(f.payload.size(), raw);
        FrameParser parser;
        parser.feed(f.encode());
        const auto received = parser.next();
        ASSERT_TRUE(received.has_value());
        QString error;
        const auto back = TensorCodec::decode(*received, &error);
        ASSERT_TRUE(back.has_value()) << error.toStdString();
        ASSERT_EQ(back->value(4).values.size(), relu.values.size());
        EXPECT_EQ(std::memcmp(back->value(4).values.data(), relu.values.data(), size_t(relu.bytes())), 0);
        EXPECT_EQ(back->value(0).values, image.values);
    }
    Frame plain;
    TensorCodec::encode({{4, relu}}, &plain);
    EXPECT_FALSE(TensorCodec::compressed(plain));
}

// A compressed tensor that claims more elements than the receiver allows (a decompression bomb: a few bytes that
// say they hold a gigabyte), an unknown codec or bytes that do not decode are refused with one line, nothing
// allocated for the claim.
TEST(TensorCodecTest, RefusesBombsUnknownCodecsAndBytesThatDoNotDecode)
{
    HostTensor zeros;
    zeros.shape = {16, 64, 64};
    zeros.values.resize(size_t(zeros.elements()));
    Frame f;
    TensorCodec::encode({{2, zeros}}, &f, WireCodec::ShuffleZstd);
    QString error;
    const auto limit = [](int) { return qint64(16 * 64 * 64); };
    EXPECT_TRUE(TensorCodec::decode(f, &error, limit).has_value()) << error.toStdString();

    auto withEntry = [&](const char *key, const QCborValue &value) {
        Frame g = f;
        QCborArray list = g.header.value(QStringLiteral("tensors")).toArray();
        QCborMap entry = list.at(0).toMap();
        entry.insert(QLatin1String(key), value);
        list[0] = entry;
        g.header.insert(QStringLiteral("tensors"), list);
        return g;
    };
    const Frame bomb = withEntry("shape", QCborArray{1024, 1024, 256}); // 2^28 values from a few hundred bytes
    EXPECT_FALSE(TensorCodec::decode(bomb, &error, limit).has_value());
    EXPECT_NE(error.indexOf(QStringLiteral("more than")), -1) << error.toStdString();
    EXPECT_FALSE(TensorCodec::decode(bomb, &error).has_value()); // no limit given: the expansion bound holds
    EXPECT_NE(error.indexOf(QStringLiteral("more than")), -1) << error.toStdString();
    EXPECT_FALSE(TensorCodec::decode(withEntry("codec", QStringLiteral("gzip")), &error, limit).has_value());
    EXPECT_NE(error.indexOf(QStringLiteral("gzip")), -1) << error.toStdString();
    EXPECT_FALSE(TensorCodec::decode(withEntry("codec", QStringLiteral("zero")), &error, limit).has_value());
    EXPECT_FALSE(TensorCodec::decode(withEntry("shape", QCborArray{16, 64, 32}), &error, limit).has_value());
    EXPECT_NE(error.indexOf(QStringLiteral("shuffle-zstd")), -1) << error.toStdString();
}

} // namespace
} // namespace d3::core
