#pragma once

#include <QJsonDocument>
#include <QString>

namespace d3::cli {

/// Exit codes of d3ctl: success, a check that ran and failed, a bad argument or input.
enum ExitCode { ExitOk = 0, ExitCheckFailed = 1, ExitBadInput = 2 };

/// Standard output and error of the CLI (the only place d3ctl writes to the terminal).
class Output
{
public:
    /// Writes text to stdout as UTF-8.
    static void print(const QString &text);
    /// Writes a JSON document (indented) to stdout.
    static void printJson(const QJsonDocument &doc);
    /// Writes "d3ctl: message" as one line to stderr and returns ExitBadInput.
    static int fail(const QString &message);
    /// Writes "d3ctl: message" as one line to stderr (something skipped; the command goes on).
    static void warn(const QString &message);
    /// Shows text as the one updating status line on stderr, only when stderr is a terminal (never in pipes,
    /// files or tests).
    static void status(const QString &text);
    /// Erases the status line, if one was shown.
    static void clearStatus();
    /// Thousands-separated integer ("61,100,840").
    static QString grouped(qint64 value);
};

} // namespace d3::cli
