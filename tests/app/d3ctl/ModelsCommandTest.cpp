#include "D3ctlProcess.h"
#include "TestFiles.h"

#include <QJsonArray>
#include <QJsonObject>

#include <gtest/gtest.h>

using d3::test::D3ctlProcess;
using d3::test::TestFiles;

namespace {

TEST(ModelsCommandTest, JsonListsEveryBuiltinWithTheContractKeys)
{
    const auto r = D3ctlProcess::run({QStringLiteral("models"), QStringLiteral("--json")});
    ASSERT_TRUE(r.succeeded());
    const QJsonArray list = r.json().array();
    const std::pair<const char *, qint64> expected[] = {
        {"alexnet", 61100840},  {"vgg16", 138357544},      {"resnet18", 11689512},
        {"googlenet", 6624904}, {"mobilenet_v2", 3504872}, {"tiny_yolov2", 15861773},
    };
    ASSERT_EQ(list.size(), int(std::size(expected)));
    for (int i = 0; i < list.size(); ++i) {
        const QJsonObject m = list.at(i).toObject();
        const QString name = QLatin1String(expected[i].first);
        SCOPED_TRACE(name.toStdString());
        for (const char *key : {"name", "layers", "params", "flops", "input"})
            EXPECT_TRUE(m.contains(QLatin1String(key))) << key;
        EXPECT_EQ(m.value(QLatin1String("name")).toString(), name);
        EXPECT_EQ(m.value(QLatin1String("params")).toDouble(), double(expected[i].second));
        const auto graph = TestFiles::builtin(name);
        EXPECT_EQ(m.value(QLatin1String("layers")).toInt(), graph.layerCount());
        EXPECT_EQ(m.value(QLatin1String("flops")).toDouble(), double(graph.totalFlops()));
        const int side = name == QLatin1String("tiny_yolov2") ? 416 : 224;
        EXPECT_EQ(m.value(QLatin1String("input")).toArray(), (QJsonArray{3, side, side}));
    }
    EXPECT_EQ(list.at(0).toObject().value(QLatin1String("layers")).toInt(), 22);
    EXPECT_EQ(list.at(2).toObject().value(QLatin1String("layers")).toInt(), 69);
}

TEST(ModelsCommandTest, TableShowsGroupedCounts)
{
    const auto r = D3ctlProcess::run({QStringLiteral("models")});
    ASSERT_TRUE(r.succeeded());
    const QString text = QString::fromUtf8(r.out);
    for (const char *s : {"alexnet", "61,100,840", "vgg16", "138,357,544", "tiny_yolov2", "[3, 416, 416]"})
        EXPECT_TRUE(text.contains(QLatin1String(s))) << s;
    EXPECT_EQ(text.count(QLatin1Char('\n')), 2 + 6); // header, rule, one row per model
}

} // namespace
