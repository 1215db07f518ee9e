// d3lab's command line: a bad argument or file is one line on stderr and exit 2, before any window or worker.
#include "TestFiles.h"

#include <QProcess>
#include <QProcessEnvironment>
#include <QTemporaryDir>

#include <gtest/gtest.h>

namespace d3 {
namespace {

struct Result {
    int exitCode = -1;
    QString out;
    QString err;
};

/// Runs d3lab with args; display: whether a (virtual) display is offered.
Result d3lab(const QStringList &args, bool display)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("DISPLAY"));
    env.remove(QStringLiteral("WAYLAND_DISPLAY"));
    env.remove(QStringLiteral("QT_QPA_PLATFORM"));
    if (display)
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    p.setProcessEnvironment(env);
    p.start(test::TestFiles::d3lab(), args);
    EXPECT_TRUE(p.waitForFinished(30000));
    return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError())};
}

void expectOneLine(const Result &r, const QString &start)
{
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_TRUE(r.out.isEmpty()) << r.out.toStdString();
    EXPECT_EQ(r.err.trimmed().count(QLatin1Char('\n')), 0) << r.err.toStdString();
    EXPECT_TRUE(r.err.startsWith(start)) << r.err.toStdString();
}

TEST(D3labArgumentsTest, BadArgumentsAndFilesAreOneLine)
{
    QTemporaryDir dir;
    const QString bad = test::TestFiles::write(dir, QStringLiteral("bad.json"), "{\"format\": \"d3lab-experiment\"}");
    expectOneLine(d3lab({QStringLiteral("--rate"), QStringLiteral("fast")}, true), QStringLiteral("d3lab: --rate must be"));
    expectOneLine(d3lab({QStringLiteral("--after"), QStringLiteral("0")}, true), QStringLiteral("d3lab: --after must be"));
    expectOneLine(d3lab({QStringLiteral("--bogus")}, true), QStringLiteral("d3lab: Unknown option 'bogus'"));
    expectOneLine(d3lab({QStringLiteral("a.json"), QStringLiteral("b.json")}, true), QStringLiteral("d3lab: one experiment file"));
    expectOneLine(d3lab({dir.filePath(QStringLiteral("none.json"))}, true), QStringLiteral("d3lab: ") + dir.filePath(QStringLiteral("none.json")));
    expectOneLine(d3lab({bad}, true), QStringLiteral("d3lab: ") + bad);
}

TEST(D3labArgumentsTest, WithoutADisplayItSaysSoAndPointsToTheHeadlessRun)
{
    const Result r = d3lab({}, false);
    expectOneLine(r, QStringLiteral("d3lab: no display"));
    EXPECT_TRUE(r.err.contains(QStringLiteral("d3ctl run"))) << r.err.toStdString();
    const Result help = d3lab({QStringLiteral("--help")}, false);
    EXPECT_EQ(help.exitCode, 0);
    EXPECT_TRUE(help.out.startsWith(QStringLiteral("Usage: d3lab"))) << help.out.toStdString();
}

} // namespace
} // namespace d3
