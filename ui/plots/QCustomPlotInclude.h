#pragma once

// qcustomplot.h (the Debian build of QCustomPlot 2.1) writes the Qt keywords signals and foreach, which
// QT_NO_KEYWORDS (d3::settings) turns off. They are defined for this one header and undefined right after, so the
// rest of d3lab still uses Q_SIGNALS, Q_EMIT and range-for only. Include this instead of <qcustomplot.h>.

#ifndef QCUSTOMPLOT_USE_LIBRARY
#define QCUSTOMPLOT_USE_LIBRARY
#endif

#ifdef QT_NO_KEYWORDS
#include <QtGlobal>
#define signals Q_SIGNALS
#define slots Q_SLOTS
#define emit Q_EMIT
#define foreach Q_FOREACH
#include <qcustomplot.h>
#undef signals
#undef slots
#undef emit
#undef foreach
#else
#include <qcustomplot.h>
#endif
