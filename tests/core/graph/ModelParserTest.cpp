#include "graph/ModelParser.h"

#include <QRegularExpression>
#include <QString>

#include <gtest/gtest.h>

using d3::core::GraphError;
using d3::core::ModelGraph;
using d3::core::ModelParser;
using d3::core::OpKind;

namespace {

const QString kFile = QStringLiteral("tiny.json");

/// A model file around layers (written with ' for ", which JSON does not use otherwise here).
QByteArray model(const QString &layers, const QString &inputShape = QStringLiteral("[3, 8, 8]"))
{
    QString text = QStringLiteral("{'format': 'd3lab-model', 'version': 1, 'name': 'tiny',\n"
                                  " 'input': {'name': 'input', 'shape': %1},\n"
                                  " 'layers': [%2]}")
                       .arg(inputShape, layers);
    text.replace(QLatin1Char('\''), QLatin1Char('"'));
    return text.toUtf8();
}

QByteArray json(QString text)
{
    text.replace(QLatin1Char('\''), QLatin1Char('"'));
    return text.toUtf8();
}

class ModelParserTest : public ::testing::Test
{
protected:
    /// Parses bytes that must be refused and returns the error.
    GraphError refuse(const QByteArray &bytes)
    {
        GraphError error;
        const auto graph = ModelParser::parse(bytes, kFile, &error);
        EXPECT_FALSE(graph.has_value()) << "accepted: " << bytes.toStdString();
        EXPECT_EQ(error.file, kFile);
        EXPECT_FALSE(error.message.isEmpty());
        return error;
    }

