#include "D3ctlProcess.h"
#include "TestFiles.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using d3::test::D3ctlProcess;
using d3::test::TestFiles;

namespace {

/// An empty models folder: the built-ins alone, whatever the user has in ~/.local/share/d3lab/models.
QMap<QString, QString> noUserModels(const QTemporaryDir &dir)
{
    return {{QStringLiteral("D3_MODEL_PATH"), dir.path()}};
}

TEST(ModelsCommandTest, JsonListsEveryBuiltinWithTheContractKeys)
{
    QTemporaryDir empty;
    const auto r = D3ctlProcess::run({QStringLiteral("models"), QStringLiteral("--json")}, 120000, noUserModels(empty));
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
        for (const char *key : {"name", "layers", "params", "flops", "input", "source"})
            EXPECT_TRUE(m.contains(QLatin1String(key))) << key;
        EXPECT_EQ(m.value(QLatin1String("source")).toString(), QStringLiteral("built-in"));
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
    QTemporaryDir empty;
    const auto r = D3ctlProcess::run({QStringLiteral("models")}, 120000, noUserModels(empty));
    ASSERT_TRUE(r.succeeded());
    const QString text = QString::fromUtf8(r.out);
    for (const char *s : {"alexnet", "61,100,840", "vgg16", "138,357,544", "tiny_yolov2", "[3, 416, 416]"})
        EXPECT_TRUE(text.contains(QLatin1String(s))) << s;
    EXPECT_EQ(text.count(QLatin1Char('\n')), 2 + 6); // header, rule, one row per model
}

TEST(ModelsCommandTest, TheUsersModelsAreListedAndUsableByName)
{
    QTemporaryDir models;
    QFile alexnet(QStringLiteral(":/models/alexnet.json"));
    ASSERT_TRUE(alexnet.open(QIODevice::ReadOnly));
    const QString path = TestFiles::write(models, QStringLiteral("my_alexnet.json"), alexnet.readAll());
    TestFiles::write(models, QStringLiteral("broken.json"), "{\"format\": ");
    const auto r = D3ctlProcess::run({QStringLiteral("models"), QStringLiteral("--json")}, 120000, noUserModels(models));
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString(); // with one line on stderr for the broken file
    const QJsonArray list = r.json().array();
    ASSERT_EQ(list.size(), 7); // the broken file is left out, with one line saying why
    EXPECT_EQ(list.at(6).toObject().value(QLatin1String("name")).toString(), QStringLiteral("my_alexnet"));
    EXPECT_EQ(list.at(6).toObject().value(QLatin1String("source")).toString(), path);
    EXPECT_TRUE(r.err.contains("broken.json")) << r.err.toStdString();
    const auto inspect = D3ctlProcess::run({QStringLiteral("inspect"), QStringLiteral("my_alexnet")}, 120000,
                                           noUserModels(models));
    EXPECT_TRUE(inspect.succeeded()) << inspect.err.toStdString();
}

} // namespace
