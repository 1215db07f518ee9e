#include "TestFiles.h"
#include "net/PeerAuth.h"

#include <QFile>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <sys/stat.h>

namespace d3::core {
namespace {

const QByteArray kToken("correct horse battery staple 42");

PeerAuth::Exchange exchange()
{
    return {PeerAuth::makeChallenge(), PeerAuth::makeChallenge(), QStringLiteral("cloud"), QStringLiteral("controller")};
}

TEST(PeerAuthTest, EachProofNeedsTheTokenBothChallengesBothNamesAndItsSide)
{
    using Side = PeerAuth::Side;
    const PeerAuth::Exchange e = exchange();
    ASSERT_EQ(e.listenerChallenge.size(), PeerAuth::kChallengeBytes);
    const QByteArray dialer = PeerAuth::proof(kToken, Side::Dialer, e);
    const QByteArray listener = PeerAuth::proof(kToken, Side::Listener, e);
    EXPECT_TRUE(PeerAuth::verifyProof(kToken, Side::Dialer, e, dialer));
    EXPECT_TRUE(PeerAuth::verifyProof(kToken, Side::Listener, e, listener));
    // A proof reflected to the other side is not that side's proof.
    EXPECT_NE(dialer, listener);
    EXPECT_FALSE(PeerAuth::verifyProof(kToken, Side::Listener, e, dialer));
    EXPECT_FALSE(PeerAuth::verifyProof(kToken, Side::Dialer, e, listener));
    EXPECT_FALSE(PeerAuth::verifyProof("another token of sufficient size", Side::Dialer, e, dialer));
    auto changed = [&](auto change) {
        PeerAuth::Exchange other = e;
        change(other);
        return PeerAuth::verifyProof(kToken, Side::Dialer, other, dialer);
    };
    EXPECT_FALSE(changed([](PeerAuth::Exchange &x) { x.listenerChallenge = PeerAuth::makeChallenge(); }));
    EXPECT_FALSE(changed([](PeerAuth::Exchange &x) { x.dialerChallenge = PeerAuth::makeChallenge(); }));
    EXPECT_FALSE(changed([](PeerAuth::Exchange &x) { x.listenerName = QStringLiteral("edge1"); }));
    EXPECT_FALSE(changed([](PeerAuth::Exchange &x) { x.dialerName = QStringLiteral("controllerX"); }));
    // Moving bytes from one name to the other does not give the same input.
    EXPECT_FALSE(changed([](PeerAuth::Exchange &x) {
        x.listenerName = QStringLiteral("cloudc");
        x.dialerName = QStringLiteral("ontroller");
    }));
    EXPECT_FALSE(PeerAuth::verifyProof(kToken, Side::Dialer, e, dialer.left(16)));
    QByteArray flipped = dialer;
    flipped[5] = char(flipped[5] ^ 1);
    EXPECT_FALSE(PeerAuth::verifyProof(kToken, Side::Dialer, e, flipped));
    EXPECT_EQ(dialer.indexOf(kToken), -1); // the token never appears in what is sent
}

TEST(PeerAuthTest, FrameTagsDependOnTheKeyTheSequenceAndEveryByteOfTheHead)
{
    using Side = PeerAuth::Side;
    const PeerAuth::Exchange e = exchange();
    const QByteArray dialerKey = PeerAuth::frameKey(kToken, Side::Dialer, e);
    const QByteArray listenerKey = PeerAuth::frameKey(kToken, Side::Listener, e);
    EXPECT_NE(dialerKey, listenerKey); // a frame sent one way cannot be reflected back
    EXPECT_NE(dialerKey, PeerAuth::frameKey(kToken, Side::Dialer, exchange())); // nor reused on another connection
    const QByteArray head("D3LB some head bytes");
    const QByteArray tag = PeerAuth::frameTag(dialerKey, 7, head);
    EXPECT_EQ(tag.size(), PeerAuth::kTagBytes);
    EXPECT_EQ(tag, PeerAuth::frameTag(dialerKey, 7, head));
    EXPECT_NE(tag, PeerAuth::frameTag(dialerKey, 8, head));
    EXPECT_NE(tag, PeerAuth::frameTag(listenerKey, 7, head));
    QByteArray other = head;
    other[10] = char(other[10] ^ 1);
    EXPECT_NE(tag, PeerAuth::frameTag(dialerKey, 7, other));
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
