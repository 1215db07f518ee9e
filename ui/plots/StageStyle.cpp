#include "StageStyle.h"

#include <QCoreApplication>

namespace d3::ui {

const QVector<StageStyle> &StageStyle::all()
{
    using H = HatchedBars::Hatch;
    using R = core::RequestRecord;
    // Okabe-Ito colours, dark and light alternating from the bottom up; hatches alternating so that two neighbours
    // never share one.
    static const QVector<StageStyle> stages{
        {QT_TRANSLATE_NOOP("RunFigure", "device"), &R::deviceMs, QColor(0x00, 0x72, 0xB2), H::None},
        {QT_TRANSLATE_NOOP("RunFigure", "uplink"), &R::uplinkMs, QColor(0xE6, 0x9F, 0x00), H::Forward},
        {QT_TRANSLATE_NOOP("RunFigure", "tiles"), &R::tilesMs, QColor(0x00, 0x9E, 0x73), H::None},
        {QT_TRANSLATE_NOOP("RunFigure", "edge-edge"), &R::edgeEdgeMs, QColor(0xF0, 0xE4, 0x42), H::Backward},
        {QT_TRANSLATE_NOOP("RunFigure", "edge"), &R::edgeMs, QColor(0x56, 0xB4, 0xE9), H::Horizontal},
        {QT_TRANSLATE_NOOP("RunFigure", "backbone"), &R::backboneMs, QColor(0xD5, 0x5E, 0x00), H::Cross},
        {QT_TRANSLATE_NOOP("RunFigure", "cloud"), &R::cloudMs, QColor(0xCC, 0x79, 0xA7), H::Vertical},
        {QT_TRANSLATE_NOOP("RunFigure", "return"), &R::returnMs, QColor(0x44, 0x44, 0x44), H::None},
    };
    return stages;
}

QString StageStyle::displayName(int i)
{
    return QCoreApplication::translate("RunFigure", all().at(i).name);
}

void StageStyle::apply(HatchedBars *bars, int i)
{
    const StageStyle &s = all().at(i);
    bars->setName(displayName(i));
    bars->setPen(Qt::NoPen);
    bars->setBrush(s.color);
    bars->setHatch(s.hatch);
}

} // namespace d3::ui
