#include "PlannerStyle.h"

#include "plan/Objective.h"

#include <iterator>

namespace d3::ui {
namespace {

const QLatin1String kNoTiles(" no tiles");

/// A planner's style and display name.
struct Known {
    const char *planner;
    const char *display;
    QColor color;
    QVector<qreal> dashes;
    QCPScatterStyle::ScatterShape shape;
    HatchedBars::Hatch hatch;
};

using H = HatchedBars::Hatch;

// Okabe & Ito (2008), "Color universal design": distinct for every colour vision and of distinct lightness. Yellow
// is left out (too light on white); edge-only and manual take greys of their own.
const Known kKnown[] = {
    {"hpa", "HPA", QColor(0xD5, 0x5E, 0x00), {}, QCPScatterStyle::ssDisc, H::None},
    {"oracle", "Oracle", QColor(0x00, 0x00, 0x00), {1, 2}, QCPScatterStyle::ssStar, H::Cross},
    {"dads", "DADS", QColor(0x00, 0x72, 0xB2), {5, 2}, QCPScatterStyle::ssSquare, H::Forward},
    {"neurosurgeon", "Neurosurgeon", QColor(0x00, 0x9E, 0x73), {5, 2, 1, 2}, QCPScatterStyle::ssTriangle,
     H::Backward},
    {"edge-cloud", "edge-cloud", QColor(0x56, 0xB4, 0xE9), {8, 3}, QCPScatterStyle::ssDiamond, H::Horizontal},
    {"device-only", "device-only", QColor(0xE6, 0x9F, 0x00), {5, 2, 1, 2, 1, 2}, QCPScatterStyle::ssTriangleInverted,
     H::Vertical},
    {"cloud-only", "cloud-only", QColor(0xCC, 0x79, 0xA7), {2, 2}, QCPScatterStyle::ssCrossSquare, H::Forward},
    {"edge-only", "edge-only", QColor(0x88, 0x88, 0x88), {3, 1, 1, 1}, QCPScatterStyle::ssPlus, H::Backward},
    {"manual", "manual", QColor(0x44, 0x44, 0x44), {6, 2, 2, 2}, QCPScatterStyle::ssCircle, H::Horizontal},
};

const Known *known(const QString &planner)
{
    for (const Known &k : kKnown)
        if (planner == QLatin1String(k.planner))
            return &k;
    return nullptr;
}

/// The planner of a label ("hpa no tiles" -> "hpa") and whether tiles were forbidden.
QString plannerOf(const QString &label, bool *noTiles)
{
    *noTiles = label.endsWith(kNoTiles);
    return *noTiles ? label.chopped(kNoTiles.size()) : label;
}

} // namespace

PlannerStyle PlannerStyle::of(const QString &label)
{
    bool noTiles = false;
    const QString planner = plannerOf(label, &noTiles);
    PlannerStyle s;
    if (const Known *k = known(planner)) {
        s.color = k->color;
        s.dashes = k->dashes;
        s.shape = k->shape;
        s.hatch = k->hatch;
    } else {
        // An unknown planner: a style of the table's by its name's hash, in a darker shade.
        const Known &cycled = kKnown[qHash(planner) % std::size(kKnown)];
        s.color = cycled.color.darker(140);
        s.dashes = {4, 1, 1, 1};
        s.shape = QCPScatterStyle::ssPeace;
        s.hatch = H::Cross;
    }
    if (noTiles) {
        // Same hue, lighter; hollow marks; the hatch turned the other way (or added).
        s.color = QColor::fromHslF(s.color.hslHueF(), s.color.hslSaturationF(),
                                   qMin(0.82, s.color.lightnessF() + 0.25));
        s.hollow = true;
        s.hatch = s.hatch == H::Forward ? H::Backward : s.hatch == H::None ? H::Forward : H::Cross;
    }
    return s;
}

QString PlannerStyle::displayName(const QString &label)
{
    bool noTiles = false;
    const QString planner = plannerOf(label, &noTiles);
    const Known *k = known(planner);
    const QString name = k ? QString::fromLatin1(k->display) : planner;
    return noTiles ? tr("%1, no tiles").arg(name) : name;
}

QString PlannerStyle::displayName(const QString &label, int objective)
{
    QString name = core::Objective::names().value(objective, QString::number(objective));
    name.replace(QLatin1Char('_'), QLatin1Char(' '));
    return QStringLiteral("%1 (%2)").arg(displayName(label), name);
}

PlannerStyle PlannerStyle::underObjective(int objective) const
{
    if (objective != int(core::Objective::Kind::Throughput)
        && objective != int(core::Objective::Kind::LatencyUnderRate))
        return *this;
    PlannerStyle s = *this;
    s.color = color.darker(160);
    s.hollow = true; // a filled mark would hide its cross
    s.shape = objective == int(core::Objective::Kind::Throughput) ? QCPScatterStyle::ssCrossCircle
                                                                  : QCPScatterStyle::ssPlusCircle;
    return s;
}

QPen PlannerStyle::pen(double width) const
{
    QPen p(color, width);
    if (!dashes.isEmpty())
        p.setDashPattern(dashes);
    return p;
}

QCPScatterStyle PlannerStyle::scatter(double size) const
{
    // A disc is filled with its pen's colour whatever the brush: hollow, it is a circle.
    const QCPScatterStyle::ScatterShape drawn = hollow && shape == QCPScatterStyle::ssDisc ? QCPScatterStyle::ssCircle
                                                                                           : shape;
    return QCPScatterStyle(drawn, QPen(color, 1.2), hollow ? QBrush(Qt::white) : QBrush(color), size);
}

void PlannerStyle::apply(QCPGraph *graph, const QString &label) const
{
    graph->setName(displayName(label));
    graph->setPen(pen(1.4));
    graph->setScatterStyle(scatter(6));
}

QCPErrorBars *PlannerStyle::addErrorBars(QCPGraph *curve) const
{
    auto *errors = new QCPErrorBars(curve->keyAxis(), curve->valueAxis());
    errors->removeFromLegend();
    errors->setDataPlottable(curve);
    errors->setPen(pen(0.9));
    errors->setWhiskerWidth(5);
    return errors;
}

void PlannerStyle::apply(HatchedBars *bars, const QString &label) const
{
    bars->setName(displayName(label));
    bars->setPen(QPen(color.darker(150), 0.8));
    bars->setBrush(color);
    bars->setHatch(hatch);
}

} // namespace d3::ui