    /// Expects error to name layer (at index) and field, and message to contain text; toString() must hold all.
    static void expectAt(const GraphError &error, const QString &layer, int index, const QString &field,
                         const QString &text)
    {
        EXPECT_EQ(error.layer, layer);
        EXPECT_EQ(error.layerIndex, index);
        EXPECT_EQ(error.field, field);
        EXPECT_TRUE(error.message.contains(text)) << error.message.toStdString();
        const QString line = error.toString();
        EXPECT_TRUE(line.startsWith(kFile)) << line.toStdString();
        if (!layer.isEmpty()) {
            EXPECT_TRUE(line.contains(QStringLiteral("layer '%1' (#%2)").arg(layer).arg(index))) << line.toStdString();
        }
        if (!field.isEmpty()) {
            EXPECT_TRUE(line.contains(QStringLiteral("field '%1'").arg(field))) << line.toStdString();
        }
        EXPECT_FALSE(line.contains(QLatin1Char('\n')));
    }
};

TEST_F(ModelParserTest, ParsesAValidModelWithShapesParamsAndFlops)
{
    const QByteArray bytes = model(QStringLiteral(
        "{'name': 'conv1', 'op': 'conv2d', 'attributes': {'in_channels': 3, 'out_channels': 4, 'kernel_size': 3,"
        "  'padding': 1, 'bias': false}},"
        "{'name': 'bn1', 'op': 'batchnorm2d', 'attributes': {'num_features': 4}},"
        "{'name': 'relu1', 'op': 'relu'},"
        "{'name': 'pool', 'op': 'maxpool2d', 'attributes': {'kernel_size': 2}},"
        "{'name': 'conv2', 'op': 'conv2d', 'attributes': {'out_channels': 4, 'kernel_size': [1, 1]}},"
        "{'name': 'add', 'op': 'add', 'inputs': ['conv2', 'pool']},"
        "{'name': 'cat', 'op': 'concat', 'inputs': ['add', 'pool']},"
        "{'name': 'flat', 'op': 'flatten'},"
        "{'name': 'fc', 'op': 'linear', 'attributes': {'in_features': 128, 'out_features': 10}},"
        "{'name': 'sm', 'op': 'softmax'}"));
    GraphError error;
    const auto graph = ModelParser::parse(bytes, kFile, &error);
    ASSERT_TRUE(graph.has_value()) << error.toString().toStdString();
    EXPECT_EQ(graph->name(), QStringLiteral("tiny"));
    EXPECT_EQ(graph->source(), kFile);
    ASSERT_EQ(graph->layerCount(), 10);

    struct Expected { const char *name; OpKind op; QVector<qint64> shape; qint64 params; qint64 flops; };
    const Expected expected[] = {
        {"conv1", OpKind::Conv2d, {4, 8, 8}, 4 * 3 * 9, 2 * 27 * 256},
        {"bn1", OpKind::BatchNorm2d, {4, 8, 8}, 8, 2 * 256},
        {"relu1", OpKind::Relu, {4, 8, 8}, 0, 256},
        {"pool", OpKind::MaxPool2d, {4, 4, 4}, 0, 64 * 4},
        {"conv2", OpKind::Conv2d, {4, 4, 4}, 16 + 4, 2 * 4 * 64 + 64},
        {"add", OpKind::Add, {4, 4, 4}, 0, 64},
        {"cat", OpKind::Concat, {8, 4, 4}, 0, 0},
        {"flat", OpKind::Flatten, {128}, 0, 0},
        {"fc", OpKind::Linear, {10}, 128 * 10 + 10, 2 * 128 * 10 + 10},
        {"sm", OpKind::Softmax, {10}, 0, 30},
    };
    qint64 params = 0, flops = 0;
    for (int i = 0; i < 10; ++i) {
        const auto &l = graph->layer(i);
        SCOPED_TRACE(expected[i].name);
        EXPECT_EQ(l.index, i);
        EXPECT_EQ(l.name, QLatin1String(expected[i].name));
        EXPECT_EQ(l.op, expected[i].op);
        EXPECT_EQ(l.shape.dims, expected[i].shape);
        EXPECT_EQ(l.params, expected[i].params);
        EXPECT_EQ(l.flops, expected[i].flops);
        EXPECT_EQ(l.bytes, l.shape.elements() * 4);
        params += expected[i].params;
        flops += expected[i].flops;
    }
    EXPECT_EQ(graph->totalParams(), params);
    EXPECT_EQ(graph->totalFlops(), flops);
    // Omitted inputs mean the previous layer (or the model input); named ones resolve to tensor ids.
    EXPECT_EQ(graph->layer(0).inputs, QVector<int>{0});
    EXPECT_EQ(graph->layer(4).inputs, QVector<int>{4});
    EXPECT_EQ(graph->layer(5).inputs, (QVector<int>{5, 4}));
    EXPECT_EQ(graph->layer(6).inputs, (QVector<int>{6, 4}));
    EXPECT_EQ(graph->consumers(4), (QVector<int>{4, 5, 6}));
}

TEST_F(ModelParserTest, MalformedJsonGivesLineAndColumn)
{
    const GraphError e = refuse(json("{\n  'format': 'd3lab-model',\n  'version' 1\n}"));
    expectAt(e, QString(), -1, QString(), QStringLiteral("not valid JSON"));
    // Qt points at the stray token '1' (column 13) or just past it.
    EXPECT_TRUE(e.message.contains(QRegularExpression(QStringLiteral("line 3, column 1[34]\\)$"))))
        << e.message.toStdString();
}

TEST_F(ModelParserTest, RefusesATopLevelThatIsNotAnObject)
{
    expectAt(refuse("[1, 2]"), QString(), -1, QString(), QStringLiteral("JSON object"));
}

TEST_F(ModelParserTest, RefusesWrongFormatAndVersion)
{
    QByteArray bytes = model(QStringLiteral("{'name': 'r', 'op': 'relu'}"));
    expectAt(refuse(QByteArray(bytes).replace("d3lab-model", "onnx")), QString(), -1, QStringLiteral("format"),
             QStringLiteral("d3lab-model"));
    expectAt(refuse(QByteArray(bytes).replace("\"version\": 1", "\"version\": 2")), QString(), -1,
             QStringLiteral("version"), QStringLiteral("must be 1"));
    expectAt(refuse(QByteArray(bytes).replace("\"version\": 1", "\"version\": \"1\"")), QString(), -1,
             QStringLiteral("version"), QStringLiteral("must be 1"));
}

TEST_F(ModelParserTest, RefusesUnknownTopLevelField)
{
    const QByteArray bytes = model(QStringLiteral("{'name': 'r', 'op': 'relu'}")).replace("\"name\": \"tiny\"",
                                                                                         "\"nmae\": \"tiny\"");
    expectAt(refuse(bytes), QString(), -1, QStringLiteral("nmae"), QStringLiteral("unknown top-level field"));
}

TEST_F(ModelParserTest, RefusesABadInputShape)
{
    expectAt(refuse(model(QStringLiteral("{'name': 'r', 'op': 'relu'}"), QStringLiteral("[3, 0, 8]"))), QString(), -1,
             QStringLiteral("input.shape"), QStringLiteral("[C, H, W]"));
    expectAt(refuse(model(QStringLiteral("{'name': 'r', 'op': 'relu'}"), QStringLiteral("[3, 8]"))), QString(), -1,
             QStringLiteral("input.shape"), QStringLiteral("[C, H, W]"));
}

TEST_F(ModelParserTest, RefusesEmptyLayers)
{
    expectAt(refuse(model(QString())), QString(), -1, QStringLiteral("layers"), QStringLiteral("non-empty"));
}

TEST_F(ModelParserTest, RefusesUnknownOpListingTheKnownOnes)
{
    const GraphError e = refuse(model(QStringLiteral("{'name': 'r', 'op': 'relu'}, {'name': 'c', 'op': 'conv3d'}")));
    expectAt(e, QStringLiteral("c"), 1, QStringLiteral("op"), QStringLiteral("unknown op 'conv3d'"));
    EXPECT_TRUE(e.message.contains(QStringLiteral("conv2d")));
}

TEST_F(ModelParserTest, RefusesUnknownLayerField)
{
    expectAt(refuse(model(QStringLiteral("{'name': 'r', 'op': 'relu', 'input': ['input']}"))), QStringLiteral("r"), 0,
             QStringLiteral("input"), QStringLiteral("unknown layer field"));
}

TEST_F(ModelParserTest, RefusesUnknownAttributeListingTheAllowedOnes)
{
    const GraphError e = refuse(model(QStringLiteral(
        "{'name': 'c', 'op': 'conv2d', 'attributes': {'out_channels': 4, 'kernel_size': 3, 'padding_mode': 'zeros'}}")));
    expectAt(e, QStringLiteral("c"), 0, QStringLiteral("attributes.padding_mode"),
             QStringLiteral("is not an attribute of conv2d"));
    EXPECT_TRUE(e.message.contains(QStringLiteral("kernel_size")));
    expectAt(refuse(model(QStringLiteral("{'name': 'r', 'op': 'relu', 'attributes': {'inplace': true}}"))),
             QStringLiteral("r"), 0, QStringLiteral("attributes.inplace"), QStringLiteral("it takes none"));
}

TEST_F(ModelParserTest, RefusesMissingRequiredAttribute)
{
    expectAt(refuse(model(QStringLiteral("{'name': 'c', 'op': 'conv2d', 'attributes': {'out_channels': 4}}"))),
             QStringLiteral("c"), 0, QStringLiteral("attributes.kernel_size"), QStringLiteral("is required"));
    expectAt(refuse(model(QStringLiteral("{'name': 'c', 'op': 'conv2d', 'attributes': {'kernel_size': 3}}"))),
             QStringLiteral("c"), 0, QStringLiteral("attributes.out_channels"), QStringLiteral("is required"));
    expectAt(refuse(model(QStringLiteral("{'name': 'p', 'op': 'maxpool2d'}"))), QStringLiteral("p"), 0,
             QStringLiteral("attributes.kernel_size"), QStringLiteral("is required"));
}

TEST_F(ModelParserTest, RefusesBadAttributeValues)
{
    const struct {
        const char *attributes;
        const char *field;
        const char *text;
    } cases[] = {
        {"'out_channels': 4, 'kernel_size': 3, 'stride': 0", "attributes.stride", "integer >= 1"},
        {"'out_channels': 4, 'kernel_size': '3'", "attributes.kernel_size", "pair [h, w]"},
        {"'out_channels': 4, 'kernel_size': [3]", "attributes.kernel_size", "pair [h, w]"},
        {"'out_channels': 4, 'kernel_size': [3, 2.5]", "attributes.kernel_size", "pair [h, w]"},
        {"'out_channels': 2.5, 'kernel_size': 3", "attributes.out_channels", "integer >= 1"},
        {"'out_channels': 4, 'kernel_size': 3, 'padding': -1", "attributes.padding", "integer >= 0"},
        {"'out_channels': 4, 'kernel_size': 3, 'bias': 'yes'", "attributes.bias", "true or false"},
        {"'out_channels': 4, 'kernel_size': 3, 'in_channels': 0", "attributes.in_channels", "integer >= 1"},
    };
    for (const auto &c : cases) {
        SCOPED_TRACE(c.attributes);
        expectAt(refuse(model(QStringLiteral("{'name': 'c', 'op': 'conv2d', 'attributes': {%1}}")
                                  .arg(QLatin1String(c.attributes)))),
                 QStringLiteral("c"), 0, QLatin1String(c.field), QLatin1String(c.text));
    }
    expectAt(refuse(model(QStringLiteral("{'name': 'b', 'op': 'batchnorm2d', 'attributes': {'eps': -1}}"))),
             QStringLiteral("b"), 0, QStringLiteral("attributes.eps"), QStringLiteral("must be a number"));
    expectAt(refuse(model(QStringLiteral("{'name': 'r', 'op': 'relu', 'attributes': [1]}"))), QStringLiteral("r"), 0,
             QStringLiteral("attributes"), QStringLiteral("JSON object"));
}

TEST_F(ModelParserTest, RefusesMissingInput)
{
    expectAt(refuse(model(QStringLiteral("{'name': 'r', 'op': 'relu'}, {'name': 's', 'op': 'relu', 'inputs': ['q']}"))),
             QStringLiteral("s"), 1, QStringLiteral("inputs"), QStringLiteral("unknown input 'q'"));
    expectAt(refuse(model(QStringLiteral("{'name': 'r', 'op': 'relu', 'inputs': []}"))), QStringLiteral("r"), 0,
             QStringLiteral("inputs"), QStringLiteral("non-empty array"));
}

TEST_F(ModelParserTest, RefusesAnInputDefinedLater)
{
    // a -> b -> a is a cycle; whichever layer comes first reads a tensor defined later.
    const GraphError e = refuse(model(QStringLiteral(
        "{'name': 'a', 'op': 'relu', 'inputs': ['b']}, {'name': 'b', 'op': 'relu', 'inputs': ['a']}")));
    expectAt(e, QStringLiteral("a"), 0, QStringLiteral("inputs"), QStringLiteral("'b' is defined later"));
    EXPECT_TRUE(e.message.contains(QStringLiteral("topological order")));
}

TEST_F(ModelParserTest, RefusesSelfReference)
{
    const GraphError e = refuse(model(QStringLiteral(
        "{'name': 'r', 'op': 'relu'}, {'name': 's', 'op': 'add', 'inputs': ['r', 's']}")));
    expectAt(e, QStringLiteral("s"), 1, QStringLiteral("inputs"), QStringLiteral("its own output"));
    EXPECT_FALSE(e.message.contains(QStringLiteral("unknown input")));
}

TEST_F(ModelParserTest, RefusesDuplicateNames)
{
    expectAt(refuse(model(QStringLiteral("{'name': 'r', 'op': 'relu'}, {'name': 'r', 'op': 'relu'}"))),
             QStringLiteral("r"), 1, QStringLiteral("name"), QStringLiteral("duplicate name"));
    expectAt(refuse(model(QStringLiteral("{'name': 'input', 'op': 'relu'}"))), QStringLiteral("input"), 0,
             QStringLiteral("name"), QStringLiteral("the input"));
}

TEST_F(ModelParserTest, RefusesMalformedLayerNames)
{
    expectAt(refuse(model(QStringLiteral("{'name': 'a..b', 'op': 'relu'}"))), QStringLiteral("a..b"), 0,
             QStringLiteral("name"), QStringLiteral("dot-separated"));
    expectAt(refuse(model(QStringLiteral("{'op': 'relu'}"))), QString(), 0, QStringLiteral("name"),
             QStringLiteral("dot-separated"));
    expectAt(refuse(model(QStringLiteral("{'name': 'a b', 'op': 'relu'}"))), QStringLiteral("a b"), 0,
             QStringLiteral("name"), QStringLiteral("dot-separated"));
    // a module path with a '-' (torchvision's regnet: trunk_output.block1.block1-0) is a layer name
    GraphError error;
    EXPECT_TRUE(ModelParser::parse(model(QStringLiteral("{'name': 'trunk_output.block1.block1-0.relu', 'op': 'relu'}")),
                                   kFile, &error))
        << error.toString().toStdString();
}

TEST_F(ModelParserTest, RefusesAddOfDifferentShapes)
{
    const GraphError e = refuse(model(QStringLiteral(
        "{'name': 'c', 'op': 'conv2d', 'attributes': {'out_channels': 4, 'kernel_size': 1}},"
        "{'name': 'a', 'op': 'add', 'inputs': ['c', 'input']}")));
    expectAt(e, QStringLiteral("a"), 1, QStringLiteral("inputs"), QStringLiteral("broadcast"));
    EXPECT_TRUE(e.message.contains(QStringLiteral("[4, 8, 8]")) && e.message.contains(QStringLiteral("[3, 8, 8]")));
}

TEST_F(ModelParserTest, RefusesConvGroupsNotDividingChannels)
{
    expectAt(refuse(model(QStringLiteral(
                 "{'name': 'c', 'op': 'conv2d', 'attributes': {'out_channels': 4, 'kernel_size': 3, 'groups': 2}}"))),
             QStringLiteral("c"), 0, QStringLiteral("attributes.groups"), QStringLiteral("must divide"));
    expectAt(refuse(model(QStringLiteral(
                 "{'name': 'c', 'op': 'conv2d', 'attributes': {'out_channels': 4, 'kernel_size': 3, 'groups': 3}}"))),
             QStringLiteral("c"), 0, QStringLiteral("attributes.groups"), QStringLiteral("out_channels 4"));
}

TEST_F(ModelParserTest, RefusesInFeaturesThatAreNotTheLastDimension)
{
    // nn.Linear acts on the last dimension; a forgotten flatten shows as in_features against W
    expectAt(refuse(model(QStringLiteral(
                 "{'name': 'fc', 'op': 'linear', 'attributes': {'in_features': 192, 'out_features': 10}}"))),
             QStringLiteral("fc"), 0, QStringLiteral("attributes.in_features"), QStringLiteral("last dimension has 8"));
}

TEST_F(ModelParserTest, ReadsTheOpsOfTodaysNetworks)
{
    // a squeeze-excite block, a channel split, a permute to channels-last with a layer norm and GELU, a learned
    // layer scale, and a token sequence through attention
    GraphError error;
    const auto g = ModelParser::parse(model(QStringLiteral(
        "{'name': 'c', 'op': 'conv2d', 'attributes': {'out_channels': 8, 'kernel_size': 1}},"
        "{'name': 'act', 'op': 'silu'},"
        "{'name': 'se.pool', 'op': 'adaptive_avgpool2d', 'attributes': {'output_size': 1}},"
        "{'name': 'se.gate', 'op': 'hardsigmoid'},"
        "{'name': 'se.mul', 'op': 'mul', 'inputs': ['se.gate', 'act']},"
        "{'name': 'half', 'op': 'slice', 'attributes': {'dim': 0, 'start': 4, 'end': 8}},"
        "{'name': 'nhwc', 'op': 'permute', 'attributes': {'dims': [1, 2, 0]}},"
        "{'name': 'ln', 'op': 'layer_norm', 'attributes': {'normalized_shape': [4], 'eps': 1e-6}},"
        "{'name': 'gelu', 'op': 'gelu', 'attributes': {'approximate': 'tanh'}},"
        "{'name': 'layer_scale', 'op': 'parameter', 'attributes': {'shape': [4]}},"
        "{'name': 'scaled', 'op': 'mul', 'inputs': ['layer_scale', 'gelu']},"
        "{'name': 'tokens', 'op': 'reshape', 'attributes': {'shape': [64, 4]}},"
        "{'name': 'attn', 'op': 'multihead_attention', 'attributes': {'embed_dim': 4, 'num_heads': 2}},"
        "{'name': 'half2', 'op': 'div', 'attributes': {'scalar': 2, 'reverse': true}},"
        "{'name': 'pooled', 'op': 'mean', 'attributes': {'dims': [0]}},"
        "{'name': 'probs', 'op': 'softmax', 'attributes': {'dim': 0}}")), kFile, &error);
    ASSERT_TRUE(g) << error.toString().toStdString();
    EXPECT_EQ(g->layer(4).shape.dims, (QVector<qint64>{8, 8, 8}));
    EXPECT_TRUE(g->layer(4).broadcasts);
    EXPECT_EQ(g->layer(6).shape.dims, (QVector<qint64>{8, 8, 4}));
    EXPECT_TRUE(g->layer(8).attributes.geluTanh);
    EXPECT_TRUE(g->layer(9).inputs.isEmpty());
    EXPECT_EQ(g->layer(9).tensors.first().key, QStringLiteral("layer_scale"));
    EXPECT_EQ(g->layer(11).shape.dims, (QVector<qint64>{64, 4}));
    EXPECT_TRUE(g->layer(13).attributes.reverse);
    EXPECT_EQ(g->layer(15).shape.dims, QVector<qint64>{4});
}

TEST_F(ModelParserTest, RefusesAParameterWithInputsAndBadNewAttributes)
{
    expectAt(refuse(model(QStringLiteral(
                 "{'name': 'p', 'op': 'parameter', 'inputs': ['input'], 'attributes': {'shape': [3]}},"
                 "{'name': 'a', 'op': 'add', 'inputs': ['p', 'input']}"))),
             QStringLiteral("p"), 0, QStringLiteral("inputs"), QStringLiteral("reads no input"));
    expectAt(refuse(model(QStringLiteral("{'name': 'g', 'op': 'gelu', 'attributes': {'approximate': 'erf'}}"))),
             QStringLiteral("g"), 0, QStringLiteral("attributes.approximate"), QStringLiteral("\"tanh\""));
    expectAt(refuse(model(QStringLiteral("{'name': 'm', 'op': 'mean', 'attributes': {'dims': []}}"))),
             QStringLiteral("m"), 0, QStringLiteral("attributes.dims"), QStringLiteral("list of 1 to 8"));
    expectAt(refuse(model(QStringLiteral("{'name': 'm', 'op': 'mean', 'attributes': {'dims': [-1]}}"))),
             QStringLiteral("m"), 0, QStringLiteral("attributes.dims"), QStringLiteral(">= 0"));
    expectAt(refuse(model(QStringLiteral("{'name': 'm', 'op': 'mean'}"))),
             QStringLiteral("m"), 0, QStringLiteral("attributes.dims"), QStringLiteral("required"));
    expectAt(refuse(model(QStringLiteral("{'name': 's', 'op': 'mul', 'attributes': {'scalar': 'two'}}"))),
             QStringLiteral("s"), 0, QStringLiteral("attributes.scalar"), QStringLiteral("number"));
}

TEST_F(ModelParserTest, RefusesMismatchedDeclaredSizes)
{
    expectAt(refuse(model(QStringLiteral(
                 "{'name': 'c', 'op': 'conv2d', 'attributes': {'in_channels': 4, 'out_channels': 4, 'kernel_size': 1}}"))),
             QStringLiteral("c"), 0, QStringLiteral("attributes.in_channels"),
             QStringLiteral("says 4 but the input has 3 channels"));
    expectAt(refuse(model(QStringLiteral("{'name': 'b', 'op': 'batchnorm2d', 'attributes': {'num_features': 64}}"))),
             QStringLiteral("b"), 0, QStringLiteral("attributes.num_features"),
             QStringLiteral("says 64 but the input has 3 channels"));
    expectAt(refuse(model(QStringLiteral("{'name': 'f', 'op': 'flatten'},"
                                         "{'name': 'fc', 'op': 'linear', 'attributes': {'in_features': 100, "
                                         "'out_features': 10}}"))),
             QStringLiteral("fc"), 1, QStringLiteral("attributes.in_features"),
             QStringLiteral("says 100 but the input's last dimension has 192 features"));
}

TEST_F(ModelParserTest, RefusesAWindowLargerThanTheInput)
{
    expectAt(refuse(model(QStringLiteral("{'name': 'p', 'op': 'maxpool2d', 'attributes': {'kernel_size': 9}}"))),
             QStringLiteral("p"), 0, QStringLiteral("attributes.kernel_size"),
             QStringLiteral("does not fit the input [3, 8, 8]"));
    expectAt(refuse(model(QStringLiteral(
                 "{'name': 'c', 'op': 'conv2d', 'attributes': {'out_channels': 4, 'kernel_size': [3, 5], 'dilation': 2}}"))),
             QStringLiteral("c"), 0, QStringLiteral("attributes.kernel_size"), QStringLiteral("does not fit"));
}

TEST_F(ModelParserTest, RefusesAnUnusedLayerOutput)
{
    const GraphError e = refuse(model(QStringLiteral(
        "{'name': 'a', 'op': 'relu'}, {'name': 'b', 'op': 'relu', 'inputs': ['input']}")));
    expectAt(e, QStringLiteral("a"), 0, QString(), QStringLiteral("never used"));
}

TEST_F(ModelParserTest, LoadNamesAMissingFile)
{
    GraphError error;
    EXPECT_FALSE(ModelParser::load(QStringLiteral("/nonexistent/model.json"), &error).has_value());
    EXPECT_EQ(error.file, QStringLiteral("/nonexistent/model.json"));
    EXPECT_TRUE(error.message.contains(QStringLiteral("cannot read"))) << error.message.toStdString();
}

} // namespace
