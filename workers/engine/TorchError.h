#pragma once

#include <QString>

#include <c10/util/Exception.h>

#include <exception>

namespace d3::engine {

/// The first line of a torch error, without its C++ stack trace.
inline QString torchMessage(const c10::Error &e)
{
    return QString::fromStdString(e.what_without_backtrace()).section(QLatin1Char('\n'), 0, 0).trimmed();
}

/// Runs body (returning bool); turns a torch or standard exception into false and one line in *error.
template<typename Body>
bool guardTorch(QString *error, Body &&body)
{
    try {
        return body();
    } catch (const c10::Error &e) {
        *error = torchMessage(e);
    } catch (const std::exception &e) {
        *error = QString::fromLocal8Bit(e.what()).section(QLatin1Char('\n'), 0, 0).trimmed();
    }
    return false;
}

} // namespace d3::engine
