#include "D3ctlProcess.h"
#include "NpyBytes.h"
#include "TestFiles.h"

#include <QTemporaryDir>

#include <gtest/gtest.h>

using d3::test::D3ctlProcess;
using d3::test::NpyBytes;
using d3::test::TestFiles;

namespace {

class BadFilesTest : public ::testing::Test
{
protected:
    QTemporaryDir dir;

    QString file(const char *name, const QByteArray &bytes) { return TestFiles::write(dir, QLatin1String(name), bytes); }

    static d3::test::D3ctlResult verify(const QStringList &args)
    {
        return D3ctlProcess::run(QStringList{QStringLiteral("verify")} + args);
    }
};

TEST_F(BadFilesTest, MalformedModelFile)
{
    const QString path = file("broken.json", "{\n  \"format\": \"d3lab-model\",\n  \"layers\": [\n");
    const auto r = verify({path});
    EXPECT_TRUE(r.refused(path + QStringLiteral(": not valid JSON")));
    EXPECT_TRUE(r.err.contains("line 4, column 1"));
    EXPECT_TRUE(D3ctlProcess::run({QStringLiteral("inspect"), path, QStringLiteral("--json")}).refused(path));
}

TEST_F(BadFilesTest, ModelFileWithABadLayer)
{
    const QString path = file("badlayer.json", R"({"format": "d3lab-model", "version": 1, "name": "x",
        "input": {"shape": [3, 8, 8]},
        "layers": [{"name": "c1", "op": "conv2d", "attributes": {"out_channels": 4, "kernel_size": 3, "stride": 0}}]})");
    EXPECT_TRUE(verify({path}).refused(path + QStringLiteral(": layer 'c1' (#0), field 'attributes.stride'")));
}

TEST_F(BadFilesTest, InputOfTheWrongShape)
{
    const QString path = file("small.npy", NpyBytes::make(QStringLiteral("<f4"), false, QStringLiteral("3, 100, 100"),
                                                           QByteArray(3 * 100 * 100 * 4, 0)));
    const auto r = verify({QStringLiteral("alexnet"), QStringLiteral("--input"), path});
    EXPECT_TRUE(r.refused(path + QStringLiteral(": shape [3, 100, 100]")));
    EXPECT_TRUE(r.err.contains("[1, 3, 224, 224]"));
}

// Once, an input without its batch dimension was taken silently; PyTorch's inputs and outputs have it.
TEST_F(BadFilesTest, InputWithoutTheBatchDimension)
{
    const QString path = file("nobatch.npy", NpyBytes::make(QStringLiteral("<f4"), false, QStringLiteral("3, 224, 224"),
                                                             QByteArray(3 * 224 * 224 * 4, 0)));
    const auto r = verify({QStringLiteral("alexnet"), QStringLiteral("--input"), path});
    EXPECT_TRUE(r.refused(path + QStringLiteral(": shape [3, 224, 224] does not match the input of alexnet, a batch of "
                                                "one: [1, 3, 224, 224]"))) << r.err.toStdString();
}

TEST_F(BadFilesTest, AReferenceWithoutItsInputIsRefused)
{
    const QString path = file("ref.npy", NpyBytes::make(QStringLiteral("<f4"), false, QStringLiteral("1, 1000"),
                                                         QByteArray(4000, 0)));
    const auto r = verify({QStringLiteral("alexnet"), QStringLiteral("--reference"), path});
    EXPECT_TRUE(r.refused(QStringLiteral("verify: --reference needs --input FILE"))) << r.err.toStdString();
}

TEST_F(BadFilesTest, InputOfTheWrongDtype)
{
    const QString path = file("f64.npy", NpyBytes::make(QStringLiteral("<f8"), false, QStringLiteral("1, 3, 224, 224"),
                                                         QByteArray(3 * 224 * 224 * 8, 0)));
    const auto r = verify({QStringLiteral("alexnet"), QStringLiteral("--input"), path});
    EXPECT_TRUE(r.refused(path + QStringLiteral(": dtype is '<f8'")));
}

TEST_F(BadFilesTest, ReferenceOfTheWrongShape)
{
    const QString path = file("ref.npy", NpyBytes::make(QStringLiteral("<f4"), false, QStringLiteral("10,"),
                                                         QByteArray(40, 0)));
    const QString input = file("x.npy", NpyBytes::make(QStringLiteral("<f4"), false, QStringLiteral("1, 3, 224, 224"),
                                                        QByteArray(3 * 224 * 224 * 4, 0)));
    EXPECT_TRUE(verify({QStringLiteral("alexnet"), QStringLiteral("--input"), input, QStringLiteral("--reference"), path})
                    .refused(path + QStringLiteral(": shape [10] does not match the output of alexnet, a batch of one: "
                                                   "[1, 1000]")));
}

TEST_F(BadFilesTest, MissingInputFile)
{
    const QString path = dir.filePath(QStringLiteral("absent.npy"));
    EXPECT_TRUE(verify({QStringLiteral("alexnet"), QStringLiteral("--input"), path}).refused(path));
}

TEST_F(BadFilesTest, GarbageWeightsFile)
{
    QByteArray junk;
    for (int i = 0; i < 4096; ++i)
        junk.append(char((i * 131 + 7) & 0xff));
    const QString path = file("junk.pt", junk);
    EXPECT_TRUE(verify({QStringLiteral("alexnet"), QStringLiteral("--weights"), path}).refused(path));
    // A zip header followed by nothing: gets past the first sniff, must still be one clean line.
    const QString zip = file("zip.pt", QByteArray("PK\x03\x04", 4) + QByteArray(200, 0));
    EXPECT_TRUE(verify({QStringLiteral("alexnet"), QStringLiteral("--weights"), zip}).refused(zip));
    const QString empty = file("empty.pt", QByteArray());
    EXPECT_TRUE(verify({QStringLiteral("alexnet"), QStringLiteral("--weights"), empty}).refused(empty));
}

TEST_F(BadFilesTest, NonexistentWeightsFile)
{
    const QString path = dir.filePath(QStringLiteral("absent.pt"));
    EXPECT_TRUE(verify({QStringLiteral("alexnet"), QStringLiteral("--weights"), path})
                    .refused(path + QStringLiteral(": weights file not found")));
}

} // namespace
