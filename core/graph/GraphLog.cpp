#include "GraphLog.h"

Q_LOGGING_CATEGORY(lcGraph, "d3.core.graph")
