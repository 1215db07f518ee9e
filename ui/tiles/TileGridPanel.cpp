#include "TileGridPanel.h"

#include "TileGridView.h"
#include "UiLog.h"
#include "tiling/StackFinder.h"
#include "tiling/TileGeometry.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSet>
#include <QSpinBox>
#include <QVBoxLayout>

namespace d3::ui {
namespace {

/// The stack [p, end) among the fused stacks of [p, q), or nullopt.
std::optional<core::FusedStack> stackOf(const core::ModelGraph &graph, const core::Plan &plan)
{
    for (const core::FusedStack &s : core::StackFinder::candidates(graph, plan.p, plan.q))
        if (s.end == plan.stackEnd)
            return s;
    return std::nullopt;
}

QRectF toRect(const core::Region &r, qreal sx = 1, qreal sy = 1)
{
    return {r.x0 * sx, r.y0 * sy, r.width() * sx, r.height() * sy};
}

/// What tile reads of the stack's feature-map inputs, scaled onto the output map (the bounding box of all).
QRectF readsOf(const core::ModelGraph &graph, const core::TileGeometry &geometry, const core::Tile &tile)
{
    const core::TensorShape &out = graph.tensorShape(geometry.stack().output);
    QRectF reads = toRect(tile.out);
    for (int t : geometry.stack().inputs) {
        const core::TensorShape &in = graph.tensorShape(t);
        if (!in.isFeatureMap() || !tile.regions.contains(t))
            continue;
        reads = reads.united(toRect(tile.regions.value(t), qreal(out.width()) / in.width(),
                                    qreal(out.height()) / in.height()));
    }
    return reads;
}

} // namespace

TileGridPanel::TileGridPanel(QWidget *parent)
    : QWidget(parent)
    , m_header(new QLabel(this))
    , m_view(new TileGridView(this))
    , m_halo(new QCheckBox(tr("halo"), this))
    , m_rows(new QSpinBox(this))
    , m_cols(new QSpinBox(this))
    , m_apply(new QPushButton(tr("Apply grid"), this))
    , m_planner(new QPushButton(tr("Planner's grid"), this))
{
    m_header->setWordWrap(true);
    m_header->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_halo->setToolTip(tr("Outline the input region each tile reads (its share plus the halo)"));
    for (QSpinBox *box : {m_rows, m_cols}) {
        box->setRange(1, kMaxChooser);
        box->setKeyboardTracking(false);
    }
    m_rows->setPrefix(tr("rows "));
    m_cols->setPrefix(tr("cols "));
    m_apply->setToolTip(tr("Tile the longest fused stack of the current edge range with this grid (a manual plan)"));
    m_planner->setToolTip(tr("Let the planner choose the cuts and the grid again"));
    connect(m_halo, &QCheckBox::toggled, m_view, &TileGridView::setHaloShown);
    connect(m_apply, &QPushButton::clicked, this, [this] {
        qCDebug(lcUi) << "tile grid requested" << m_rows->value() << "x" << m_cols->value();
        Q_EMIT gridRequested(m_rows->value(), m_cols->value());
    });
    connect(m_planner, &QPushButton::clicked, this, &TileGridPanel::plannerGridRequested);

    auto *chooser = new QHBoxLayout;
    chooser->addWidget(m_halo);
    chooser->addStretch();
    for (QWidget *w : {static_cast<QWidget *>(m_rows), static_cast<QWidget *>(m_cols),
                       static_cast<QWidget *>(m_apply), static_cast<QWidget *>(m_planner)})
        chooser->addWidget(w);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addWidget(m_header);
    layout->addWidget(m_view, 1);
    layout->addLayout(chooser);
    rebuild();
}

void TileGridPanel::setModel(const core::ModelGraph &graph)
{
    m_graph = graph;
    rebuild();
}

void TileGridPanel::setPlan(const core::Plan &plan, const QStringList &tileNodeNames, const QString &edgeNodeName)
{
    if (!m_plan || !m_plan->samePlacement(plan) || m_tileNames != tileNodeNames)
        m_times.clear();
    m_plan = plan;
    m_tileNames = tileNodeNames;
    m_edgeName = edgeNodeName;
    m_palette.add(tileNodeNames);
    m_palette.add({edgeNodeName});
    m_rows->setValue(plan.rows);
    m_cols->setValue(plan.cols);
    rebuild();
}

void TileGridPanel::setTileTimes(const QVector<double> &ms)
{
    if (m_view->setTimes(ms))
        m_times = ms;
}

QString TileGridPanel::headerText() const
{
    return m_header->text();
}

void TileGridPanel::rebuild()
{
    QString text;
    if (!m_plan)
        text = tr("no plan yet");
    else if (m_plan->p >= m_plan->q)
        text = tr("untiled: no edge layers");
    else if (!m_plan->tiled())
        text = tr("untiled: the edge range runs on %1").arg(m_edgeName);
    else if (!m_graph)
        text = tr("stack [%1, %2) · %3 x %4 · waiting for the model")
                   .arg(m_plan->p).arg(m_plan->stackEnd).arg(m_plan->rows).arg(m_plan->cols);
    if (!text.isEmpty()) {
        m_header->setText(text);
        m_view->clear(text);
        return;
    }
    showTiles(*m_plan);
}

void TileGridPanel::showTiles(const core::Plan &plan)
{
    QString why;
    const auto stack = stackOf(*m_graph, plan);
    const auto geometry = stack ? core::TileGeometry::build(*m_graph, *stack, plan.rows, plan.cols, &why)
                                : std::nullopt;
    if (!geometry) {
        if (why.isEmpty())
            why = tr("[%1, %2) is not a fused stack of %3").arg(plan.p).arg(plan.stackEnd).arg(m_graph->name());
        qCWarning(lcUi) << "tile grid: the plan does not fit the model:" << why;
        m_header->setText(tr("the plan's tiles do not fit %1: %2").arg(m_graph->name(), why));
        m_view->clear(m_header->text());
        return;
    }
    const core::TensorShape &out = m_graph->tensorShape(stack->output);
    QVector<TileGridView::Cell> cells;
    for (int i = 0; i < geometry->tiles().size(); ++i) {
        const core::Tile &tile = geometry->tiles().at(i);
        TileGridView::Cell cell;
        cell.share = toRect(tile.out);
        cell.reads = readsOf(*m_graph, *geometry, tile);
        cell.node = m_tileNames.value(i, tr("node %1").arg(plan.tileNodes.value(i, -1)));
        cell.colour = m_palette.colour(cell.node);
        cell.tip = tr("tile (%1, %2) on %3\noutput %4 of %5\n%6 MFLOPs (halo included)")
                       .arg(tile.row).arg(tile.col).arg(cell.node, tile.out.toString(), out.toString())
                       .arg(double(tile.flops) / 1e6, 0, 'f', 1);
        cells << cell;
    }
    m_view->setCells(QSizeF(out.width(), out.height()), cells);
    m_view->setTimes(m_times);
    const QStringList names = m_tileNames.mid(0, cells.size());
    const int nodes = QSet<QString>(names.begin(), names.end()).size();
    m_header->setText(tr("stack [%1, %2) · %3 x %4 · %n node(s) · redundant FLOPs %5%", nullptr, nodes)
                          .arg(plan.p).arg(plan.stackEnd).arg(plan.rows).arg(plan.cols)
                          .arg(100 * geometry->redundantFlopsRatio(), 0, 'f', 1));
}

} // namespace d3::ui
