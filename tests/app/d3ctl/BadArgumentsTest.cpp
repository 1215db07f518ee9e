#include "D3ctlProcess.h"

#include <gtest/gtest.h>

using d3::test::D3ctlProcess;

namespace {

QStringList args(const char *line)
{
    return QString::fromLatin1(line).split(QLatin1Char(' '), Qt::SkipEmptyParts);
}

TEST(BadArgumentsTest, UnknownModel)
{
    const auto r = D3ctlProcess::run(args("verify resnet19 --json"));
    EXPECT_TRUE(r.refused(QStringLiteral("resnet19: unknown model")));
    EXPECT_TRUE(D3ctlProcess::run(args("inspect lenet")).refused(QStringLiteral("lenet")));
}

TEST(BadArgumentsTest, CutsOutOfRange)
{
    EXPECT_TRUE(D3ctlProcess::run(args("verify alexnet --cuts 5,23")).refused(QStringLiteral("--cuts 5,23")));
    // Too large for an int: must not wrap around into a valid position.
    EXPECT_TRUE(D3ctlProcess::run(args("verify alexnet --cuts 99999999999,3"))
                    .refused(QStringLiteral("--cuts 99999999999,3 must satisfy")));
}

TEST(BadArgumentsTest, CutsInTheWrongOrder)
{
    EXPECT_TRUE(D3ctlProcess::run(args("verify alexnet --cuts 12,5")).refused(QStringLiteral("--cuts 12,5")));
}

TEST(BadArgumentsTest, CutsNotNumbers)
{
    EXPECT_TRUE(D3ctlProcess::run(args("verify alexnet --cuts abc")).refused(QStringLiteral("--cuts")));
    EXPECT_TRUE(D3ctlProcess::run(args("verify alexnet --cuts -1,3")).refused(QStringLiteral("--cuts")));
}

TEST(BadArgumentsTest, UnknownOption)
{
    EXPECT_TRUE(D3ctlProcess::run(args("verify alexnet --frobnicate")).refused(QStringLiteral("--frobnicate")));
    EXPECT_TRUE(D3ctlProcess::run(args("models --verbose")).refused(QStringLiteral("--verbose")));
    EXPECT_TRUE(D3ctlProcess::run(args("inspect alexnet --cuts 1,2")).refused(QStringLiteral("--cuts")));
}

TEST(BadArgumentsTest, MissingOptionValue)
{
    const auto r = D3ctlProcess::run(args("verify alexnet --cuts"));
    EXPECT_TRUE(r.refused(QStringLiteral("--cuts")));
    EXPECT_TRUE(r.err.contains("needs a value"));
    EXPECT_TRUE(D3ctlProcess::run(args("verify alexnet --weights")).refused(QStringLiteral("--weights")));
}

TEST(BadArgumentsTest, BadSeedAndGrid)
{
    EXPECT_TRUE(D3ctlProcess::run(args("verify alexnet --seed x")).refused(QStringLiteral("--seed")));
    EXPECT_TRUE(D3ctlProcess::run(args("verify alexnet --grid 0x3")).refused(QStringLiteral("--grid")));
}

TEST(BadArgumentsTest, WrongNumberOfModels)
{
    EXPECT_TRUE(D3ctlProcess::run(args("inspect")).refused(QStringLiteral("inspect")));
    EXPECT_TRUE(D3ctlProcess::run(args("verify alexnet resnet18")).refused(QStringLiteral("verify")));
    EXPECT_TRUE(D3ctlProcess::run(args("models alexnet")).refused(QStringLiteral("models")));
}

TEST(BadArgumentsTest, UnknownSubcommand)
{
    EXPECT_TRUE(D3ctlProcess::run(args("frobnicate alexnet")).refused(QStringLiteral("'frobnicate'")));
}

} // namespace
