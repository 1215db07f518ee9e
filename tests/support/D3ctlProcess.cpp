#include "D3ctlProcess.h"

#include "TestFiles.h"

#include <QJsonParseError>
#include <QProcess>

namespace d3::test {

QStringList D3ctlResult::errLines() const
{
    return QString::fromUtf8(err).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

QJsonDocument D3ctlResult::json() const
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(out, &error);
    if (error.error != QJsonParseError::NoError)
        ADD_FAILURE() << "stdout is not JSON (" << error.errorString().toStdString() << "): " << out.left(400).toStdString();
    return doc;
}

::testing::AssertionResult D3ctlResult::succeeded() const
{
    if (!finished)
        return ::testing::AssertionFailure() << "d3ctl crashed or timed out; stderr: " << err.toStdString();
    if (exitCode != 0 || !err.isEmpty())
        return ::testing::AssertionFailure() << "exit code " << exitCode << ", stderr: " << err.toStdString();
    return ::testing::AssertionSuccess();
}

::testing::AssertionResult D3ctlResult::refused(const QString &place) const
{
    const std::string errText = err.toStdString();
    if (!finished)
        return ::testing::AssertionFailure() << "d3ctl crashed or timed out; stderr: " << errText;
    if (exitCode == 0)
        return ::testing::AssertionFailure() << "exit code 0; stdout: " << out.left(400).toStdString();
    if (!out.isEmpty())
        return ::testing::AssertionFailure() << "wrote to stdout: " << out.left(400).toStdString();
    for (const char *trace : {"Exception raised from", "terminate called", "frame #", "Aborted"}) {
        if (err.contains(trace))
            return ::testing::AssertionFailure() << "stderr holds '" << trace << "': " << errText;
    }
    const QStringList lines = errLines();
    if (lines.size() != 1 || !err.endsWith('\n'))
        return ::testing::AssertionFailure() << lines.size() << " stderr lines, want exactly one: " << errText;
    if (!lines.first().contains(place))
        return ::testing::AssertionFailure() << "stderr does not name '" << place.toStdString() << "': " << errText;
    return ::testing::AssertionSuccess() << errText;
}

D3ctlResult D3ctlProcess::run(const QStringList &args, int timeoutMs, const QMap<QString, QString> &env)
{
    D3ctlResult result;
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (auto it = env.begin(); it != env.end(); ++it)
        environment.insert(it.key(), it.value());
    process.setProcessEnvironment(environment);
    process.setProgram(TestFiles::d3ctl());
    process.setArguments(args);
    process.start();
    if (!process.waitForStarted(30000)) {
        ADD_FAILURE() << "cannot start " << TestFiles::d3ctl().toStdString() << ": "
                      << process.errorString().toStdString();
        return result;
    }
    process.closeWriteChannel();
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished(5000);
    }
    result.finished = process.exitStatus() == QProcess::NormalExit && process.state() == QProcess::NotRunning;
    result.exitCode = process.exitCode();
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}

} // namespace d3::test
