#include "TestFiles.h"
#include "net/PeerAuth.h"

#include <QTemporaryDir>

#include <gtest/gtest.h>

namespace d3::core {
namespace {

const QByteArray kToken("correct horse battery staple 42");

TEST(PeerAuthTest, TheRightTokenPassesAndAnyChangeFails)
{
    const QByteArray challenge = PeerAuth::makeChallenge();
    ASSERT_EQ(challenge.size(), PeerAuth::kChallengeBytes);
    const QByteArray response = PeerAuth::respond(kToken, challenge, QStringLiteral("edge-1"));
    EXPECT_TRUE(PeerAuth::verify(kToken, challenge, QStringLiteral("edge-1"), response));
    EXPECT_FALSE(PeerAuth::verify("another token of sufficient size", challenge, QStringLiteral("edge-1"), response));
    EXPECT_FALSE(PeerAuth::verify(kToken, PeerAuth::makeChallenge(), QStringLiteral("edge-1"), response));
    EXPECT_FALSE(PeerAuth::verify(kToken, challenge, QStringLiteral("edge-2"), response));
    EXPECT_FALSE(PeerAuth::verify(kToken, challenge, QStringLiteral("edge-1"), response.left(16)));
    QByteArray flipped = response;
    flipped[5] = char(flipped[5] ^ 1);
    EXPECT_FALSE(PeerAuth::verify(kToken, challenge, QStringLiteral("edge-1"), flipped));
    EXPECT_EQ(response.indexOf(kToken), -1); // the token never appears in what is sent
}

TEST(PeerAuthTest, ChallengesAreFresh)
{
    EXPECT_NE(PeerAuth::makeChallenge(), PeerAuth::makeChallenge());
}

TEST(PeerAuthTest, TokenFilesAreCheckedWithTheirPathInTheMessage)
{
    QTemporaryDir dir;
    QString error;
    const QString good = test::TestFiles::write(dir, QStringLiteral("good"), kToken + "\n");
    const auto token = PeerAuth::readTokenFile(good, &error);
    ASSERT_TRUE(token.has_value()) << error.toStdString();
    EXPECT_EQ(*token, kToken);

    const QString shortFile = test::TestFiles::write(dir, QStringLiteral("short"), "abc\n");
    EXPECT_FALSE(PeerAuth::readTokenFile(shortFile, &error).has_value());
    EXPECT_TRUE(error.startsWith(shortFile));
    EXPECT_FALSE(PeerAuth::readTokenFile(dir.filePath(QStringLiteral("missing")), &error).has_value());
    EXPECT_NE(error.indexOf(QStringLiteral("missing")), -1);
}

} // namespace
} // namespace d3::core
