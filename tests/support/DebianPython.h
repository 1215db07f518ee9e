#pragma once

#include <QString>
#include <QStringList>

namespace d3::test {

/// What one run of Debian's Python gave.
struct PythonRun {
    bool finished = false; ///< started and exited on its own within the time limit
    int exitCode = -1;     ///< its exit code (when finished)
    QString out;           ///< its standard output
    QString err;           ///< its standard error, trimmed
    /// True if it finished with exit code 0.
    bool ok() const { return finished && exitCode == 0; }
    /// One paragraph for a failure message: the command's fate and its stderr.
    QString describe() const;
};

/// Runs scripts with Debian's /usr/bin/python3, which has python3-torch and python3-torchvision (the python3
/// first on PATH may be another interpreter without them).
class DebianPython
{
public:
    /// "/usr/bin/python3".
    static QString path();
    /// Runs path() with args, waiting at most timeoutMs (then kills it).
    static PythonRun run(const QStringList &args, int timeoutMs);
    /// What to do when PyTorch or torchvision is missing, for failure messages.
    static QString installHint();
};

} // namespace d3::test
