#include "graph/LayerAnalyzer.h"

#include <gtest/gtest.h>

using d3::core::Layer;
using d3::core::LayerAnalyzer;
using d3::core::OpKind;
using d3::core::TensorShape;

namespace {

TensorShape shape(QVector<qint64> dims)
{
    return TensorShape{std::move(dims)};
}

Layer layer(OpKind op, const char *name = "l")
{
    Layer l;
    l.name = QLatin1String(name);
    l.op = op;
    return l;
}

/// Analyzes l on inputs and expects success.
void analyzeOk(Layer *l, const QVector<TensorShape> &inputs)
{
    QString field, message;
    ASSERT_TRUE(LayerAnalyzer::analyze(l, inputs, &field, &message))
        << field.toStdString() << ": " << message.toStdString();
    EXPECT_EQ(l->bytes, l->shape.elements() * 4);
}

/// Analyzes l on inputs, expects a refusal on field and returns the message.
QString analyzeFails(Layer *l, const QVector<TensorShape> &inputs, const QString &field)
{
    QString f, message;
    EXPECT_FALSE(LayerAnalyzer::analyze(l, inputs, &f, &message));
    EXPECT_EQ(f, field);
    EXPECT_FALSE(message.isEmpty());
    return message;
}

struct WindowCase {
    qint64 in;
    int kernel, stride, padding, dilation;
    bool ceil;
    qint64 out; // what torch.nn.MaxPool2d / Conv2d give
};

TEST(LayerAnalyzerTest, WindowOutputFollowsPyTorch)
{
    // Expected values measured with torch 1.13 (nn.MaxPool2d(k, s, p, d, ceil_mode=c) on an n x n input).
    const WindowCase cases[] = {
        {224, 11, 4, 2, 1, false, 55}, // alexnet conv1
        {55, 3, 2, 0, 1, false, 27},   // alexnet maxpool
        {112, 3, 2, 0, 1, true, 56},   // googlenet maxpool1 (ceil)
        {56, 3, 2, 0, 1, true, 28},    // googlenet maxpool2
        {28, 3, 2, 0, 1, true, 14},    // googlenet maxpool3
        {14, 2, 2, 0, 1, true, 7},     // googlenet maxpool4
        {13, 3, 2, 0, 1, true, 6},     // ceil adds a partial window...
        {13, 3, 2, 0, 1, false, 6},
        {14, 3, 2, 0, 1, true, 7},     // ...here it does
        {14, 3, 2, 0, 1, false, 6},
        {5, 2, 2, 1, 1, true, 3},      // the 4th window would start in the right padding: dropped
        {5, 2, 2, 1, 1, false, 3},
        {6, 3, 2, 1, 1, true, 4},
        {2, 2, 2, 1, 1, true, 2},
        {3, 3, 2, 0, 1, true, 1},
        {1, 1, 2, 0, 1, true, 1},
        {10, 3, 1, 1, 2, false, 8},    // dilation 2
        {13, 3, 1, 1, 1, false, 13},   // tiny_yolov2 pool6
    };
    for (const WindowCase &c : cases) {
        EXPECT_EQ(LayerAnalyzer::windowOutput(c.in, c.kernel, c.stride, c.padding, c.dilation, c.ceil), c.out)
            << "in " << c.in << " k " << c.kernel << " s " << c.stride << " p " << c.padding << " d " << c.dilation
            << " ceil " << c.ceil;
    }
}

TEST(LayerAnalyzerTest, WindowOutputBelowOneWhenTheWindowDoesNotFit)
{
    EXPECT_LT(LayerAnalyzer::windowOutput(4, 5, 1, 0, 1, false), 1);
    EXPECT_LT(LayerAnalyzer::windowOutput(4, 5, 1, 0, 1, true), 1);
    EXPECT_LT(LayerAnalyzer::windowOutput(8, 3, 1, 0, 4, false), 1);
    EXPECT_EQ(LayerAnalyzer::windowOutput(4, 5, 1, 1, 1, false), 2);
}

TEST(LayerAnalyzerTest, ConvParamsFlopsAndTensors)
{
    Layer l = layer(OpKind::Conv2d, "features.0");
    l.attributes.outChannels = 64;
    l.attributes.kernel = {11, 11};
    l.attributes.stride = {4, 4};
    l.attributes.padding = {2, 2};
    analyzeOk(&l, {shape({3, 224, 224})});
    EXPECT_EQ(l.shape.dims, (QVector<qint64>{64, 55, 55}));
    EXPECT_EQ(l.params, 64 * 3 * 11 * 11 + 64); // torchvision alexnet features.0: 23,296
    EXPECT_EQ(l.params, 23296);
    const qint64 out = 64 * 55 * 55;
    EXPECT_EQ(l.flops, 2 * (3 * 11 * 11) * out + out);
    ASSERT_EQ(l.tensors.size(), 2);
    EXPECT_EQ(l.tensors[0].key, QStringLiteral("features.0.weight"));
    EXPECT_EQ(l.tensors[0].shape.dims, (QVector<qint64>{64, 3, 11, 11}));
    EXPECT_EQ(l.tensors[1].key, QStringLiteral("features.0.bias"));
    EXPECT_EQ(l.tensors[1].shape.dims, QVector<qint64>{64});
    EXPECT_TRUE(l.tensors[0].learned && l.tensors[1].learned);
}

TEST(LayerAnalyzerTest, DepthwiseConvWithoutBias)
{
    Layer l = layer(OpKind::Conv2d);
    l.attributes.outChannels = 32;
    l.attributes.kernel = {3, 3};
    l.attributes.padding = {1, 1};
    l.attributes.groups = 32;
    l.attributes.bias = false;
    analyzeOk(&l, {shape({32, 112, 112})});
    EXPECT_EQ(l.shape.dims, (QVector<qint64>{32, 112, 112}));
    EXPECT_EQ(l.params, 32 * 1 * 3 * 3);
    EXPECT_EQ(l.flops, 2 * 9 * 32 * 112 * 112);
    ASSERT_EQ(l.tensors.size(), 1);
    EXPECT_EQ(l.tensors[0].shape.dims, (QVector<qint64>{32, 1, 3, 3}));
}

TEST(LayerAnalyzerTest, ConvMayPadMoreThanHalfItsKernel)
{
    Layer l = layer(OpKind::Conv2d);
    l.attributes.outChannels = 2;
    l.attributes.kernel = {1, 1};
    l.attributes.padding = {1, 1};
    analyzeOk(&l, {shape({3, 4, 4})});
    EXPECT_EQ(l.shape.dims, (QVector<qint64>{2, 6, 6}));
}

TEST(LayerAnalyzerTest, PoolRefusesPaddingOverHalfTheKernel)
{
    Layer l = layer(OpKind::MaxPool2d);
    l.attributes.kernel = {2, 2};
    l.attributes.stride = {2, 2};
    l.attributes.padding = {2, 2};
    analyzeFails(&l, {shape({3, 8, 8})}, QStringLiteral("attributes.padding"));
}

TEST(LayerAnalyzerTest, AvgPoolIgnoresDilationAndKeepsChannels)
{
    Layer l = layer(OpKind::AvgPool2d);
    l.attributes.kernel = {3, 3};
    l.attributes.stride = {2, 2};
    l.attributes.dilation = {4, 4}; // not an avgpool attribute; must not shrink the output
    analyzeOk(&l, {shape({16, 9, 9})});
    EXPECT_EQ(l.shape.dims, (QVector<qint64>{16, 4, 4}));
    EXPECT_EQ(l.flops, 16 * 4 * 4 * 9);
    EXPECT_EQ(l.params, 0);
}

TEST(LayerAnalyzerTest, BatchNormTensorsAndBuffers)
{
    Layer l = layer(OpKind::BatchNorm2d, "layer1.0.bn1");
    analyzeOk(&l, {shape({64, 56, 56})});
    EXPECT_EQ(l.shape.dims, (QVector<qint64>{64, 56, 56}));
    EXPECT_EQ(l.params, 128); // weight and bias only
    EXPECT_EQ(l.flops, 2 * 64 * 56 * 56);
    ASSERT_EQ(l.tensors.size(), 5);
    const char *suffixes[] = {"weight", "bias", "running_mean", "running_var", "num_batches_tracked"};
    for (int i = 0; i < 5; ++i) {
        EXPECT_EQ(l.tensors[i].suffix, QLatin1String(suffixes[i]));
        EXPECT_EQ(l.tensors[i].key, QStringLiteral("layer1.0.bn1.") + QLatin1String(suffixes[i]));
        EXPECT_EQ(l.tensors[i].learned, i < 2) << suffixes[i];
        EXPECT_EQ(l.tensors[i].integer, i == 4) << suffixes[i];
    }
    EXPECT_EQ(l.tensors[2].shape.dims, QVector<qint64>{64});
    EXPECT_TRUE(l.tensors[4].shape.dims.isEmpty()); // a scalar
}

TEST(LayerAnalyzerTest, LinearWithAndWithoutBias)
{
    Layer l = layer(OpKind::Linear, "classifier.6");
    l.attributes.outFeatures = 1000;
    analyzeOk(&l, {shape({4096})});
    EXPECT_EQ(l.shape.dims, QVector<qint64>{1000});
    EXPECT_EQ(l.params, 4096 * 1000 + 1000);
    EXPECT_EQ(l.flops, 2 * 4096 * 1000 + 1000);
    ASSERT_EQ(l.tensors.size(), 2);
    EXPECT_EQ(l.tensors[0].shape.dims, (QVector<qint64>{1000, 4096}));

    Layer nb = layer(OpKind::Linear);
    nb.attributes.outFeatures = 10;
    nb.attributes.bias = false;
    analyzeOk(&nb, {shape({20})});
    EXPECT_EQ(nb.params, 200);
    EXPECT_EQ(nb.flops, 400);
    EXPECT_EQ(nb.tensors.size(), 1);
}

TEST(LayerAnalyzerTest, LinearNeedsAFlatInput)
{
    Layer l = layer(OpKind::Linear);
    l.attributes.outFeatures = 10;
    EXPECT_TRUE(analyzeFails(&l, {shape({2, 3, 3})}, QStringLiteral("inputs")).contains(QStringLiteral("flatten")));
}

TEST(LayerAnalyzerTest, ElementwiseAndReshapingOps)
{
    Layer f = layer(OpKind::Flatten);
    analyzeOk(&f, {shape({256, 6, 6})});
    EXPECT_EQ(f.shape.dims, QVector<qint64>{9216});
    EXPECT_EQ(f.flops, 0);

    Layer a = layer(OpKind::AdaptiveAvgPool2d);
    a.attributes.outputSize = {6, 6};
    analyzeOk(&a, {shape({256, 13, 13})});
    EXPECT_EQ(a.shape.dims, (QVector<qint64>{256, 6, 6}));

    Layer d = layer(OpKind::Dropout);
    analyzeOk(&d, {shape({4096})});
    EXPECT_EQ(d.shape.dims, QVector<qint64>{4096});
    EXPECT_EQ(d.flops, 0);

    Layer lrn = layer(OpKind::Lrn);
    analyzeOk(&lrn, {shape({96, 55, 55})});
    EXPECT_EQ(lrn.shape.dims, (QVector<qint64>{96, 55, 55}));
    EXPECT_EQ(lrn.params, 0);
}

TEST(LayerAnalyzerTest, AddAndConcat)
{
    Layer add = layer(OpKind::Add);
    analyzeOk(&add, {shape({64, 56, 56}), shape({64, 56, 56})});
    EXPECT_EQ(add.shape.dims, (QVector<qint64>{64, 56, 56}));
    EXPECT_EQ(add.flops, 64 * 56 * 56);
    analyzeFails(&add, {shape({64, 56, 56})}, QStringLiteral("inputs"));
    analyzeFails(&add, {shape({64, 56, 56}), shape({64, 28, 28})}, QStringLiteral("inputs"));

    Layer cat = layer(OpKind::Concat);
    analyzeOk(&cat, {shape({64, 28, 28}), shape({128, 28, 28}), shape({32, 28, 28}), shape({32, 28, 28})});
    EXPECT_EQ(cat.shape.dims, (QVector<qint64>{256, 28, 28}));
    Layer bad = layer(OpKind::Concat);
    analyzeFails(&bad, {shape({64, 28, 28}), shape({64, 14, 14})}, QStringLiteral("inputs"));
    analyzeFails(&bad, {shape({64, 28, 28}), shape({10})}, QStringLiteral("inputs"));
}

TEST(LayerAnalyzerTest, SingleInputOpsRefuseSeveral)
{
    Layer r = layer(OpKind::Relu);
    EXPECT_TRUE(analyzeFails(&r, {shape({4}), shape({4})}, QStringLiteral("inputs"))
                    .contains(QStringLiteral("exactly one input")));
    Layer c = layer(OpKind::Conv2d);
    c.attributes.outChannels = 4;
    analyzeFails(&c, {shape({16})}, QStringLiteral("inputs"));
}

} // namespace
