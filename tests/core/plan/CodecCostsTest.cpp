#include "plan/CodecCosts.h"
#include "plan/CostModel.h"
#include "plan/Planner.h"
#include "plan/Profile.h"

#include "TestFiles.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <gtest/gtest.h>

namespace d3::core {
namespace {

/// Figures for a model of layers layers: "zero" halves every cut at 4 GB/s both ways, "shuffle-zstd" takes it to
/// 0.4 at 0.5 GB/s encoding and 1 GB/s decoding.
CodecCosts measured(int layers)
{
    CodecCosts::Measured zero{QVector<double>(layers + 1, 0.5), 4.0, 4.0};
    CodecCosts::Measured zstd{QVector<double>(layers + 1, 0.4), 0.5, 1.0};
    return CodecCosts::fromMeasured(layers, {{WireCodec::ZeroValue, zero}, {WireCodec::ShuffleZstd, zstd}});
}

TEST(CodecCostsTest, ACodecIsChosenOnlyWhereEncodingSendingAndDecodingIsFaster)
{
    const CodecCosts c = measured(10);
    // 1 MB over 10 Mbit/s: raw 800 ms; zero 0.25 + 400 + 0.25 ms; shuffle-zstd 2 + 320 + 1 ms.
    const CodecCosts::Choice slow = c.best(3, 1e6, 10, 0, 1, 1);
    EXPECT_EQ(slow.codec, WireCodec::ShuffleZstd);
    EXPECT_NEAR(slow.ms, 2 + 320 + 1, 1e-9);
    EXPECT_EQ(slow.wireBytes, 400000);
    EXPECT_NEAR(slow.encodeMs, 2, 1e-9);
    EXPECT_NEAR(slow.decodeMs, 1, 1e-9);
    // Over 10 Gbit/s raw takes 0.8 ms, zero 0.5 + 0.4 ms: raw is faster.
    EXPECT_EQ(c.best(3, 1e6, 10000, 0, 1, 1).codec, WireCodec::None);
    // Over 1 Gbit/s zero wins (0.25 + 4 + 0.25 against 8); on a sender ten times slower it no longer does
    // (2.5 + 4 + 0.25 against 8 still wins; a hundred times slower: 25 + ... loses).
    EXPECT_EQ(c.best(3, 1e6, 1000, 0, 1, 1).codec, WireCodec::ZeroValue);
    EXPECT_EQ(c.best(3, 1e6, 1000, 0, 0.01, 1).codec, WireCodec::None);
    // The raw input (cut 0) is never compressed, nor is a gain of less than 0.1 ms taken.
    EXPECT_EQ(c.best(0, 1e6, 10, 0, 1, 1).codec, WireCodec::None);
    EXPECT_EQ(c.best(3, 100, 10, 0, 1, 1).codec, WireCodec::None);
}

TEST(CodecCostsTest, SettingsRestrictTheCodecsAndTrafficTeachesTheRatios)
{
    const CodecCosts c = measured(10);
    EXPECT_TRUE(c.any());
    EXPECT_FALSE(c.restrictedTo(QStringLiteral("none"))->any());
    EXPECT_EQ(c.restrictedTo(QStringLiteral("zero"))->best(3, 1e6, 10, 0, 1, 1).codec, WireCodec::ZeroValue);
    EXPECT_EQ(c.restrictedTo(QStringLiteral("auto"))->best(3, 1e6, 10, 0, 1, 1).codec, WireCodec::ShuffleZstd);
    EXPECT_FALSE(c.restrictedTo(QStringLiteral("gzip")));
    EXPECT_FALSE(CodecCosts().any()); // nothing measured: every transfer raw
    EXPECT_EQ(CodecCosts().best(3, 1e6, 10, 0, 1, 1).codec, WireCodec::None);

    CodecCosts learnt = c;
    learnt.learn(3, WireCodec::ZeroValue, 1000, 100); // 0.5 + 0.3 x (0.1 - 0.5)
    EXPECT_NEAR(learnt.ratio(3, WireCodec::ZeroValue), 0.38, 1e-12);
    EXPECT_NEAR(learnt.ratio(4, WireCodec::ZeroValue), 0.5, 1e-12);
    learnt.learn(0, WireCodec::ZeroValue, 1000, 100); // the input's ratio stays 1
    EXPECT_EQ(learnt.ratio(0, WireCodec::ZeroValue), 1.0);
}

TEST(CodecCostsTest, AProfileCarriesThemAndRefusesBadFigures)
{
    Profile p;
    p.model = QStringLiteral("m");
    p.layers = {QStringLiteral("a"), QStringLiteral("b")};
    p.ms = {1, 2};
    p.codecs = measured(2);
    QString error;
    const auto back = Profile::fromJson(p.toJson(), QStringLiteral("p.json"), &error);
    ASSERT_TRUE(back) << error.toStdString();
    EXPECT_EQ(back->codecs.ratio(1, WireCodec::ShuffleZstd), 0.4);
    EXPECT_TRUE(back->codecs.usable(WireCodec::ZeroValue));

    QJsonObject root = QJsonDocument::fromJson(p.toJson()).object();
    QJsonObject codecs = root.value(QStringLiteral("codecs")).toObject();
    QJsonObject zero = codecs.value(QStringLiteral("zero")).toObject();
    zero.insert(QStringLiteral("ratio"), QJsonArray{1, 0.5}); // 2 cuts for 3
    codecs.insert(QStringLiteral("zero"), zero);
    root.insert(QStringLiteral("codecs"), codecs);
    EXPECT_FALSE(Profile::fromJson(QJsonDocument(root).toJson(), QStringLiteral("p.json"), &error));
    EXPECT_NE(error.indexOf(QStringLiteral("codecs.zero")), -1) << error.toStdString();
    codecs.remove(QStringLiteral("zero"));
    codecs.insert(QStringLiteral("lz4"), QJsonObject{});
    root.insert(QStringLiteral("codecs"), codecs);
    EXPECT_FALSE(Profile::fromJson(QJsonDocument(root).toJson(), QStringLiteral("p.json"), &error));
    EXPECT_NE(error.indexOf(QStringLiteral("lz4")), -1) << error.toStdString();
}

// Every planner plans with the codecs: on a slow backbone a compressible cut moves the plan or its bytes, the
// prediction charges encoding and decoding on the nodes' speeds, and the plan carries each link's codec.
TEST(CodecCostsTest, PlannersPlanWithTheCodecsAndThePlanCarriesThem)
{
    const ModelGraph g = test::TestFiles::builtin(QStringLiteral("resnet18"));
    Conditions c;
    c.bwEdgeCloudMbps = 5;
    c.deviceSpeed = 0.1;
    c.edgeSpeeds = {0.3, 0.3};
    const CostModel raw(g, LayerCosts::fromFlops(g), c);
    const CostModel coded = raw.withCodecs(measured(g.layerCount()));
    for (const QString &name : Planner::names()) {
        const PlanResult without = Planner::create(name)->run(raw);
        const PlanResult with = Planner::create(name)->run(coded);
        EXPECT_FALSE(without.plan.compresses()) << name.toStdString();
        EXPECT_LE(with.cost.total, without.cost.total + 1e-9) << name.toStdString();
        EXPECT_EQ(with.plan.codecs, with.cost.codecs) << name.toStdString();
        EXPECT_NEAR(coded.evaluate(with.plan).total, with.cost.total, 1e-9) << name.toStdString();
        if (with.plan.codec(PlanLink::Backbone) != WireCodec::None) {
            EXPECT_LT(with.cost.backboneBytes, with.cost.backboneRawBytes) << name.toStdString();
        }
    }
    // HPA over a 5 Mbit/s backbone with maps that halve: the same model with the codecs predicts less.
    const PlanResult hpa = Planner::create(QStringLiteral("hpa"))->run(coded);
    EXPECT_TRUE(hpa.plan.compresses()) << hpa.plan.describe().toStdString();
    EXPECT_LT(hpa.cost.total, Planner::create(QStringLiteral("hpa"))->run(raw).cost.total);
}

} // namespace
} // namespace d3::core
