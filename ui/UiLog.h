#pragma once

#include <QLoggingCategory>

/// Logging category of the console's panels ("d3.ui").
Q_DECLARE_LOGGING_CATEGORY(lcUi)
