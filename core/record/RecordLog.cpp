#include "RecordLog.h"

Q_LOGGING_CATEGORY(lcRecord, "d3.core.record")
