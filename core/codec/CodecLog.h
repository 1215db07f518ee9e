#pragma once

#include <QLoggingCategory>

namespace d3::core {

/// Logging category of the wire codecs (d3.core.codec).
Q_DECLARE_LOGGING_CATEGORY(lcCodec)

} // namespace d3::core
