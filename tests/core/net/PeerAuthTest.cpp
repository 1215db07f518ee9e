#include "TestFiles.h"
#include "net/PeerAuth.h"

#include <QFile>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <sys/stat.h>

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
    const QString large = test::TestFiles::write(dir, QStringLiteral("large"), QByteArray(9000, 'a'));
    EXPECT_FALSE(PeerAuth::readTokenFile(large, &error).has_value());
    EXPECT_TRUE(error.startsWith(large) && error.contains(QStringLiteral("too large"))) << error.toStdString();
}

TEST(PeerAuthTest, DevicesAndFifosAreRefusedWithoutReadingThem)
{
    // /dev/zero reports size 0 and never ends: read without a bound it eats memory until the process is killed.
    QString error;
    EXPECT_FALSE(PeerAuth::readTokenFile(QStringLiteral("/dev/zero"), &error).has_value());
    EXPECT_EQ(error, QStringLiteral("/dev/zero: a token file must be a regular file"));
    // Opening a FIFO would wait for a writer that never comes.
    QTemporaryDir dir;
    const QString fifo = dir.filePath(QStringLiteral("fifo"));
    ASSERT_EQ(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
    EXPECT_FALSE(PeerAuth::readTokenFile(fifo, &error).has_value());
    EXPECT_EQ(error, fifo + QStringLiteral(": a token file must be a regular file"));
    // A link to a regular token file is fine.
    const QString good = test::TestFiles::write(dir, QStringLiteral("good"), kToken);
    const QString link = dir.filePath(QStringLiteral("link"));
    ASSERT_TRUE(QFile::link(good, link));
    const auto token = PeerAuth::readTokenFile(link, &error);
    ASSERT_TRUE(token.has_value()) << error.toStdString();
    EXPECT_EQ(*token, kToken);
}

} // namespace
} // namespace d3::core
