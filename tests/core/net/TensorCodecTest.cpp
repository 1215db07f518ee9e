#include "net/FrameParser.h"
#include "net/TensorCodec.h"

#include <QCborArray>

#include <gtest/gtest.h>

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

} // namespace
} // namespace d3::core
