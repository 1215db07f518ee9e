#include "DebianPython.h"

#include <QFile>
#include <QProcess>

namespace d3::test {

QString PythonRun::describe() const
{
    QString s = !finished ? QStringLiteral("did not finish (not started, crashed or timed out)")
                          : QStringLiteral("exited with code %1").arg(exitCode);
    if (!err.isEmpty())
        s += QStringLiteral("; stderr: ") + err;
    return s;
}

QString DebianPython::path()
{
    return QStringLiteral("/usr/bin/python3");
}

PythonRun DebianPython::run(const QStringList &args, int timeoutMs)
{
    PythonRun r;
    if (!QFile::exists(path())) {
        r.err = path() + QStringLiteral(" does not exist. ") + installHint();
        return r;
    }
    QProcess p;
    p.start(path(), args);
    if (!p.waitForStarted(10000)) {
        r.err = p.errorString();
        return r;
    }
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished(5000);
    } else {
        r.finished = p.exitStatus() == QProcess::NormalExit;
        r.exitCode = p.exitCode();
    }
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError()).trimmed();
    return r;
}

QString DebianPython::installHint()
{
    return QStringLiteral("Run ./test.sh, which installs python3-torch, python3-torchvision and python3-numpy "
                          "(Debian packages) for /usr/bin/python3.");
}

} // namespace d3::test
