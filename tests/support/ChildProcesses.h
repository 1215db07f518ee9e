#pragma once

#include <QString>
#include <QVector>

namespace d3::test {

/// The processes this test process started, from /proc: to check that nothing is left behind.
class ChildProcesses
{
public:
    /// The pids whose parent is this process (running or not yet reaped); with a name, only those whose command
    /// name (/proc/PID/comm) is that name.
    static QVector<qint64> pids(const QString &name = QString());
};

} // namespace d3::test
