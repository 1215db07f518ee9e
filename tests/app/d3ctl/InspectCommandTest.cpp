#include "D3ctlProcess.h"
#include "TestFiles.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using d3::test::D3ctlProcess;
using d3::test::TestFiles;

namespace {

qint64 elements(const QJsonArray &shape)
{
    qint64 n = 1;
    for (const QJsonValue &d : shape)
        n *= qint64(d.toDouble());
    return n;
}

TEST(InspectCommandTest, JsonHasLayersAndEveryCut)
{
    const auto r = D3ctlProcess::run({QStringLiteral("inspect"), QStringLiteral("resnet18"), QStringLiteral("--json")});
    ASSERT_TRUE(r.succeeded());
    const QJsonObject doc = r.json().object();
    EXPECT_EQ(doc.value(QLatin1String("model")).toString(), QStringLiteral("resnet18"));
    const QJsonArray layers = doc.value(QLatin1String("layers")).toArray();
    const QJsonArray cuts = doc.value(QLatin1String("cuts")).toArray();
    const auto graph = TestFiles::builtin(QStringLiteral("resnet18"));
    ASSERT_EQ(layers.size(), graph.layerCount());
    ASSERT_EQ(cuts.size(), graph.layerCount() + 1);

    QHash<QString, qint64> bytesOf{{QStringLiteral("input"), 3 * 224 * 224 * 4}};
    double params = 0;
    for (int i = 0; i < layers.size(); ++i) {
        const QJsonObject l = layers.at(i).toObject();
        for (const char *key : {"name", "op", "inputs", "shape", "params", "flops", "bytes"})
            ASSERT_TRUE(l.contains(QLatin1String(key))) << "layer " << i << " lacks " << key;
        const QString name = l.value(QLatin1String("name")).toString();
        EXPECT_EQ(name, graph.layer(i).name);
        EXPECT_EQ(l.value(QLatin1String("bytes")).toDouble(), double(elements(l.value(QLatin1String("shape")).toArray()) * 4));
        EXPECT_EQ(l.value(QLatin1String("flops")).toDouble(), double(graph.layer(i).flops));
        for (const QJsonValue &in : l.value(QLatin1String("inputs")).toArray())
            EXPECT_TRUE(bytesOf.contains(in.toString())) << name.toStdString() << " reads unknown " << in.toString().toStdString();
        bytesOf.insert(name, qint64(l.value(QLatin1String("bytes")).toDouble()));
        params += l.value(QLatin1String("params")).toDouble();
    }
    EXPECT_EQ(params, 11689512.0);
    const QJsonObject add = layers.at(graph.indexOf(QStringLiteral("layer1.0.add"))).toObject();
    EXPECT_EQ(add.value(QLatin1String("op")).toString(), QStringLiteral("add"));
    EXPECT_EQ(add.value(QLatin1String("inputs")).toArray(), (QJsonArray{QStringLiteral("layer1.0.bn2"), QStringLiteral("maxpool")}));
    EXPECT_EQ(add.value(QLatin1String("shape")).toArray(), (QJsonArray{64, 56, 56}));

    for (int k = 0; k < cuts.size(); ++k) {
        const QJsonObject c = cuts.at(k).toObject();
        EXPECT_EQ(c.value(QLatin1String("position")).toInt(-1), k);
        qint64 sum = 0;
        for (const QJsonValue &t : c.value(QLatin1String("tensors")).toArray())
            sum += bytesOf.value(t.toString(), -1000000000);
        EXPECT_EQ(c.value(QLatin1String("bytes")).toDouble(), double(sum)) << "cut " << k;
    }
    EXPECT_EQ(cuts.first().toObject().value(QLatin1String("tensors")).toArray(), QJsonArray{QStringLiteral("input")});
    EXPECT_EQ(cuts.first().toObject().value(QLatin1String("bytes")).toDouble(), 602112.0);
    const QJsonObject inBlock = cuts.at(graph.indexOf(QStringLiteral("layer1.0.conv2"))).toObject();
    EXPECT_EQ(inBlock.value(QLatin1String("tensors")).toArray().size(), 2);
}

TEST(InspectCommandTest, AcceptsAModelFile)
{
    QTemporaryDir dir;
    const QString path = TestFiles::write(dir, QStringLiteral("two.json"),
                                          R"({"format": "d3lab-model", "version": 1, "name": "two",
                                              "input": {"shape": [2, 4, 4]},
                                              "layers": [{"name": "c", "op": "conv2d",
                                                          "attributes": {"out_channels": 3, "kernel_size": 3}},
                                                         {"name": "r", "op": "relu"}]})");
    const auto r = D3ctlProcess::run({QStringLiteral("inspect"), path, QStringLiteral("--json")});
    ASSERT_TRUE(r.succeeded());
    const QJsonObject doc = r.json().object();
    EXPECT_EQ(doc.value(QLatin1String("model")).toString(), QStringLiteral("two"));
    const QJsonObject c = doc.value(QLatin1String("layers")).toArray().first().toObject();
    EXPECT_EQ(c.value(QLatin1String("shape")).toArray(), (QJsonArray{3, 2, 2}));
    EXPECT_EQ(c.value(QLatin1String("params")).toDouble(), 3 * 2 * 9 + 3.0);
    EXPECT_EQ(doc.value(QLatin1String("cuts")).toArray().size(), 3);
}

TEST(InspectCommandTest, TableNamesModelAndLayers)
{
    const auto r = D3ctlProcess::run({QStringLiteral("inspect"), QStringLiteral("alexnet")});
    ASSERT_TRUE(r.succeeded());
    const QString text = QString::fromUtf8(r.out);
    EXPECT_TRUE(text.startsWith(QStringLiteral("alexnet: 22 layers, 61,100,840 parameters"))) << text.left(200).toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("classifier.6")));
}

} // namespace
