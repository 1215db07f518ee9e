#include "TinyModels.h"

#include "graph/ModelParser.h"

#include <gtest/gtest.h>

namespace d3::test {

core::ModelGraph TinyModels::parse(const QString &name, const QString &inputShape, const QString &layers)
{
    QString text = QStringLiteral("{'format': 'd3lab-model', 'version': 1, 'name': '%1',\n"
                                  " 'input': {'name': 'input', 'shape': %2},\n"
                                  " 'layers': [%3]}")
                       .arg(name, inputShape, layers);
    text.replace(QLatin1Char('\''), QLatin1Char('"'));
    core::GraphError error;
    const auto graph = core::ModelParser::parse(text.toUtf8(), name + QStringLiteral(".json"), &error);
    if (!graph) {
        ADD_FAILURE() << "tiny model " << name.toStdString() << " refused: " << error.toString().toStdString();
        return {};
    }
    return *graph;
}

core::ModelGraph TinyModels::chain3x3()
{
    return parse(QStringLiteral("chain3x3"), QStringLiteral("[2, 24, 24]"), QStringLiteral(
        "{'name': 'c1', 'op': 'conv2d', 'attributes': {'out_channels': 3, 'kernel_size': 3, 'padding': 1}},"
        "{'name': 'r1', 'op': 'relu'},"
        "{'name': 'c2', 'op': 'conv2d', 'attributes': {'out_channels': 2, 'kernel_size': 3, 'padding': 1}},"
        "{'name': 'r2', 'op': 'relu'},"
        "{'name': 'c3', 'op': 'conv2d', 'attributes': {'out_channels': 2, 'kernel_size': 3, 'padding': 1}}"));
}

core::ModelGraph TinyModels::uneven()
{
    return parse(QStringLiteral("uneven"), QStringLiteral("[1, 17, 23]"), QStringLiteral(
        "{'name': 'c1', 'op': 'conv2d', 'attributes': {'out_channels': 2, 'kernel_size': 3, 'padding': 1}}"));
}

core::ModelGraph TinyModels::strided()
{
    return parse(QStringLiteral("strided"), QStringLiteral("[2, 64, 66]"), QStringLiteral(
        "{'name': 's2', 'op': 'conv2d', 'attributes': {'out_channels': 3, 'kernel_size': 3, 'stride': 2, 'padding': 1}},"
        "{'name': 'r1', 'op': 'relu'},"
        "{'name': 'd2', 'op': 'conv2d', 'attributes': {'out_channels': 3, 'kernel_size': 3, 'dilation': 2, 'padding': 2}},"
        "{'name': 'ap', 'op': 'avgpool2d', 'attributes': {'kernel_size': 2}},"
        "{'name': 'tall', 'op': 'conv2d', 'attributes': {'out_channels': 3, 'kernel_size': [3, 1], 'padding': [1, 0]}},"
        "{'name': 'mp', 'op': 'maxpool2d', 'attributes': {'kernel_size': 3, 'stride': 2, 'ceil_mode': true}},"
        "{'name': 'r2', 'op': 'relu6'}"));
}

core::ModelGraph TinyModels::stem()
{
    return parse(QStringLiteral("stem"), QStringLiteral("[1, 112, 112]"), QStringLiteral(
        "{'name': 'maxpool1', 'op': 'maxpool2d', 'attributes': {'kernel_size': 3, 'stride': 2, 'ceil_mode': true}},"
        "{'name': 'conv2', 'op': 'conv2d', 'attributes': {'out_channels': 2, 'kernel_size': 3, 'padding': 1}}"));
}

core::ModelGraph TinyModels::residual()
{
    return parse(QStringLiteral("residual"), QStringLiteral("[2, 16, 16]"), QStringLiteral(
        "{'name': 'stem', 'op': 'conv2d', 'attributes': {'out_channels': 2, 'kernel_size': 3, 'padding': 1}},"
        "{'name': 'b1.conv1', 'op': 'conv2d', 'attributes': {'out_channels': 2, 'kernel_size': 3, 'padding': 1}},"
        "{'name': 'b1.bn1', 'op': 'batchnorm2d'},"
        "{'name': 'b1.relu1', 'op': 'relu'},"
        "{'name': 'b1.conv2', 'op': 'conv2d', 'attributes': {'out_channels': 2, 'kernel_size': 3, 'padding': 1}},"
        "{'name': 'b1.add', 'op': 'add', 'inputs': ['b1.conv2', 'stem']},"
        "{'name': 'b1.relu2', 'op': 'relu'},"
        "{'name': 'b2.conv1', 'op': 'conv2d', 'attributes': {'out_channels': 4, 'kernel_size': 3, 'stride': 2, 'padding': 1}},"
        "{'name': 'b2.relu1', 'op': 'leaky_relu'},"
        "{'name': 'b2.conv2', 'op': 'conv2d', 'attributes': {'out_channels': 4, 'kernel_size': 3, 'padding': 1}},"
        "{'name': 'b2.down', 'op': 'conv2d', 'inputs': ['b1.relu2'], 'attributes': {'out_channels': 4, 'kernel_size': 1, 'stride': 2}},"
        "{'name': 'b2.add', 'op': 'add', 'inputs': ['b2.conv2', 'b2.down']},"
        "{'name': 'b2.relu2', 'op': 'relu'}"));
}

core::ModelGraph TinyModels::inception()
{
    return parse(QStringLiteral("inception"), QStringLiteral("[2, 20, 20]"), QStringLiteral(
        "{'name': 'stem', 'op': 'conv2d', 'attributes': {'out_channels': 3, 'kernel_size': 3, 'padding': 1}},"
        "{'name': 'br1', 'op': 'conv2d', 'inputs': ['stem'], 'attributes': {'out_channels': 2, 'kernel_size': 1}},"
        "{'name': 'br2.0', 'op': 'conv2d', 'inputs': ['stem'], 'attributes': {'out_channels': 2, 'kernel_size': 1}},"
        "{'name': 'br2.1', 'op': 'conv2d', 'attributes': {'out_channels': 2, 'kernel_size': 3, 'padding': 1}},"
        "{'name': 'br3.0', 'op': 'conv2d', 'inputs': ['stem'], 'attributes': {'out_channels': 2, 'kernel_size': 1}},"
        "{'name': 'br3.1', 'op': 'conv2d', 'attributes': {'out_channels': 2, 'kernel_size': 5, 'padding': 2}},"
        "{'name': 'br4.0', 'op': 'maxpool2d', 'inputs': ['stem'], 'attributes': {'kernel_size': 3, 'stride': 1, 'padding': 1, 'ceil_mode': true}},"
        "{'name': 'br4.1', 'op': 'conv2d', 'attributes': {'out_channels': 2, 'kernel_size': 1}},"
        "{'name': 'concat', 'op': 'concat', 'inputs': ['br1', 'br2.1', 'br3.1', 'br4.1']}"));
}

core::ModelGraph TinyModels::pointwise()
{
    return parse(QStringLiteral("pointwise"), QStringLiteral("[3, 10, 12]"), QStringLiteral(
        "{'name': 'c1', 'op': 'conv2d', 'attributes': {'out_channels': 4, 'kernel_size': 1}},"
        "{'name': 'bn', 'op': 'batchnorm2d'},"
        "{'name': 'r1', 'op': 'relu'},"
        "{'name': 'lrn', 'op': 'lrn', 'attributes': {'size': 3}},"
        "{'name': 'c2', 'op': 'conv2d', 'attributes': {'out_channels': 2, 'kernel_size': 1}}"));
}

core::ModelGraph TinyModels::padOnly()
{
    return parse(QStringLiteral("pad_only"), QStringLiteral("[1, 4, 4]"), QStringLiteral(
        "{'name': 'c1', 'op': 'conv2d', 'attributes': {'out_channels': 2, 'kernel_size': 1, 'padding': 2}},"
        "{'name': 'r1', 'op': 'relu'}"));
}

core::ModelGraph TinyModels::classifier()
{
    return parse(QStringLiteral("classifier"), QStringLiteral("[2, 12, 12]"), QStringLiteral(
        "{'name': 'conv', 'op': 'conv2d', 'attributes': {'out_channels': 4, 'kernel_size': 3, 'padding': 1}},"
        "{'name': 'relu', 'op': 'relu'},"
        "{'name': 'pool', 'op': 'maxpool2d', 'attributes': {'kernel_size': 2}},"
        "{'name': 'gap', 'op': 'adaptive_avgpool2d', 'attributes': {'output_size': 1}},"
        "{'name': 'flatten', 'op': 'flatten'},"
        "{'name': 'fc1', 'op': 'linear', 'attributes': {'out_features': 8}},"
        "{'name': 'fc1.relu', 'op': 'relu'},"
        "{'name': 'drop', 'op': 'dropout'},"
        "{'name': 'fc2', 'op': 'linear', 'attributes': {'out_features': 3}}"));
}

core::ModelGraph TinyModels::paddedAvgPool()
{
    return parse(QStringLiteral("padded_avgpool"), QStringLiteral("[2, 12, 12]"), QStringLiteral(
        "{'name': 'c1', 'op': 'conv2d', 'attributes': {'out_channels': 2, 'kernel_size': 3, 'padding': 1}},"
        "{'name': 'r1', 'op': 'relu'},"
        "{'name': 'ap', 'op': 'avgpool2d', 'attributes': {'kernel_size': 3, 'stride': 1, 'padding': 1}},"
        "{'name': 'c2', 'op': 'conv2d', 'attributes': {'out_channels': 2, 'kernel_size': 3, 'padding': 1}}"));
}

core::ModelGraph TinyModels::ceilAvgPool()
{
    return parse(QStringLiteral("ceil_avgpool"), QStringLiteral("[2, 13, 13]"), QStringLiteral(
        "{'name': 'c1', 'op': 'conv2d', 'attributes': {'out_channels': 2, 'kernel_size': 3, 'padding': 1}},"
        "{'name': 'ap', 'op': 'avgpool2d', 'attributes': {'kernel_size': 2, 'ceil_mode': true}},"
        "{'name': 'c2', 'op': 'conv2d', 'attributes': {'out_channels': 2, 'kernel_size': 3, 'padding': 1}}"));
}

} // namespace d3::test
