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

TEST(LayerAnalyzerTest, LinearActsOnTheLastDimension)
{
    // nn.Linear on ConvNeXt's [H, W, C] or a transformer's [T, D]: every row of the last dimension
    Layer l = layer(OpKind::Linear);
    l.attributes.outFeatures = 384;
    analyzeOk(&l, {shape({56, 56, 96})});
    EXPECT_EQ(l.shape.dims, (QVector<qint64>{56, 56, 384}));
    EXPECT_EQ(l.params, 96 * 384 + 384);
    EXPECT_EQ(l.flops, 56 * 56 * (2 * 96 * 384 + 384));
    EXPECT_EQ(l.tensors.first().shape.dims, (QVector<qint64>{384, 96}));
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
    EXPECT_FALSE(add.broadcasts);
    analyzeFails(&add, {shape({64, 56, 56})}, QStringLiteral("inputs"));
    analyzeFails(&add, {shape({64, 56, 56}), shape({64, 28, 28})}, QStringLiteral("inputs"));

    Layer cat = layer(OpKind::Concat);
    analyzeOk(&cat, {shape({64, 28, 28}), shape({128, 28, 28}), shape({32, 28, 28}), shape({32, 28, 28})});
    EXPECT_EQ(cat.shape.dims, (QVector<qint64>{256, 28, 28}));
    Layer bad = layer(OpKind::Concat);
    analyzeFails(&bad, {shape({64, 28, 28}), shape({64, 14, 14})}, QStringLiteral("inputs"));
    analyzeFails(&bad, {shape({64, 28, 28}), shape({10})}, QStringLiteral("inputs"));
}

TEST(LayerAnalyzerTest, ArithmeticBroadcastsAsPyTorch)
{
    // squeeze-excite: [C, 1, 1] * [C, H, W]
    Layer se = layer(OpKind::Mul);
    analyzeOk(&se, {shape({96, 1, 1}), shape({96, 56, 56})});
    EXPECT_EQ(se.shape.dims, (QVector<qint64>{96, 56, 56}));
    EXPECT_TRUE(se.broadcasts);
    // a position embedding [197, 768] added to a sequence; a missing leading dimension stretches
    Layer pos = layer(OpKind::Add);
    analyzeOk(&pos, {shape({197, 768}), shape({768})});
    EXPECT_EQ(pos.shape.dims, (QVector<qint64>{197, 768}));
    Layer bad = layer(OpKind::Sub);
    EXPECT_TRUE(analyzeFails(&bad, {shape({96, 2, 1}), shape({96, 56, 56})}, QStringLiteral("inputs"))
                    .contains(QStringLiteral("broadcast")));
    analyzeFails(&bad, {shape({4}), shape({4}), shape({4})}, QStringLiteral("inputs")); // sub takes two

    Layer scaled = layer(OpKind::Div);
    scaled.attributes.hasScalar = true;
    scaled.attributes.scalar = 6.0;
    analyzeOk(&scaled, {shape({16, 8, 8})});
    EXPECT_EQ(scaled.shape.dims, (QVector<qint64>{16, 8, 8}));
    EXPECT_EQ(scaled.flops, 16 * 8 * 8);
    EXPECT_FALSE(scaled.broadcasts);
    analyzeFails(&scaled, {shape({4}), shape({4})}, QStringLiteral("inputs")); // a scalar and one input

    Layer reversed = layer(OpKind::Mul);
    reversed.attributes.reverse = true;
    analyzeFails(&reversed, {shape({4}), shape({4})}, QStringLiteral("attributes.reverse"));
}

TEST(LayerAnalyzerTest, ShapeOps)
{
    Layer r = layer(OpKind::Reshape);
    r.attributes.shape = {2, 58, 28, 28};
    analyzeOk(&r, {shape({116, 28, 28})});
    EXPECT_EQ(r.shape.dims, (QVector<qint64>{2, 58, 28, 28}));
    r.attributes.shape = {2, 58, 28, 27};
    EXPECT_TRUE(analyzeFails(&r, {shape({116, 28, 28})}, QStringLiteral("attributes.shape")).contains(QStringLiteral("elements")));

    Layer p = layer(OpKind::Permute);
    p.attributes.dims = {1, 2, 0};
    analyzeOk(&p, {shape({96, 56, 57})});
    EXPECT_EQ(p.shape.dims, (QVector<qint64>{56, 57, 96}));
    p.attributes.dims = {1, 1, 0};
    analyzeFails(&p, {shape({96, 56, 57})}, QStringLiteral("attributes.dims"));
    p.attributes.dims = {1, 0};
    analyzeFails(&p, {shape({96, 56, 57})}, QStringLiteral("attributes.dims"));

    Layer sl = layer(OpKind::Slice);
    sl.attributes.start = 58;
    sl.attributes.end = 116;
    analyzeOk(&sl, {shape({116, 28, 28})});
    EXPECT_EQ(sl.shape.dims, (QVector<qint64>{58, 28, 28}));
    sl.attributes.step = 3;
    sl.attributes.start = 0;
    sl.attributes.end = 10;
    analyzeOk(&sl, {shape({116, 28, 28})});
    EXPECT_EQ(sl.shape.dims.first(), 4); // 0, 3, 6, 9
    sl.attributes.end = 117;
    analyzeFails(&sl, {shape({116, 28, 28})}, QStringLiteral("attributes.end"));
    sl.attributes.dim = 3;
    analyzeFails(&sl, {shape({116, 28, 28})}, QStringLiteral("attributes.dim"));

    Layer sel = layer(OpKind::Select); // a class token, x[:, 0]
    analyzeOk(&sel, {shape({197, 768})});
    EXPECT_EQ(sel.shape.dims, QVector<qint64>{768});
    sel.attributes.index = 197;
    analyzeFails(&sel, {shape({197, 768})}, QStringLiteral("attributes.index"));

    Layer m = layer(OpKind::Mean);
    m.attributes.dims = {1, 2};
    analyzeOk(&m, {shape({1024, 7, 7})});
    EXPECT_EQ(m.shape.dims, QVector<qint64>{1024});
    EXPECT_EQ(m.flops, 1024 * 7 * 7);
    m.attributes.keepDim = true;
    analyzeOk(&m, {shape({1024, 7, 7})});
    EXPECT_EQ(m.shape.dims, (QVector<qint64>{1024, 1, 1}));
    m.attributes.dims = {2, 2};
    analyzeFails(&m, {shape({1024, 7, 7})}, QStringLiteral("attributes.dims"));

    Layer cat = layer(OpKind::Concat); // class token before the patches
    cat.attributes.dim = 0;
    analyzeOk(&cat, {shape({1, 768}), shape({196, 768})});
    EXPECT_EQ(cat.shape.dims, (QVector<qint64>{197, 768}));
    cat.attributes.dim = 1;
    analyzeFails(&cat, {shape({1, 768}), shape({196, 768})}, QStringLiteral("inputs"));
    analyzeOk(&cat, {shape({4, 3}), shape({4, 5})});
    EXPECT_EQ(cat.shape.dims, (QVector<qint64>{4, 8}));
}

