#include "EventMarkers.h"

#include "QCustomPlotInclude.h"

#include <QCoreApplication>

namespace d3::ui {
namespace {

const QColor kPlanColor(0, 120, 60);
const QColor kTimelineColor(110, 110, 110);

QPen markerPen(bool plan)
{
    QPen pen(plan ? kPlanColor : kTimelineColor, plan ? 1.6 : 1.2);
    pen.setStyle(plan ? Qt::SolidLine : Qt::DashLine);
    return pen;
}

} // namespace

EventMarkers::EventMarkers(QCustomPlot *plot)
    : m_plot(plot)
{
}

QString EventMarkers::labelOf(const core::RunEvent &e)
{
    if (!e.label.isEmpty())
        return e.label;
    if (e.kind == QLatin1String("phase"))
        return QStringLiteral("phase %1").arg(e.phase);
    if (e.kind == QLatin1String("plan") && e.details.contains(QLatin1String("plan_id")))
        return QStringLiteral("plan %1").arg(e.details.value(QLatin1String("plan_id")).toVariant().toString());
    return e.kind;
}

bool EventMarkers::add(const core::RunEvent &e)
{
    const bool plan = e.kind == QLatin1String("plan");
    if (!plan && e.kind != QLatin1String("timeline") && e.kind != QLatin1String("phase"))
        return false;
    const double x = e.tMs / 1000.0;
    const QPen pen = markerPen(plan);

    auto *line = new QCPItemStraightLine(m_plot);
    line->setPen(pen);
    line->setSelectable(false);
    line->point1->setCoords(x, 0);
    line->point2->setCoords(x, 1);

    // The label runs upwards along the line from near the top of the axis rect: plan labels right of their line,
    // timeline and phase labels left of theirs, so that an event and the plan it caused stay readable.
    auto *text = new QCPItemText(m_plot);
    text->setText(labelOf(e));
    text->setColor(pen.color());
    QFont font = text->font();
    font.setPointSizeF(qMax(6.0, font.pointSizeF() - 1));
    font.setItalic(!plan);
    text->setFont(font);
    text->setBrush(QColor(255, 255, 255, 210));
    text->setPadding(QMargins(2, 1, 2, 1));
    text->setRotation(-90);
    text->setPositionAlignment(Qt::AlignRight | (plan ? Qt::AlignTop : Qt::AlignBottom));
    text->position->setTypeX(QCPItemPosition::ptPlotCoords);
    text->position->setTypeY(QCPItemPosition::ptAxisRectRatio);
    text->position->setCoords(x, 0.02);
    text->setClipToAxisRect(true);
    text->setSelectable(false);
    m_items << line << text;

    QCPGraph *&key = plan ? m_planKey : m_timelineKey;
    if (!key) {
        key = m_plot->addGraph();
        key->setName(plan ? QCoreApplication::translate("RunFigure", "new plan")
                          : QCoreApplication::translate("RunFigure", "timeline event / phase"));
        key->setPen(pen);
        key->setSelectable(QCP::stNone);
    }
    m_lastSeconds = qMax(m_lastSeconds, x);
    return true;
}

void EventMarkers::clear()
{
    for (QCPAbstractItem *item : m_items)
        m_plot->removeItem(item);
    m_items.clear();
    for (QCPGraph **key : {&m_planKey, &m_timelineKey}) {
        if (*key)
            m_plot->removeGraph(*key);
        *key = nullptr;
    }
    m_lastSeconds = 0;
}

} // namespace d3::ui
