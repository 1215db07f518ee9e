#pragma once

#include <QByteArray>
#include <QJsonDocument>
#include <QMap>
#include <QString>
#include <QStringList>

#include <gtest/gtest.h>

namespace d3::test {

/// What one run of the built d3ctl produced.
struct D3ctlResult {
    bool finished = false; ///< exited normally (not crashed, not timed out)
    int exitCode = -1;     ///< its exit code (meaningful when finished)
    QByteArray out;        ///< everything on stdout
    QByteArray err;        ///< everything on stderr

    /// stderr split into non-empty lines.
    QStringList errLines() const;
    /// stdout parsed as JSON; a null document (and a test failure) if it is not.
    QJsonDocument json() const;
    /// Success: finished with exit code 0 and nothing on stderr.
    ::testing::AssertionResult succeeded() const;
    /// The contract for a bad argument or file: a non-zero exit, nothing on stdout, exactly one stderr line that
    /// contains place (the file or option at fault), and no torch stack trace or abort.
    ::testing::AssertionResult refused(const QString &place) const;
};

/// Runs the built d3ctl (TestFiles::d3ctl()) as a child process.
class D3ctlProcess
{
public:
    /// Runs d3ctl with args (and env added to this process's environment) and waits up to timeoutMs.
    static D3ctlResult run(const QStringList &args, int timeoutMs = 120000, const QMap<QString, QString> &env = {});
};

} // namespace d3::test
