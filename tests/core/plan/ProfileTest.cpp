#include "TestFiles.h"

#include "plan/Profile.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <limits>

using d3::core::ModelGraph;
using d3::core::Profile;
using d3::test::TestFiles;

namespace {

class ProfileTest : public ::testing::Test
{
protected:
    QTemporaryDir dir;
    ModelGraph alexnet = TestFiles::builtin(QStringLiteral("alexnet"));

    /// A profile that fits alexnet: layer i takes 0.5 + i ms.
    Profile alexnetProfile() const
    {
        Profile p;
        p.model = alexnet.name();
        for (const auto &l : alexnet.layers()) {
            p.layers << l.name;
            p.ms << 0.5 + l.index;
        }
        p.machine = QStringLiteral("Test CPU, 4 cores, Debian GNU/Linux 12 (bookworm)");
        p.threads = 4;
        p.slowdown = 2.5;
        p.runs = 10;
        p.date = QDateTime(QDate(2024, 5, 1), QTime(12, 30, 5), Qt::UTC);
        return p;
    }

    /// alexnetProfile() as a JSON object, for corrupting one field at a time.
    QJsonObject alexnetJson() const { return QJsonDocument::fromJson(alexnetProfile().toJson()).object(); }

    /// Writes bytes to a file, loads it, expects a refusal whose one line names the file and contains text.
    void expectRefused(const QByteArray &bytes, const QString &text)
    {
        const QString path = TestFiles::write(dir, QStringLiteral("bad.json"), bytes);
        QString error;
        EXPECT_FALSE(Profile::load(path, &error).has_value()) << bytes.left(200).toStdString();
        EXPECT_TRUE(error.startsWith(path + QStringLiteral(": "))) << error.toStdString();
        EXPECT_TRUE(error.contains(text)) << error.toStdString();
        EXPECT_FALSE(error.contains(QLatin1Char('\n'))) << error.toStdString();
    }

