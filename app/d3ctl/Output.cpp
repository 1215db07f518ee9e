#include "Output.h"

#include <cstdio>

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
    QString line = message;
    line.replace(QLatin1Char('\n'), QLatin1Char(' '));
    const QByteArray bytes = (QStringLiteral("d3ctl: ") + line + QLatin1Char('\n')).toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stderr);
    return ExitBadInput;
}

QString Output::grouped(qint64 value)
{
    QString digits = QString::number(value < 0 ? -value : value);
    for (int i = digits.size() - 3; i > 0; i -= 3)
        digits.insert(i, QLatin1Char(','));
    return value < 0 ? QLatin1Char('-') + digits : digits;
}

} // namespace d3::cli
