#include "EventMarkers.h"

#include "PlanLabel.h"
#include "QCustomPlotInclude.h"

#include <QCoreApplication>
#include <QFontMetrics>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace d3::ui {
namespace {

const QColor kPlanColor(0, 120, 60);
const QColor kTimelineColor(110, 110, 110);
const QColor kProbeColor(86, 180, 233, 70);
const QMargins kPadding(2, 1, 2, 1);
constexpr int kGapPx = 3; // between labels on a row, and between rows

QPen markerPen(bool plan)
{
    QPen pen(plan ? kPlanColor : kTimelineColor, plan ? 1.6 : 1.2);
    pen.setStyle(plan ? Qt::SolidLine : Qt::DashLine);
    return pen;
}

/// A label being placed: its extent on its row, in pixels.
struct Placed {
    double left;
    double right;
    int row;
};

/// True when a label on row with [left, right] overlaps none of the placed ones (leaders run under the labels).
bool fits(const QVector<Placed> &placed, int row, double left, double right)
{
    for (const Placed &p : placed) {
        if (p.row == row && left < p.right + kGapPx && p.left < right + kGapPx)
            return false;
    }
    return true;
}

} // namespace

EventMarkers::EventMarkers(QCustomPlot *plot)
    : m_plot(plot)
    , m_keyOf([](double tMs) { return tMs / 1000.0; })
{
    m_font = plot->font();
    m_font.setPointSizeF(qMax(6.0, m_font.pointSizeF() - 1));
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

void EventMarkers::setFont(const QFont &font)
{
    m_font = font;
    for (const Label &l : std::as_const(m_labels)) {
        QFont f = font;
        f.setItalic(l.text->font().italic());
        l.text->setFont(f);
    }
}

bool EventMarkers::add(const core::RunEvent &e)
{
    const double key = m_keyOf(e.tMs);
    if (e.phase != m_phase) {
        m_phase = e.phase;
        m_lastShape.reset();
    }
    if (e.kind == QLatin1String("timeline") || e.kind == QLatin1String("phase") || e.kind == QLatin1String("operator")) {
        const bool first = e.kind == QLatin1String("phase") && e.phase == 0;
        if (e.kind == QLatin1String("phase"))
            m_lastShape.reset();
        addLine(key, false, first ? QString() : labelOf(e)); // the first phase starts with the run: no label
        return true;
    }
    if (e.kind != QLatin1String("plan"))
        return false;
    if (PlanLabel::isProbe(e)) {
        openSpan(key);
        return true;
    }
    if (PlanLabel::isAfterProbe(e)) {
        const bool open = m_openSpan != nullptr;
        closeSpan(key);
        return open;
    }
    const QJsonObject shape = PlanLabel::shape(e.details);
    if (!shape.isEmpty() && m_lastShape && *m_lastShape == shape)
        return false; // the same plan again (re-deployed, or another planner chose it): no new plan
    m_lastShape = shape.isEmpty() ? std::nullopt : std::optional<QJsonObject>(shape);
    addLine(key, true, PlanLabel::of(e));
    ++m_plans;
    return true;
}

QCPItemRect *EventMarkers::anchor()
{
    if (!m_anchor) {
        m_anchor = new QCPItemRect(m_plot);
        m_anchor->setVisible(false);
        m_anchor->setSelectable(false);
        for (QCPItemPosition *p : {m_anchor->topLeft, m_anchor->bottomRight})
            p->setType(QCPItemPosition::ptAxisRectRatio);
        m_anchor->topLeft->setCoords(0, 0);
        m_anchor->bottomRight->setCoords(1, 1);
        m_items << m_anchor;
    }
    return m_anchor;
}

void EventMarkers::addLine(double key, bool plan, const QString &label)
{
    const QPen pen = markerPen(plan);
    auto *line = new QCPItemStraightLine(m_plot);
    line->setPen(pen);
    line->setSelectable(false);
    line->point1->setCoords(key, 0);
    line->point2->setCoords(key, 1);

    // The label and its leader hang from the top of the axis rect (y in pixels above it); arrange() places them.
    QCPItemRect *top = anchor();
    auto *leader = new QCPItemLine(m_plot);
    QPen thin = pen;
    thin.setWidthF(0.8);
    leader->setPen(thin);
    leader->setClipToAxisRect(false);
    leader->setSelectable(false);
    leader->setLayer(QStringLiteral("grid")); // under every label, so a leader passing one never crosses its text
    auto *text = new QCPItemText(m_plot);
    text->setText(label);
    text->setColor(pen.color().darker(plan ? 100 : 130));
    QFont font = m_font;
    font.setItalic(!plan);
    text->setFont(font);
    text->setBrush(QColor(255, 255, 255, 230));
    text->setPadding(kPadding);
    text->setClipToAxisRect(false);
    text->setSelectable(false);
    for (QCPItemPosition *p : {leader->start, leader->end, text->position}) {
        p->setTypeX(QCPItemPosition::ptPlotCoords);
        p->setTypeY(QCPItemPosition::ptAbsolute);
        p->setParentAnchorY(top->topLeft);
        p->setCoords(key, 0);
    }
    text->setPositionAlignment(Qt::AlignLeft | Qt::AlignBottom);
    m_items << line << leader << text;
    if (label.isEmpty()) {
        text->setVisible(false);
        leader->setVisible(false);
    } else {
        m_labels.append({text, leader, key});
    }
    ++m_lines;

    QCPGraph *&legendKey = plan ? m_planKey : m_timelineKey;
    if (!legendKey) {
        legendKey = m_plot->addGraph();
        legendKey->setName(plan ? QCoreApplication::translate("RunFigure", "new plan")
                                : QCoreApplication::translate("RunFigure", "timeline event / phase"));
        legendKey->setPen(pen);
        legendKey->setSelectable(QCP::stNone);
        if (!m_inLegend)
            legendKey->removeFromLegend();
    }
    m_lastKey = qMax(m_lastKey, key);
}

void EventMarkers::openSpan(double key)
{
    closeSpan(key);
    auto *span = new QCPItemRect(m_plot);
    span->setPen(Qt::NoPen);
    span->setBrush(kProbeColor);
    span->setSelectable(false);
    span->setLayer(QStringLiteral("grid")); // under the data
    for (QCPItemPosition *p : {span->topLeft, span->bottomRight}) {
        p->setTypeX(QCPItemPosition::ptPlotCoords);
        p->setTypeY(QCPItemPosition::ptAxisRectRatio);
    }
    span->topLeft->setCoords(key - m_minSpan / 2, 0);
    span->bottomRight->setCoords(key + m_minSpan / 2, 1);
    m_items << span;
    m_spans << span;
    m_openSpan = span;
    ++m_probes;
    if (!m_probeKey) {
        m_probeKey = new QCPBars(m_plot->xAxis, m_plot->yAxis);
        m_probeKey->setName(QCoreApplication::translate("RunFigure", "oracle probe"));
        m_probeKey->setPen(Qt::NoPen);
        m_probeKey->setBrush(kProbeColor);
        m_probeKey->setSelectable(QCP::stNone);
        if (!m_inLegend)
            m_probeKey->removeFromLegend();
    }
    m_lastKey = qMax(m_lastKey, key);
}

void EventMarkers::extendOpenSpan(double key)
{
    if (m_openSpan && key > m_openSpan->bottomRight->coords().x())
        m_openSpan->bottomRight->setCoords(key, 1);
}

void EventMarkers::closeSpan(double key)
{
    if (!m_openSpan)
        return;
    const double start = m_openSpan->topLeft->coords().x() + m_minSpan / 2;
    const double half = qMax(0.0, m_minSpan - (key - start)) / 2; // widened evenly to the narrowest width
    m_openSpan->topLeft->setCoords(start - half, 0);
    m_openSpan->bottomRight->setCoords(qMax(key, start) + half, 1);
    m_openSpan = nullptr;
    m_lastKey = qMax(m_lastKey, key);
}

void EventMarkers::arrange()
{
    if (m_labels.isEmpty())
        return;
    QCPAxisRect *rect = m_plot->axisRect();
    const QFontMetrics fm(m_font);
    const int rowHeight = fm.height() + kPadding.top() + kPadding.bottom() + kGapPx;
    const int maxRows = qBound(1, int(m_plot->viewport().height() * m_heightShare / rowHeight), kMaxRows);
    QVector<int> order(m_labels.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [this](int a, int b) { return m_labels[a].key < m_labels[b].key; });
    QVector<Placed> placed;
    QVector<int> rowOf(m_labels.size(), -1);
    QVector<bool> leftAligned(m_labels.size(), true);
    const double rightEdge = m_plot->viewport().right() - 1;
    for (int i : std::as_const(order)) {
        const Label &l = m_labels[i];
        const double x = m_plot->xAxis->coordToPixel(l.key);
        if (!std::isfinite(x) || x < rect->left() - 0.5 || x > rect->right() + 0.5)
            continue; // outside the range shown
        const double width = QFontMetrics(l.text->font()).horizontalAdvance(l.text->text()) + kPadding.left()
                           + kPadding.right();
        leftAligned[i] = x + width <= rightEdge;
        const double left = leftAligned[i] ? x : x - width;
        if (left < m_plot->viewport().left())
            continue; // fits on neither side of its line: left out
        for (int row = 0; row < maxRows; ++row) {
            if (fits(placed, row, left, left + width)) {
                placed.append({left, left + width, row});
                rowOf[i] = row;
                break;
            }
        }
    }
    int rows = 0;
    for (int r : std::as_const(rowOf))
        rows = qMax(rows, r + 1);
    rect->setMinimumMargins(QMargins(0, rows * rowHeight + kGapPx, 0, 0));
    for (int i = 0; i < m_labels.size(); ++i) {
        const Label &l = m_labels[i];
        const bool shown = rowOf[i] >= 0;
        l.text->setVisible(shown);
        l.leader->setVisible(shown);
        if (!shown)
            continue;
        const double y = -(rowOf[i] * rowHeight) - kGapPx; // the label's bottom, above the axis rect's top
        l.text->setPositionAlignment((leftAligned[i] ? Qt::AlignLeft : Qt::AlignRight) | Qt::AlignBottom);
        l.text->position->setCoords(l.key, y);
        l.leader->start->setCoords(l.key, 0);
        l.leader->end->setCoords(l.key, y);
    }
}

QVector<QCPItemText *> EventMarkers::labels() const
{
    QVector<QCPItemText *> texts;
    for (const Label &l : m_labels)
        texts << l.text;
    return texts;
}

QRectF EventMarkers::rectOf(const QCPItemText *label)
{
    return QRectF(label->topLeft->pixelPosition(), label->bottomRight->pixelPosition()).normalized();
}

void EventMarkers::clear()
{
    for (QCPAbstractItem *item : std::as_const(m_items))
        m_plot->removeItem(item);
    m_items.clear();
    m_labels.clear();
    m_spans.clear();
    m_anchor = nullptr;
    m_openSpan = nullptr;
    for (QCPGraph **key : {&m_planKey, &m_timelineKey}) {
        if (*key)
            m_plot->removeGraph(*key);
        *key = nullptr;
    }
    if (m_probeKey)
        m_plot->removePlottable(m_probeKey);
    m_probeKey = nullptr;
    m_plot->axisRect()->setMinimumMargins(QMargins());
    m_phase = -1;
    m_lastShape.reset();
    m_lastKey = 0;
    m_lines = m_plans = m_probes = 0;
}

} // namespace d3::ui