TEST(LayerAnalyzerTest, MatmulAttentionAndLayerNorm)
{
    Layer mm = layer(OpKind::Matmul);
    analyzeOk(&mm, {shape({12, 50, 64}), shape({12, 64, 50})});
    EXPECT_EQ(mm.shape.dims, (QVector<qint64>{12, 50, 50}));
    EXPECT_EQ(mm.flops, 2LL * 12 * 50 * 64 * 50);
    analyzeOk(&mm, {shape({12, 50, 64}), shape({64, 7})}); // leading dimensions broadcast
    EXPECT_EQ(mm.shape.dims, (QVector<qint64>{12, 50, 7}));
    EXPECT_TRUE(mm.broadcasts);
    analyzeFails(&mm, {shape({12, 50, 64}), shape({63, 7})}, QStringLiteral("inputs"));
    analyzeFails(&mm, {shape({64}), shape({64, 7})}, QStringLiteral("inputs"));

    Layer attn = layer(OpKind::MultiheadAttention, "encoder.layers.encoder_layer_0.self_attention");
    attn.attributes.embedDim = 768;
    attn.attributes.numHeads = 12;
    analyzeOk(&attn, {shape({50, 768})});
    EXPECT_EQ(attn.shape.dims, (QVector<qint64>{50, 768}));
    EXPECT_EQ(attn.params, 4 * 768 * 768 + 4 * 768); // as nn.MultiheadAttention(768, 12) counts them
    ASSERT_EQ(attn.tensors.size(), 4);
    EXPECT_EQ(attn.tensors.at(2).key, QStringLiteral("encoder.layers.encoder_layer_0.self_attention.out_proj.weight"));
    analyzeFails(&attn, {shape({50, 512})}, QStringLiteral("inputs"));
    attn.attributes.numHeads = 7;
    analyzeFails(&attn, {shape({50, 768})}, QStringLiteral("attributes.num_heads"));

    Layer ln = layer(OpKind::LayerNorm, "features.1.0.block.2");
    ln.attributes.shape = {96};
    analyzeOk(&ln, {shape({56, 56, 96})});
    EXPECT_EQ(ln.params, 2 * 96);
    EXPECT_EQ(ln.tensors.first().key, QStringLiteral("features.1.0.block.2.weight"));
    ln.attributes.shape = {56};
    analyzeFails(&ln, {shape({56, 56, 96})}, QStringLiteral("attributes.normalized_shape"));
}

TEST(LayerAnalyzerTest, ParameterOwnsTheKeyOfItsName)
{
    Layer token = layer(OpKind::Parameter, "class_token");
    token.attributes.shape = {1, 768};
    token.attributes.batchDim = true;
    analyzeOk(&token, {});
    EXPECT_EQ(token.shape.dims, (QVector<qint64>{1, 768}));
    ASSERT_EQ(token.tensors.size(), 1);
    EXPECT_EQ(token.tensors.first().key, QStringLiteral("class_token"));
    EXPECT_EQ(token.tensors.first().shape.dims, (QVector<qint64>{1, 1, 768})); // as the state_dict stores it
    EXPECT_EQ(token.params, 768);

    Layer scale = layer(OpKind::Parameter, "features.1.0.layer_scale");
    scale.attributes.shape = {96, 1, 1};
    analyzeOk(&scale, {});
    EXPECT_EQ(scale.tensors.first().shape.dims, (QVector<qint64>{96, 1, 1}));
}

TEST(LayerAnalyzerTest, RefusesShapesTooLargeToAddress)
{
    Layer r = layer(OpKind::Reshape);
    r.attributes.shape = {1000000000, 1000000000, 1000000000};
    analyzeFails(&r, {shape({8})}, QStringLiteral("attributes.shape"));
    // weights no machine holds are refused before anything is allocated for them
    Layer fc = layer(OpKind::Linear);
    fc.attributes.outFeatures = 1000000000;
    EXPECT_TRUE(analyzeFails(&fc, {shape({1000000})}, QStringLiteral("attributes")).contains(QStringLiteral("l.weight")));
    Layer attn = layer(OpKind::MultiheadAttention);
    attn.attributes.embedDim = 1000000;
    attn.attributes.numHeads = 1;
    analyzeFails(&attn, {shape({2, 1000000})}, QStringLiteral("attributes"));
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
