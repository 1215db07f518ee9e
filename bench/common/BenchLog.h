#pragma once

#include <QLoggingCategory>

/// Logging category of the benchmarks ("d3.bench"): progress lines on stderr while a benchmark runs.
Q_DECLARE_LOGGING_CATEGORY(lcBench)
