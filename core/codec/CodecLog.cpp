#include "CodecLog.h"

namespace d3::core {

Q_LOGGING_CATEGORY(lcCodec, "d3.core.codec")

} // namespace d3::core
