#include "NpyBytes.h"
#include "TestFiles.h"

#include "io/NpyFile.h"

#include <QFile>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

using d3::core::HostTensor;
using d3::core::NpyFile;
using d3::test::NpyBytes;
using d3::test::TestFiles;

namespace {

/// What numpy 1.24 writes for numpy.save(path, numpy.arange(6, dtype='<f4').reshape(2, 3)), header included.
const QByteArray kNumpyHeader2x3 = QByteArray("\x93NUMPY\x01\x00\x76\x00", 10)
    + "{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }" + QByteArray(58, ' ') + "\n";

class NpyFileTest : public ::testing::Test
{
protected:
    QTemporaryDir dir;

    QString file(const char *name, const QByteArray &bytes) { return TestFiles::write(dir, QLatin1String(name), bytes); }

    /// Reads path, expecting a refusal whose one-line message names the path and contains text.
    void expectRefused(const QString &path, const QString &text)
    {
        QString error;
        EXPECT_FALSE(NpyFile::read(path, &error).has_value());
        EXPECT_TRUE(error.startsWith(path + QStringLiteral(": "))) << error.toStdString();
        EXPECT_TRUE(error.contains(text)) << error.toStdString();
        EXPECT_FALSE(error.contains(QLatin1Char('\n')));
    }

    /// Writes t, reads it back and expects the identical tensor.
    void roundTrip(const HostTensor &t)
    {
        const QString path = dir.filePath(QStringLiteral("round.npy"));
        QString error;
        ASSERT_TRUE(NpyFile::write(path, t, &error)) << error.toStdString();
        const auto back = NpyFile::read(path, &error);
        ASSERT_TRUE(back.has_value()) << error.toStdString();
        EXPECT_EQ(back->shape, t.shape);
        ASSERT_EQ(back->values.size(), t.values.size());
        EXPECT_EQ(std::memcmp(back->values.data(), t.values.data(), size_t(t.bytes())), 0);
    }
};

TEST_F(NpyFileTest, RoundTripsOneDimension)
{
    roundTrip(HostTensor{{5}, {1.5f, -2.0f, 0.0f, std::numeric_limits<float>::denorm_min(), 3.4e38f}});
}

TEST_F(NpyFileTest, RoundTripsThreeDimensions)
{
    HostTensor t{{2, 3, 4}, {}};
    for (int i = 0; i < 24; ++i)
        t.values.push_back(std::sin(float(i)) * 100.0f);
    roundTrip(t);
}

TEST_F(NpyFileTest, WritesWhatNumpyWrites)
{
    const QString path = dir.filePath(QStringLiteral("w.npy"));
    QString error;
    ASSERT_TRUE(NpyFile::write(path, HostTensor{{2, 3}, {0, 1, 2, 3, 4, 5}}, &error)) << error.toStdString();
    QFile f(path);
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    EXPECT_EQ(f.readAll(), kNumpyHeader2x3 + NpyBytes::floats({0, 1, 2, 3, 4, 5}));
}

TEST_F(NpyFileTest, ReadsWhatNumpyWrites)
{
    QString error;
    const auto t = NpyFile::read(file("np.npy", kNumpyHeader2x3 + NpyBytes::floats({0, 1, 2, 3, 4, 5})), &error);
    ASSERT_TRUE(t.has_value()) << error.toStdString();
    EXPECT_EQ(t->shape, (QVector<qint64>{2, 3}));
    EXPECT_EQ(t->values, (std::vector<float>{0, 1, 2, 3, 4, 5}));
}

TEST_F(NpyFileTest, ReadsVersionTwoHeaders)
{
    const QByteArray v1 = NpyBytes::make(QStringLiteral("<f4"), false, QStringLiteral("3,"), NpyBytes::floats({7, 8, 9}));
    const quint16 len = quint16(quint8(v1[8]) | quint8(v1[9]) << 8);
    QByteArray v2("\x93NUMPY\x02\x00", 8);
    v2.append(char(len & 0xff)).append(char(len >> 8)).append(char(0)).append(char(0));
    v2 += v1.mid(10);
    QString error;
    const auto t = NpyFile::read(file("v2.npy", v2), &error);
    ASSERT_TRUE(t.has_value()) << error.toStdString();
    EXPECT_EQ(t->values, (std::vector<float>{7, 8, 9}));
}

TEST_F(NpyFileTest, RefusesFloat64)
{
    const QByteArray payload(6 * 8, '\0');
    expectRefused(file("f8.npy", NpyBytes::make(QStringLiteral("<f8"), false, QStringLiteral("2, 3"), payload)),
                  QStringLiteral("'<f8'"));
}

TEST_F(NpyFileTest, RefusesBigEndianFloat32)
{
    expectRefused(file("be.npy", NpyBytes::make(QStringLiteral(">f4"), false, QStringLiteral("2,"), QByteArray(8, 0))),
                  QStringLiteral("'>f4'"));
}

TEST_F(NpyFileTest, RefusesFortranOrder)
{
    expectRefused(file("f.npy", NpyBytes::make(QStringLiteral("<f4"), true, QStringLiteral("2, 3"),
                                               NpyBytes::floats({0, 1, 2, 3, 4, 5}))),
                  QStringLiteral("Fortran order"));
}

TEST_F(NpyFileTest, RefusesTruncatedData)
{
    expectRefused(file("t.npy", NpyBytes::make(QStringLiteral("<f4"), false, QStringLiteral("2, 3"),
                                               NpyBytes::floats({0, 1, 2, 3, 4}))),
                  QStringLiteral("holds 20 data bytes but its shape needs 24"));
    expectRefused(file("extra.npy", NpyBytes::make(QStringLiteral("<f4"), false, QStringLiteral("2,"),
                                                   NpyBytes::floats({0, 1, 2}))),
                  QStringLiteral("holds 12 data bytes but its shape needs 8"));
}

TEST_F(NpyFileTest, RefusesTruncatedHeader)
{
    expectRefused(file("h.npy", kNumpyHeader2x3.left(40)), QStringLiteral("truncated header"));
}

TEST_F(NpyFileTest, RefusesBadMagic)
{
    expectRefused(file("m.npy", "PK\x03\x04 this is a zip, not an array"), QStringLiteral("bad magic"));
    expectRefused(file("short.npy", "\x93NUM"), QStringLiteral("bad magic"));
}

TEST_F(NpyFileTest, RefusesOversizedShapeBeforeAllocating)
{
    expectRefused(file("big.npy", NpyBytes::make(QStringLiteral("<f4"), false, QStringLiteral("100000, 100000, 100000"),
                                                 QByteArray(16, 0))),
                  QStringLiteral("too large shape"));
    expectRefused(file("neg.npy", NpyBytes::make(QStringLiteral("<f4"), false, QStringLiteral("-1, 4"), QByteArray(16, 0))),
                  QStringLiteral("bad or too large shape"));
}

TEST_F(NpyFileTest, RefusesAMissingFile)
{
    expectRefused(dir.filePath(QStringLiteral("absent.npy")), QStringLiteral("cannot read"));
}

} // namespace
