#include "BenchLog.h"

Q_LOGGING_CATEGORY(lcBench, "d3.bench")
