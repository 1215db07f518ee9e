#include "codec/ShuffleZstdCodec.h"
#include "codec/WireCodec.h"
#include "codec/ZeroValueCodec.h"

#include <QRandomGenerator>

#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <limits>
#include <vector>

namespace d3::core {
namespace {

std::vector<float> relu(qint64 n, double zeros, quint32 seed)
{
    QRandomGenerator rng(seed);
    std::vector<float> v(static_cast<size_t>(n));
    for (float &x : v)
        x = rng.generateDouble() < zeros ? 0.0f : float(rng.generateDouble() * 4.0);
    return v;
}

/// Values whose bits make the round trip hard: signed zeros, NaN payloads, infinities, subnormals, extremes.
std::vector<float> awkward()
{
    std::vector<float> v{0.0f, -0.0f, std::numeric_limits<float>::infinity(), -std::numeric_limits<float>::infinity(),
                         std::numeric_limits<float>::denorm_min(), -std::numeric_limits<float>::denorm_min(),
                         std::numeric_limits<float>::max(), std::numeric_limits<float>::lowest(), 1.0f, -1.5f};
    for (quint32 bits : {0x7fc00001u, 0xffc12345u, 0x7f800001u}) { // quiet and signalling NaNs with payloads
        float f;
        std::memcpy(&f, &bits, sizeof f);
        v.push_back(f);
    }
    return v;
}

bool bitIdentical(const std::vector<float> &a, const std::vector<float> &b)
{
    return a.size() == b.size() && std::memcmp(a.data(), b.data(), a.size() * sizeof(float)) == 0;
}

std::vector<float> roundTrip(WireCodec codec, const std::vector<float> &values, QByteArray *encoded = nullptr)
{
    const QByteArray bytes = WireCodecs::encode(codec, values.data(), qint64(values.size()));
    if (encoded)
        *encoded = bytes;
    std::vector<float> out(values.size(), 42.0f);
    QString error;
    EXPECT_TRUE(WireCodecs::decode(codec, bytes, qint64(values.size()), out.data(), &error))
        << WireCodecs::name(codec).toStdString() << ": " << error.toStdString();
    return out;
}

class EveryCodec : public ::testing::TestWithParam<WireCodec>
{
};

TEST_P(EveryCodec, RoundTripsAreBitIdentical)
{
    for (const std::vector<float> &values :
         {relu(100000, 0.6, 1), relu(4097, 0.0, 2), relu(13, 1.0, 3), awkward(), std::vector<float>{}}) {
        EXPECT_TRUE(bitIdentical(roundTrip(GetParam(), values), values))
            << WireCodecs::name(GetParam()).toStdString() << ", " << values.size() << " values";
    }
}

TEST_P(EveryCodec, BytesForAnotherCountAreRefused)
{
    const std::vector<float> values = relu(1000, 0.5, 4);
    const QByteArray bytes = WireCodecs::encode(GetParam(), values.data(), 1000);
    std::vector<float> out(2000);
    for (qint64 count : {999, 1001, 2000, 0}) {
        QString error;
        EXPECT_FALSE(WireCodecs::decode(GetParam(), bytes, count, out.data(), &error)) << count;
        EXPECT_TRUE(error.startsWith(WireCodecs::name(GetParam()) + QLatin1Char(':'))) << error.toStdString();
        EXPECT_FALSE(error.contains(QLatin1Char('\n')));
    }
}

TEST_P(EveryCodec, TruncatedAndGarbageBytesAreRefused)
{
    const std::vector<float> values = relu(4096, 0.5, 5);
    const QByteArray bytes = WireCodecs::encode(GetParam(), values.data(), 4096);
    std::vector<float> out(4096);
    QString error;
    EXPECT_FALSE(WireCodecs::decode(GetParam(), bytes.left(bytes.size() - 1), 4096, out.data(), &error));
    EXPECT_FALSE(WireCodecs::decode(GetParam(), bytes.left(3), 4096, out.data(), &error));
    EXPECT_FALSE(WireCodecs::decode(GetParam(), QByteArray(), 4096, out.data(), &error));
    QRandomGenerator rng(6);
    int accepted = 0;
    for (int i = 0; i < 200; ++i) { // random bytes: refused, or (by chance) decoded within the buffer
        QByteArray junk(int(rng.bounded(1, 600)), Qt::Uninitialized);
        for (char &c : junk)
            c = char(rng.bounded(256));
        accepted += WireCodecs::decode(GetParam(), junk, 64, out.data(), &error) ? 1 : 0;
    }
    EXPECT_LT(accepted, 200);
}

INSTANTIATE_TEST_SUITE_P(WireCodecs, EveryCodec,
                         ::testing::Values(WireCodec::None, WireCodec::ZeroValue, WireCodec::ShuffleZstd),
                         [](const auto &info) { return WireCodecs::name(info.param).replace(QLatin1Char('-'), QLatin1Char('_')).toStdString(); });

TEST(WireCodecs, NamesRoundTrip)
{
    for (const QString &name : WireCodecs::names())
        EXPECT_EQ(WireCodecs::name(*WireCodecs::fromName(name)), name);
    EXPECT_FALSE(WireCodecs::fromName(QStringLiteral("gzip")).has_value());
}

TEST(ZeroValueCodec, TheSizeFollowsTheZerosAndMinusZeroIsAValue)
{
    const std::vector<float> values = relu(8000, 0.75, 7);
    qint64 nonZero = 0;
    for (float v : values)
        nonZero += v != 0.0f;
    EXPECT_EQ(ZeroValueCodec::encode(values.data(), 8000).size(), 1000 + 4 * nonZero);
    const std::vector<float> minus(16, -0.0f);
    EXPECT_EQ(ZeroValueCodec::encode(minus.data(), 16).size(), 2 + 16 * 4);
    const std::vector<float> zeros(16, 0.0f);
    EXPECT_EQ(ZeroValueCodec::encode(zeros.data(), 16).size(), 2);
}

TEST(ZeroValueCodec, ABitmaskThatMarksValuesPastTheCountIsRefused)
{
    // 3 values: the mask's byte may only use its low 3 bits.
    QByteArray bytes(1, char(0x08));
    bytes.append(QByteArray(4, '\1'));
    std::vector<float> out(3);
    QString error;
    EXPECT_FALSE(ZeroValueCodec::decode(bytes, 3, out.data(), &error));
    EXPECT_TRUE(error.contains(QStringLiteral("past the 3"))) << error.toStdString();
}

TEST(ShuffleZstdCodec, ABombOrALyingSizeIsRefusedBeforeDecompressing)
{
    // A frame that inflates to 64 MiB of zeros, offered as 16 values: refused from its recorded size.
    const std::vector<float> big(size_t(16) << 20, 0.0f);
    const QByteArray bomb = ShuffleZstdCodec::encode(big.data(), qint64(big.size()));
    EXPECT_LT(bomb.size(), 1 << 16);
    std::vector<float> out(16);
    QString error;
    EXPECT_FALSE(ShuffleZstdCodec::decode(bomb, 16, out.data(), &error));
    EXPECT_TRUE(error.contains(QStringLiteral("not the 64 of 16 values"))) << error.toStdString();
}

TEST(ShuffleZstdCodec, SmoothValuesCompressAndRandomBitsDoNot)
{
    std::vector<float> smooth(65536);
    for (size_t i = 0; i < smooth.size(); ++i)
        smooth[i] = float(std::sin(double(i) / 500.0));
    // the sign and exponent bytes compress, the low mantissa bytes do not
    EXPECT_LT(ShuffleZstdCodec::encode(smooth.data(), 65536).size(), 65536 * 4 * 3 / 4);
    QRandomGenerator rng(8);
    std::vector<float> noise(65536);
    for (float &x : noise) {
        const quint32 bits = rng.generate();
        std::memcpy(&x, &bits, sizeof x);
    }
    EXPECT_GT(ShuffleZstdCodec::encode(noise.data(), 65536).size(), 65536 * 4 * 95 / 100);
}

} // namespace
} // namespace d3::core
