#pragma once

#include "HatchedBars.h"
#include "record/RequestRecord.h"

#include <QColor>
#include <QString>
#include <QVector>

namespace d3::ui {

/// The stages of a request in the order data flows (device, uplink, tiles, edge-edge, edge, backbone, cloud,
/// return; core::Comparison::stageNames() order), each with its field of core::RequestRecord and its look: a colour of
/// distinct lightness from its neighbours and a hatch, so stacked stages stay apart in greyscale print. Used by the
/// "stages" and "stage_bars" figures. Any thread.
struct StageStyle {
    const char *name;                   ///< untranslated name (QT_TRANSLATE_NOOP context "RunFigure")
    double core::RequestRecord::*ms;    ///< the stage's ms in a request
    QColor color;                       ///< fill
    HatchedBars::Hatch hatch;           ///< hatch over the fill

    /// The eight stages, bottom to top.
    static const QVector<StageStyle> &all();
    /// The translated name of stage i.
    static QString displayName(int i);
    /// Styles bars as stage i (fill, outline, hatch, name).
    static void apply(HatchedBars *bars, int i);
};

} // namespace d3::ui
