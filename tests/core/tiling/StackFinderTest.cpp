#include "TestFiles.h"
#include "TinyModels.h"

#include "graph/ModelCatalog.h"
#include "tiling/StackFinder.h"

#include <gtest/gtest.h>

using d3::core::FusedStack;
using d3::core::Layer;
using d3::core::ModelCatalog;
using d3::core::ModelGraph;
using d3::core::OpKind;
using d3::core::StackFinder;
using d3::test::TestFiles;
using d3::test::TinyModels;

namespace {

FusedStack leading(const ModelGraph &g, int p, int q)
{
    QString why;
    const auto stack = StackFinder::leading(g, p, q, &why);
    EXPECT_TRUE(stack.has_value()) << g.name().toStdString() << " [" << p << ", " << q << "): " << why.toStdString();
    return stack.value_or(FusedStack{});
}

/// The reason leading(p, q) gives for having no stack (and a test failure if it has one).
QString noStack(const ModelGraph &g, int p, int q)
{
    QString why;
    const auto stack = StackFinder::leading(g, p, q, &why);
    EXPECT_FALSE(stack.has_value()) << g.name().toStdString() << " [" << p << ", " << q << ") has stack ["
                                    << stack.value_or(FusedStack{}).begin << ", " << stack.value_or(FusedStack{}).end << ")";
    EXPECT_FALSE(why.isEmpty());
    EXPECT_FALSE(why.contains(QLatin1Char('\n')));
    return why;
}

qint64 flopsOf(const ModelGraph &g, const FusedStack &s)
{
    qint64 flops = 0;
    for (int i = s.begin; i < s.end; ++i)
        flops += g.layer(i).flops;
    return flops;
}

Layer layer(OpKind op)
{
    Layer l;
    l.op = op;
    return l;
}

TEST(StackFinderTest, TileableOps)
{
    for (OpKind op : {OpKind::Conv2d, OpKind::BatchNorm2d, OpKind::Relu, OpKind::Relu6, OpKind::LeakyRelu,
                      OpKind::MaxPool2d, OpKind::AvgPool2d, OpKind::Lrn, OpKind::Dropout, OpKind::Add, OpKind::Concat})
        EXPECT_TRUE(StackFinder::isTileable(layer(op))) << d3::core::opName(op).toStdString();
    for (OpKind op : {OpKind::AdaptiveAvgPool2d, OpKind::Flatten, OpKind::Linear, OpKind::Softmax})
        EXPECT_FALSE(StackFinder::isTileable(layer(op))) << d3::core::opName(op).toStdString();

    Layer avg = layer(OpKind::AvgPool2d);
    avg.attributes.kernel = {3, 3};
    avg.attributes.padding = {1, 1};
    EXPECT_FALSE(StackFinder::isTileable(avg)); // the divisor would change at tile borders
    avg.attributes.padding = {0, 1};
    EXPECT_FALSE(StackFinder::isTileable(avg));
    avg.attributes.padding = {0, 0};
    EXPECT_TRUE(StackFinder::isTileable(avg));
    avg.attributes.ceilMode = true;
    EXPECT_FALSE(StackFinder::isTileable(avg));
    Layer max = layer(OpKind::MaxPool2d);
    max.attributes.padding = {1, 1};
    max.attributes.ceilMode = true;
    EXPECT_TRUE(StackFinder::isTileable(max)); // -inf padding is the same at a tile border as at the true one
}

TEST(StackFinderTest, LeadingStackStopsBeforeAdaptivePoolFlattenAndLinear)
{
    const ModelGraph g = TinyModels::classifier();
    ASSERT_EQ(g.layer(3).op, OpKind::AdaptiveAvgPool2d);
    const FusedStack s = leading(g, 0, g.layerCount());
    EXPECT_EQ(s.begin, 0);
    EXPECT_EQ(s.end, 3); // conv, relu, pool
    EXPECT_EQ(s.output, 3);
    EXPECT_EQ(s.inputs, QVector<int>{0});
    EXPECT_EQ(s.size(), 3);
    const QVector<FusedStack> all = StackFinder::candidates(g, 0, g.layerCount());
    ASSERT_EQ(all.size(), 3); // shortest first
    for (int i = 0; i < 3; ++i) {
        EXPECT_EQ(all[i].begin, 0);
        EXPECT_EQ(all[i].end, i + 1);
    }
    // A shorter range ends the stack earlier.
    EXPECT_EQ(leading(g, 0, 2).end, 2);
    EXPECT_EQ(leading(g, 1, 9).end, 3);

    const ModelGraph vgg = TestFiles::builtin(QStringLiteral("vgg16"));
    const FusedStack features = leading(vgg, 0, vgg.layerCount());
    EXPECT_EQ(features.begin, 0);
    EXPECT_EQ(features.end, 31);
    EXPECT_EQ(vgg.layer(features.end).name, QStringLiteral("avgpool"));
    EXPECT_EQ(leading(vgg, 10, 33).end, 31);
    EXPECT_EQ(leading(vgg, 30, 31).end, 31);
}

TEST(StackFinderTest, LeadingStackStopsBeforeAvgPoolWithPaddingOrCeilMode)
{
    const ModelGraph padded = TinyModels::paddedAvgPool();
    ASSERT_EQ(padded.layer(2).name, QStringLiteral("ap"));
    EXPECT_EQ(leading(padded, 0, padded.layerCount()).end, 2);
    const QString why = noStack(padded, 2, padded.layerCount());
    EXPECT_TRUE(why.contains(QStringLiteral("'ap'"))) << why.toStdString();
    EXPECT_TRUE(why.contains(QStringLiteral("avgpool2d"))) << why.toStdString();
    EXPECT_EQ(leading(padded, 3, 4).end, 4); // the conv after it tiles again

    const ModelGraph ceil = TinyModels::ceilAvgPool();
    EXPECT_EQ(leading(ceil, 0, ceil.layerCount()).end, 1);
    EXPECT_TRUE(noStack(ceil, 1, 3).contains(QStringLiteral("'ap'")));
}

TEST(StackFinderTest, StacksEndWhereExactlyOneFeatureMapCrosses)
{
    const ModelGraph g = TinyModels::residual();
    const int add = g.indexOf(QStringLiteral("b1.add"));
    // Inside the block two tensors cross every cut: a range ending there stops after the stem.
    for (int q = 2; q <= add; ++q) {
        EXPECT_GE(g.cut(q).tensors.size(), 2) << q;
        EXPECT_EQ(leading(g, 0, q).end, 1) << q;
    }
    EXPECT_EQ(leading(g, 0, add + 1).end, add + 1);
    for (const ModelGraph &model : {g, TestFiles::builtin(QStringLiteral("resnet18")),
                                    TestFiles::builtin(QStringLiteral("googlenet")),
                                    TestFiles::builtin(QStringLiteral("mobilenet_v2"))}) {
        for (int p = 0; p < model.layerCount(); ++p) {
            for (const FusedStack &s : StackFinder::candidates(model, p, model.layerCount())) {
                EXPECT_EQ(s.begin, p);
                EXPECT_EQ(model.cut(s.end).tensors, QVector<int>{s.output}) << model.name().toStdString() << " " << p;
                EXPECT_EQ(s.output, s.end);
                EXPECT_TRUE(model.tensorShape(s.output).isFeatureMap());
                EXPECT_EQ(s.inputs, model.cut(p).tensors);
                for (int i = s.begin; i < s.end; ++i)
                    EXPECT_TRUE(StackFinder::isTileable(model.layer(i))) << model.layer(i).name.toStdString();
            }
        }
    }

    const ModelGraph resnet = TestFiles::builtin(QStringLiteral("resnet18"));
    const int conv2 = resnet.indexOf(QStringLiteral("layer1.0.conv2"));
    const int add1 = resnet.indexOf(QStringLiteral("layer1.0.add"));
    const int maxpool = resnet.indexOf(QStringLiteral("maxpool"));
    // Ending inside layer1.0: stops at the maxpool's output (the block's only input).
    EXPECT_EQ(leading(resnet, 0, add1).end, maxpool + 1);
    // Ending after layer1.1's add: the stack verify uses for --cuts 0,17.
    const FusedStack to17 = leading(resnet, 0, 17);
    EXPECT_EQ(to17.end, 17);
    EXPECT_EQ(resnet.layer(to17.end - 1).name, QStringLiteral("layer1.1.add"));
    // Starting inside layer1.0: both the skip and the branch are stack inputs.
    const FusedStack inside = leading(resnet, conv2, add1 + 2);
    EXPECT_EQ(inside.inputs, (QVector<int>{maxpool + 1, conv2}));
    EXPECT_EQ(inside.end, add1 + 2);
}

TEST(StackFinderTest, RangesWithoutASpatialStackSayWhy)
{
    const ModelGraph vgg = TestFiles::builtin(QStringLiteral("vgg16"));
    const QString linear = noStack(vgg, 33, 40);
    EXPECT_TRUE(linear.contains(QStringLiteral("'classifier.0'"))) << linear.toStdString();
    EXPECT_TRUE(linear.contains(QStringLiteral("linear"))) << linear.toStdString();
    EXPECT_TRUE(linear.contains(QStringLiteral("[33, 40)"))) << linear.toStdString();
    EXPECT_TRUE(noStack(vgg, 32, 40).contains(QStringLiteral("'flatten'")));
    EXPECT_TRUE(noStack(vgg, 31, 40).contains(QStringLiteral("'avgpool'")));
    // A dropout is spatially local, but here it reads a vector: the message names what crosses the cut.
    const QString vector = noStack(vgg, 35, 40);
    EXPECT_TRUE(vector.contains(QStringLiteral("'classifier.1'"))) << vector.toStdString();
    EXPECT_TRUE(vector.contains(QStringLiteral("[4096]"))) << vector.toStdString();
    EXPECT_TRUE(vector.contains(QStringLiteral("[35, 40)"))) << vector.toStdString();
    EXPECT_TRUE(noStack(vgg, 5, 5).contains(QStringLiteral("[5, 5)")));
    EXPECT_TRUE(noStack(vgg, 0, 41).contains(QStringLiteral("[0, 41)")));
    EXPECT_TRUE(StackFinder::candidates(vgg, -1, 3).isEmpty());
    EXPECT_TRUE(StackFinder::candidates(vgg, 4, 3).isEmpty());
}

// Once, a range whose branches stay open up to an avgpool with padding (as in inception_v3) said only that there was
// no stack "before a layer that cannot be tiled", without naming the layer.
TEST(StackFinderTest, AStackThatEndsInsideABranchNamesTheLayerThatEndsItAndWhy)
{
    const ModelGraph g = TinyModels::parse(QStringLiteral("branches"), QStringLiteral("[2, 12, 12]"), QStringLiteral(
        "{'name': 'stem', 'op': 'conv2d', 'attributes': {'out_channels': 4, 'kernel_size': 3, 'padding': 1}},"
        "{'name': 'b1', 'op': 'conv2d', 'inputs': ['stem'], 'attributes': {'out_channels': 2, 'kernel_size': 1}},"
        "{'name': 'b2', 'op': 'avgpool2d', 'inputs': ['stem'],"
        " 'attributes': {'kernel_size': 3, 'stride': 1, 'padding': 1}},"
        "{'name': 'cat', 'op': 'concat', 'inputs': ['b1', 'b2']}"));
    ASSERT_EQ(g.layerCount(), 4);
    const QString why = noStack(g, 1, 4);
    EXPECT_TRUE(why.contains(QStringLiteral("layer 'b2' (#2) ends it"))) << why.toStdString();
    EXPECT_TRUE(why.contains(QStringLiteral("avgpool2d with padding"))) << why.toStdString();
    EXPECT_TRUE(why.contains(QStringLiteral("a branch is still open"))) << why.toStdString();
    const QString linear = noStack(TestFiles::builtin(QStringLiteral("vgg16")), 33, 40);
    EXPECT_TRUE(linear.contains(QStringLiteral("not spatially local"))) << linear.toStdString();
}

TEST(StackFinderTest, LargestIsTheStackWithTheMostFlops)
{
    const ModelGraph vgg = TestFiles::builtin(QStringLiteral("vgg16"));
    const auto features = StackFinder::largest(vgg);
    ASSERT_TRUE(features.has_value());
    EXPECT_EQ(features->begin, 0);
    EXPECT_EQ(features->end, 31); // layers 0..30: the whole features part
    EXPECT_EQ(vgg.tensorName(features->output), QStringLiteral("features.30"));

    QVector<d3::core::ModelGraph> models{TinyModels::classifier(), TinyModels::paddedAvgPool()};
    for (const QString &name : ModelCatalog::builtinNames())
        models << TestFiles::builtin(name);
    for (const ModelGraph &g : models) {
        SCOPED_TRACE(g.name().toStdString());
        const auto largest = StackFinder::largest(g);
        ASSERT_TRUE(largest.has_value());
        qint64 best = -1;
        for (int p = 0; p < g.layerCount(); ++p) {
            for (const FusedStack &s : StackFinder::candidates(g, p, g.layerCount()))
                best = std::max(best, flopsOf(g, s));
        }
        EXPECT_EQ(flopsOf(g, *largest), best);
    }
    // The padded avgpool splits its model into 2 + 1 layers; the first part has the most FLOPs.
    const auto padded = StackFinder::largest(TinyModels::paddedAvgPool());
    EXPECT_EQ(padded->begin, 0);
    EXPECT_EQ(padded->end, 2);
    // No stack at all.
    const ModelGraph head = TinyModels::parse(QStringLiteral("head"), QStringLiteral("[2, 4, 4]"), QStringLiteral(
        "{'name': 'flatten', 'op': 'flatten'}, {'name': 'fc', 'op': 'linear', 'attributes': {'out_features': 2}}"));
    EXPECT_FALSE(StackFinder::largest(head).has_value());
}

} // namespace
