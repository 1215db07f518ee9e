#include "Output.h"

#include <cstdio>

#include <unistd.h>

namespace d3::cli {

void Output::print(const QString &text)
{
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
    std::fflush(stdout);
}

void Output::printJson(const QJsonDocument &doc)
{
    print(QString::fromUtf8(doc.toJson(QJsonDocument::Indented)));
}

int Output::fail(const QString &message)
{
    warn(message);
    return ExitBadInput;
}

void Output::warn(const QString &message)
{
    QString line = message;
    line.replace(QLatin1Char('\n'), QLatin1Char(' '));
    const QByteArray bytes = (QStringLiteral("d3ctl: ") + line + QLatin1Char('\n')).toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stderr);
}

namespace {

bool stderrIsTerminal()
{
    static const bool terminal = ::isatty(STDERR_FILENO) == 1;
    return terminal;
}

void writeErr(const QByteArray &bytes)
{
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stderr);
    std::fflush(stderr);
}

} // namespace

void Output::status(const QString &text)
{
    if (stderrIsTerminal())
        writeErr("\r" + text.toUtf8() + "\x1b[K"); // carriage return, text, erase the rest of the line
}

void Output::clearStatus()
{
    if (stderrIsTerminal())
        writeErr("\r\x1b[K");
}

QString Output::grouped(qint64 value)
{
    QString digits = QString::number(value < 0 ? -value : value);
    for (int i = digits.size() - 3; i > 0; i -= 3)
        digits.insert(i, QLatin1Char(','));
    return value < 0 ? QLatin1Char('-') + digits : digits;
}

} // namespace d3::cli