    void expectRefused(const QJsonObject &root, const QString &text)
    {
        expectRefused(QJsonDocument(root).toJson(), text);
    }
};

void expectSame(const Profile &a, const Profile &b)
{
    EXPECT_EQ(a.model, b.model);
    EXPECT_EQ(a.layers, b.layers);
    EXPECT_EQ(a.ms, b.ms);
    EXPECT_EQ(a.machine, b.machine);
    EXPECT_EQ(a.threads, b.threads);
    EXPECT_EQ(a.slowdown, b.slowdown);
    EXPECT_EQ(a.runs, b.runs);
    EXPECT_EQ(a.date, b.date);
}

TEST_F(ProfileTest, JsonRoundTripKeepsEveryField)
{
    const Profile p = alexnetProfile();
    QString error;
    const auto back = Profile::fromJson(p.toJson(), QStringLiteral("memory"), &error);
    ASSERT_TRUE(back.has_value()) << error.toStdString();
    expectSame(*back, p);
    EXPECT_TRUE(back->mismatch(alexnet).isEmpty()) << back->mismatch(alexnet).toStdString();
}

TEST_F(ProfileTest, JsonHasTheDocumentedKeys)
{
    const QJsonObject root = alexnetJson();
    EXPECT_EQ(root.value(QLatin1String("format")).toString(), QStringLiteral("d3lab-profile"));
    EXPECT_EQ(root.value(QLatin1String("version")).toInt(), 1);
    EXPECT_EQ(root.value(QLatin1String("date")).toString(), QStringLiteral("2024-05-01T12:30:05Z"));
    EXPECT_DOUBLE_EQ(root.value(QLatin1String("total_ms")).toDouble(), alexnetProfile().totalMs());
    const QJsonArray layers = root.value(QLatin1String("layers")).toArray();
    ASSERT_EQ(layers.size(), alexnet.layerCount());
    EXPECT_EQ(layers.at(0).toObject().value(QLatin1String("name")).toString(), alexnet.layer(0).name);
    EXPECT_EQ(layers.at(3).toObject().value(QLatin1String("ms")).toDouble(), 3.5);
}

TEST_F(ProfileTest, TotalIsTheSumOfTheLayers)
{
    const int n = alexnet.layerCount();
    EXPECT_DOUBLE_EQ(alexnetProfile().totalMs(), 0.5 * n + n * (n - 1) / 2.0);
    EXPECT_EQ(Profile().totalMs(), 0.0);
}

TEST_F(ProfileTest, SaveAndLoadRoundTrip)
{
    const Profile p = alexnetProfile();
    const QString path = dir.filePath(QStringLiteral("alexnet.profile.json"));
    QString error;
    ASSERT_TRUE(p.save(path, &error)) << error.toStdString();
    const auto back = Profile::load(path, &error);
    ASSERT_TRUE(back.has_value()) << error.toStdString();
    expectSame(*back, p);
    // Saving again replaces the file whole.
    Profile shorter = p;
    shorter.machine = QStringLiteral("x");
    ASSERT_TRUE(shorter.save(path, &error)) << error.toStdString();
    EXPECT_EQ(Profile::load(path, &error)->machine, QStringLiteral("x"));
}

TEST_F(ProfileTest, SaveToAnUnwritablePathFailsNamingIt)
{
    const QString path = dir.filePath(QStringLiteral("no/such/dir/p.json"));
    QString error;
    EXPECT_FALSE(alexnetProfile().save(path, &error));
    EXPECT_TRUE(error.startsWith(path + QStringLiteral(": "))) << error.toStdString();
    EXPECT_FALSE(QFile::exists(path));
}

TEST_F(ProfileTest, MismatchAnotherModel)
{
    const QString why = alexnetProfile().mismatch(TestFiles::builtin(QStringLiteral("resnet18")));
    EXPECT_TRUE(why.contains(QStringLiteral("'alexnet'"))) << why.toStdString();
    EXPECT_TRUE(why.contains(QStringLiteral("'resnet18'"))) << why.toStdString();
}

TEST_F(ProfileTest, MismatchWrongLength)
{
    Profile p = alexnetProfile();
    p.layers.removeLast();
    p.ms.removeLast();
    const QString why = p.mismatch(alexnet);
    EXPECT_TRUE(why.contains(QStringLiteral("21 layers"))) << why.toStdString();
    EXPECT_TRUE(why.contains(QStringLiteral("22"))) << why.toStdString();
    // Names and times of different lengths do not fit either.
    Profile q = alexnetProfile();
    q.ms.removeLast();
    EXPECT_FALSE(q.mismatch(alexnet).isEmpty());
}

TEST_F(ProfileTest, MismatchRenamedLayer)
{
    Profile p = alexnetProfile();
    p.layers[4] = QStringLiteral("features.renamed");
    const QString why = p.mismatch(alexnet);
    EXPECT_TRUE(why.contains(QStringLiteral("layer 4"))) << why.toStdString();
    EXPECT_TRUE(why.contains(QStringLiteral("features.renamed"))) << why.toStdString();
    EXPECT_TRUE(why.contains(alexnet.layer(4).name)) << why.toStdString();
}

TEST_F(ProfileTest, MismatchInvalidTime)
{
    for (double bad : {-1.0, std::numeric_limits<double>::quiet_NaN(), std::numeric_limits<double>::infinity()}) {
        Profile p = alexnetProfile();
        p.ms[7] = bad;
        const QString why = p.mismatch(alexnet);
        EXPECT_TRUE(why.contains(alexnet.layer(7).name)) << bad << ": " << why.toStdString();
        EXPECT_TRUE(why.contains(QStringLiteral("invalid time"))) << why.toStdString();
    }
}

TEST_F(ProfileTest, RefusesMalformedFiles)
{
    expectRefused(QByteArray("{\"format\": \"d3lab-profile\", "), QStringLiteral("not a JSON object"));
    expectRefused(QByteArray("[1, 2, 3]"), QStringLiteral("not a JSON object"));
    expectRefused(QByteArray(), QStringLiteral("not a JSON object"));

    QJsonObject root = alexnetJson();
    root.insert(QStringLiteral("format"), QStringLiteral("something-else"));
    expectRefused(root, QStringLiteral("'format'"));
    root = alexnetJson();
    root.insert(QStringLiteral("version"), 2);
    expectRefused(root, QStringLiteral("'version'"));
    root = alexnetJson();
    root.remove(QStringLiteral("model"));
    expectRefused(root, QStringLiteral("'model'"));
    root = alexnetJson();
    root.insert(QStringLiteral("layers"), QStringLiteral("conv"));
    expectRefused(root, QStringLiteral("'layers'"));
    root = alexnetJson();
    root.insert(QStringLiteral("layers"), QJsonArray());
    expectRefused(root, QStringLiteral("'layers'"));
}

TEST_F(ProfileTest, RefusesBadLayerEntriesNamingTheIndex)
{
    auto withLayer = [&](int i, const QJsonObject &entry) {
        QJsonObject root = alexnetJson();
        QJsonArray layers = root.value(QLatin1String("layers")).toArray();
        layers[i] = entry;
        root.insert(QStringLiteral("layers"), layers);
        return root;
    };
    const QString name = alexnet.layer(2).name;
    expectRefused(withLayer(2, {{QStringLiteral("name"), name}, {QStringLiteral("ms"), -0.5}}), QStringLiteral("layers[2]"));
    expectRefused(withLayer(2, {{QStringLiteral("name"), name}}), QStringLiteral("layers[2]"));
    expectRefused(withLayer(2, {{QStringLiteral("name"), name}, {QStringLiteral("ms"), QStringLiteral("fast")}}),
                  QStringLiteral("layers[2]"));
    expectRefused(withLayer(2, {{QStringLiteral("ms"), 1.0}}), QStringLiteral("layers[2]"));
}

TEST_F(ProfileTest, RefusesMissingAndOversizedFiles)
{
    const QString missing = dir.filePath(QStringLiteral("missing.json"));
    QString error;
    EXPECT_FALSE(Profile::load(missing, &error).has_value());
    EXPECT_TRUE(error.startsWith(missing + QStringLiteral(": "))) << error.toStdString();

    const QString huge = dir.filePath(QStringLiteral("huge.json"));
    QFile file(huge);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    ASSERT_TRUE(file.resize(17 * 1024 * 1024)); // sparse: no 17 MiB written
    file.close();
    EXPECT_FALSE(Profile::load(huge, &error).has_value());
    EXPECT_TRUE(error.startsWith(huge + QStringLiteral(": "))) << error.toStdString();
    EXPECT_TRUE(error.contains(QStringLiteral("16 MiB"))) << error.toStdString();
}

} // namespace
