#pragma once

#include <QLoggingCategory>

/// Logging category of core/net ("d3.core.net").
Q_DECLARE_LOGGING_CATEGORY(lcNet)
