#include "LayerGraphPanel.h"

#include "CutLabelItem.h"
#include "CutsCommand.h"
#include "GraphViewState.h"
#include "LayerGraphFit.h"
#include "LayerGraphView.h"
#include "LayerNodeItem.h"
#include "LayerStrip.h"
#include "LayerTableModel.h"
#include "PartitionHandleItem.h"
#include "UiLog.h"

#include <QAction>
#include <QBrush>
#include <QFont>
#include <QGraphicsPathItem>
#include <QGraphicsRectItem>
#include <QGraphicsScene>
#include <QGraphicsSimpleTextItem>
#include <QLabel>
#include <QLocale>
#include <QPen>
#include <QScrollBar>
#include <QSplitter>
#include <QStyle>
#include <QToolBar>
#include <QUndoStack>
#include <QVBoxLayout>

#include <algorithm>

namespace d3::ui {

namespace {

constexpr qreal kSceneMargin = 22; ///< scene units around the drawing (room for q's grip right of the last cut)
/// The smallest zoom at which the layers' labels are readable.
constexpr qreal kReadableZoom = qreal(LayerGraphPanel::kReadablePixels) / LayerNodeItem::kLabelPixels;
const QColor kEdgeColour(120, 120, 120);
const QColor kBlockColour(235, 235, 240);

/// The details' columns of LayerTableModel, in the order shown.
constexpr LayerTableModel::Column kDetailColumns[] = {LayerTableModel::Name,  LayerTableModel::Op,
                                                      LayerTableModel::Shape, LayerTableModel::Bytes,
                                                      LayerTableModel::Params, LayerTableModel::Flops};

} // namespace

LayerGraphPanel::LayerGraphPanel(QWidget *parent)
    : QWidget(parent)
    , m_scene(new QGraphicsScene(this))
    , m_view(new LayerGraphView(m_scene, this))
    , m_details(new QLabel(this))
    , m_undo(new QUndoStack(this))
    , m_table(new LayerTableModel(this))
    , m_strip(new LayerStrip(this))
{
    m_details->setObjectName(QStringLiteral("layerDetails"));
    m_details->setTextFormat(Qt::PlainText);
    m_details->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_details->setWordWrap(true);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_details->setMinimumWidth(180);
    m_details->setMaximumWidth(360);
    m_details->setMargin(6);
    showDetails(-1);

    auto *split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(m_view);
    split->addWidget(m_details);
    split->setStretchFactor(0, 4);
    split->setStretchFactor(1, 1);
    split->setSizes({800, 220}); // a wrapped label asks for its whole text's width otherwise
    split->setCollapsible(0, false);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(createToolBar());
    layout->addWidget(m_strip);
    layout->addWidget(split, 1);

    // The strip shows the whole model and outlines what the view shows; a click there shows that layer here.
    connect(m_strip, &LayerStrip::layerRequested, this, [this](int layer) {
        if (layer >= 0 && layer < m_layout.layerCount())
            m_view->centerOn(m_layout.box(layer).center());
    });
    for (QScrollBar *bar : {m_view->horizontalScrollBar(), m_view->verticalScrollBar()})
        connect(bar, &QScrollBar::valueChanged, this, &LayerGraphPanel::showVisibleInStrip);
    connect(m_view, &LayerGraphView::zoomChanged, this, &LayerGraphPanel::showVisibleInStrip);

    m_view->setReadableZoom(kReadableZoom);
    connect(m_view, &LayerGraphView::resized, this, &LayerGraphPanel::reflow);
    connect(m_scene, &QGraphicsScene::selectionChanged, this, [this] {
        if (m_rebuilding)
            return;
        const int layer = selectedLayer();
        showDetails(layer);
        if (layer >= 0)
            Q_EMIT layerSelected(layer);
    });
    connect(m_view, &LayerGraphView::zoomChanged, this, [this](qreal zoom) {
        for (PartitionHandleItem *h : {m_handleP, m_handleQ})
            if (h)
                h->setViewScale(zoom);
    });
}

QWidget *LayerGraphPanel::createToolBar()
{
    auto *bar = new QToolBar(this);
    bar->setIconSize(QSize(16, 16));
    QAction *zoomIn = bar->addAction(tr("Zoom in"), m_view, &LayerGraphView::zoomIn);
    zoomIn->setShortcut(QKeySequence::ZoomIn);
    QAction *zoomOut = bar->addAction(tr("Zoom out"), m_view, &LayerGraphView::zoomOut);
    zoomOut->setShortcut(QKeySequence::ZoomOut);
    QAction *fit = bar->addAction(tr("Fit"), this, &LayerGraphPanel::fitToView);
    fit->setToolTip(tr("Fold the model into rows as wide as the view and show it whole, or its first rows"));
    for (QAction *a : {zoomIn, zoomOut, fit})
        a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    bar->addSeparator();
    bar->addAction(m_undo->createUndoAction(this, tr("Undo")));
    bar->addAction(m_undo->createRedoAction(this, tr("Redo")));
    return bar;
}

void LayerGraphPanel::setModel(const core::ModelGraph &graph)
{
    m_undo->clear();
    const bool same = !m_fitPending && m_nodes.size() == graph.layerCount() && m_graph.name() == graph.name()
                      && std::equal(graph.layers().cbegin(), graph.layers().cend(), m_graph.layers().cbegin(),
                                    [](const core::Layer &a, const core::Layer &b) { return a.name == b.name; });
    const GraphViewState kept = viewState();
    m_graph = graph;
    m_table->setGraph(graph);
    m_layout = LayerGraphLayout(graph, m_layout.layerCount() > 0 ? m_layout.columnsPerRow() : 0);
    if (m_costs.ms.size() != graph.layerCount())
        m_costs = {};
    const int n = graph.layerCount();
    m_q = std::clamp(m_q, 0, n);
    m_p = std::clamp(m_p, 0, m_q);
    buildScene();
    showCuts(m_p, m_q, -1);
    showDetails(-1);
    if (same && isVisible()) {
        applyViewState(kept);
    } else {
        m_fitPending = true;
        if (isVisible())
            initialView();
    }
    qCDebug(lcUi) << "layer graph:" << graph.name() << n << "layers in" << m_layout.laneCount() << "lanes,"
                  << m_layout.blocks().size() << "blocks," << m_layout.rowCount() << "rows";
}

void LayerGraphPanel::buildScene()
{
    m_rebuilding = true;
    m_scene->clear();
    m_rebuilding = false;
    m_nodes.clear();
    const QRectF bounds = m_layout.bounds();
    const QPen edgePen(kEdgeColour, 1.2);

    QFont small;
    small.setPixelSize(LayerGraphLayout::kRowHead - 3);
    for (const LayerGraphLayout::Block &b : m_layout.blocks()) {
        for (const QRectF &rect : b.rects) {
            auto *frame = m_scene->addRect(rect, QPen(kBlockColour.darker(115)), kBlockColour);
            frame->setZValue(-2);
        }
        if (b.name.isEmpty())
            continue;
        auto *name = m_scene->addSimpleText(b.name, small);
        name->setBrush(kBlockColour.darker(250));
        name->setPos(b.rects.first().topLeft() + QPointF(2, 0));
        name->setZValue(-1);
    }
    for (const LayerGraphLayout::Edge &e : m_layout.edges()) {
        QPainterPath path;
        for (const QPolygonF &piece : e.pieces)
            path.addPolygon(piece);
        auto *item = m_scene->addPath(path, edgePen);
        item->setZValue(-1);
    }
    const QRectF input = m_layout.inputBox();
    m_scene->addRect(input, QPen(Qt::darkGray), QColor(245, 245, 245));
    auto *inputText = m_scene->addSimpleText(tr("input"), LayerNodeItem::labelFont());
    inputText->setPos(input.center() - inputText->boundingRect().center());
    inputText->setToolTip(m_graph.inputName() + QLatin1Char(' ') + m_graph.inputShape().toString());

    for (int i = 0; i < m_graph.layerCount(); ++i) {
        auto *node = new LayerNodeItem(m_graph.layer(i), m_layout.box(i));
        m_scene->addItem(node);
        m_nodes.append(node);
    }

    m_handleP = new PartitionHandleItem(QStringLiteral("p"), PartitionHandleItem::Side::Left,
                                        LayerNodeItem::tierColour(LayerNodeItem::Tier::Device).darker(140));
    m_handleQ = new PartitionHandleItem(QStringLiteral("q"), PartitionHandleItem::Side::Right,
                                        LayerNodeItem::tierColour(LayerNodeItem::Tier::Cloud).darker(140));
    m_handleP->setToolTip(tr("Device | edge cut: drag to move the layers between device and edge"));
    m_handleQ->setToolTip(tr("Edge | cloud cut: drag to move the layers between edge and cloud"));
    for (int which : {0, 1}) {
        PartitionHandleItem *h = handle(which);
        h->setViewScale(m_view->zoom());
        m_scene->addItem(h);
        connect(h, &PartitionHandleItem::dragStarted, this, [this] {
            m_dragStartP = m_p;
            m_dragStartQ = m_q;
        });
        connect(h, &PartitionHandleItem::dragMoved, this, [this, which](const QPointF &at) { dragTo(which, at); });
        connect(h, &PartitionHandleItem::dragFinished, this,
                [this, which](const QPointF &at) { dropAt(which, at); });
    }
    placeHandles(m_p, m_q);

    m_label = new CutLabelItem;
    m_scene->addItem(m_label);
    m_scene->setSceneRect(bounds.adjusted(-kSceneMargin, -kSceneMargin, kSceneMargin, kSceneMargin));
}

void LayerGraphPanel::setLayerCosts(const core::LayerCosts &costs, const QVector<double> &tierSpeeds)
{
    m_costs = costs;
    m_speeds = tierSpeeds;
    showDetails(selectedLayer());
}

void LayerGraphPanel::setPlan(const core::Plan &plan)
{
    const int q = std::clamp(plan.q, 0, m_graph.layerCount());
    const int p = std::clamp(plan.p, 0, q);
    showCuts(p, q, plan.tiled() && plan.stackEnd <= q ? plan.stackEnd : -1);
}

void LayerGraphPanel::setPredictor(std::function<double(int, int)> predictedMs)
{
    m_predictor = std::move(predictedMs);
}

void LayerGraphPanel::showCuts(int p, int q, int stackEnd)
{
    m_p = p;
    m_q = q;
    m_stackEnd = stackEnd;
    colourLayers(p, q, stackEnd);
    placeHandles(p, q);
    const int layer = selectedLayer();
    if (layer >= 0)
        showDetails(layer);
}

void LayerGraphPanel::placeHandles(int p, int q)
{
    if (!m_handleP)
        return;
    for (int which : {0, 1}) {
        const QLineF bar = m_layout.cutLine(which == 0 ? p : q);
        handle(which)->setX(bar.x1());
        handle(which)->setSpan(bar.y1(), bar.y2());
    }
}

void LayerGraphPanel::colourLayers(int p, int q, int stackEnd)
{
    using Tier = LayerNodeItem::Tier;
    QVector<Tier> tiers(m_nodes.size(), Tier::Device);
    for (LayerNodeItem *node : std::as_const(m_nodes)) {
        const int i = node->layer();
        node->setTier(i < p ? Tier::Device : i < stackEnd ? Tier::TiledEdge : i < q ? Tier::Edge : Tier::Cloud);
        if (i >= 0 && i < tiers.size())
            tiers[i] = node->tier();
    }
    m_strip->setTiers(tiers);
    m_strip->setCuts(p, q);
}

void LayerGraphPanel::showVisibleInStrip()
{
    const QRectF shown = m_view->mapToScene(m_view->viewport()->rect()).boundingRect();
    int first = m_layout.layerCount();
    int last = -1;
    for (int i = 0; i < m_layout.layerCount(); ++i)
        if (shown.intersects(m_layout.box(i))) {
            first = std::min(first, i);
            last = std::max(last, i);
        }
    m_strip->setVisible(first, last);
}

void LayerGraphPanel::applyCuts(int p, int q)
{
    showCuts(p, q, keptStack(p, q));
    qCInfo(lcUi) << "layer graph: cuts" << p << q << "requested";
    Q_EMIT cutsRequested(p, q);
}

int LayerGraphPanel::keptStack(int p, int q) const
{
    return p == m_p && m_stackEnd <= q ? m_stackEnd : -1;
}

std::pair<int, int> LayerGraphPanel::cutsAt(int which, const QPointF &at) const
{
    const int k = m_layout.nearestCut(at);
    if (m_dragStartP == m_dragStartQ) // one on top of the other: the direction tells which one moves
        which = k < m_dragStartP ? 0 : 1;
    if (which == 0)
        return {std::min(k, m_dragStartQ), m_dragStartQ};
    return {m_dragStartP, std::max(k, m_dragStartP)};
}

void LayerGraphPanel::dragTo(int which, const QPointF &at)
{
    const auto [p, q] = cutsAt(which, at);
    placeHandles(p, q);
    colourLayers(p, q, keptStack(p, q));
    const int moved = p != m_dragStartP ? 0 : 1;
    showCutLabel(moved, moved == 0 ? p : q, p, q);
}

void LayerGraphPanel::dropAt(int which, const QPointF &at)
{
    m_label->hide();
    const auto [p, q] = cutsAt(which, at);
    if (p == m_dragStartP && q == m_dragStartQ) {
        showCuts(p, q, m_stackEnd); // back where it started
        return;
    }
    if (m_dropped) {
        showCuts(p, q, keptStack(p, q));
        m_dropped(p, q);
        return;
    }
    m_undo->push(new CutsCommand(m_dragStartP, m_dragStartQ, p, q, [this](int p, int q) { applyCuts(p, q); }));
}

void LayerGraphPanel::setDropHandler(std::function<void(int, int)> dropped)
{
    m_dropped = std::move(dropped);
}

void LayerGraphPanel::showCutLabel(int which, int k, int p, int q)
{
    const core::CutInfo &cut = m_graph.cut(k);
    const QLocale locale;
    QString text = tr("cut %1: %2 KiB crossing (%n tensor(s))", nullptr, int(cut.tensors.size()))
                       .arg(k)
                       .arg(locale.toString(double(cut.bytes) / 1024.0, 'f', 1));
    if (m_predictor)
        text += QLatin1Char('\n') + tr("predicted %1 ms").arg(locale.toString(m_predictor(p, q), 'f', 1));
    const PartitionHandleItem *h = handle(which);
    const QRect grip = h->deviceTransform(m_view->viewportTransform()).mapRect(h->gripRect()).toAlignedRect();
    m_label->showBeside(text, grip, m_view);
}

QString LayerGraphPanel::cutLabel() const
{
    return m_label && m_label->isVisible() ? m_label->text() : QString();
}

QRect LayerGraphPanel::cutLabelRect() const
{
    return m_label ? m_label->viewportRect(m_view) : QRect();
}

void LayerGraphPanel::selectLayer(int layer)
{
    m_scene->clearSelection();
    if (LayerNodeItem *node = m_nodes.value(layer)) {
        node->setSelected(true);
        m_view->ensureVisible(node);
    }
}

int LayerGraphPanel::selectedLayer() const
{
    for (QGraphicsItem *item : m_scene->selectedItems())
        if (auto *node = dynamic_cast<LayerNodeItem *>(item))
            return node->layer();
    return -1;
}

void LayerGraphPanel::showDetails(int layer)
{
    if (layer < 0 || layer >= m_graph.layerCount()) {
        m_details->setText(tr("Select a layer to see its shape, size, FLOPs and times."));
        return;
    }
    QStringList lines;
    for (LayerTableModel::Column c : kDetailColumns)
        lines << tr("%1: %2").arg(m_table->headerData(c, Qt::Horizontal).toString(),
                                  m_table->index(layer, c).data().toString());
    lines << tr("Runs on: %1").arg(LayerNodeItem::tierName(m_nodes.at(layer)->tier()));
    if (m_costs.ms.size() == m_graph.layerCount()) {
        const QLocale locale;
        const double ms = m_costs.ms.at(layer);
        lines << QString() << tr("Time (%1):").arg(m_costs.source);
        lines << tr("at speed 1: %1 ms").arg(locale.toString(ms, 'f', 3));
        const LayerNodeItem::Tier tiers[] = {LayerNodeItem::Tier::Device, LayerNodeItem::Tier::Edge,
                                             LayerNodeItem::Tier::Cloud};
        for (int t = 0; t < 3 && t < m_speeds.size(); ++t)
            if (m_speeds[t] > 0)
                lines << tr("on the %1: %2 ms")
                             .arg(LayerNodeItem::tierName(tiers[t]), locale.toString(ms / m_speeds[t], 'f', 3));
    }
    m_details->setText(lines.join(QLatin1Char('\n')));
}

QString LayerGraphPanel::details() const
{
    return m_details->text();
}

void LayerGraphPanel::initialView()
{
    m_fitPending = false;
    const auto saved = GraphViewState::fromBytes(m_pendingState);
    m_pendingState.clear();
    if (saved)
        applyViewState(*saved);
    else
        fitToView();
}

void LayerGraphPanel::fitToView()
{
    const int scrollBar = m_view->style()->pixelMetric(QStyle::PM_ScrollBarExtent, nullptr, m_view);
    const LayerGraphFit fit =
        LayerGraphFit::choose(m_layout, m_view->viewport()->size(), kReadableZoom, kSceneMargin, scrollBar);
    refold(fit.columns);
    m_view->setZoom(fit.zoom);
    const QRectF all = m_scene->sceneRect();
    const qreal visibleHeight = m_view->viewport()->height() / fit.zoom;
    m_view->centerOn(all.center().x(), fit.whole ? all.center().y() : all.top() + visibleHeight / 2);
    qCDebug(lcUi) << "layer graph: fitted at zoom" << fit.zoom << "in" << m_layout.rowCount() << "rows of"
                  << m_layout.columnsPerRow() << (fit.whole ? "(whole)" : "(scrolling vertically)");
}

void LayerGraphPanel::refold(int columns)
{
    LayerGraphLayout folded = m_layout.folded(columns);
    if (m_layout.layerCount() == 0 || folded.columnsPerRow() == m_layout.columnsPerRow())
        return;
    const int selected = selectedLayer();
    m_layout = std::move(folded);
    buildScene();
    showCuts(m_p, m_q, m_stackEnd);
    if (LayerNodeItem *node = m_nodes.value(selected)) {
        m_rebuilding = true;
        node->setSelected(true);
        m_rebuilding = false;
    }
}

void LayerGraphPanel::reflow()
{
    const bool dragging = m_handleP && (m_handleP->isDragging() || m_handleQ->isDragging());
    if (m_fitPending || dragging || m_reflowing || !isVisible())
        return;
    m_reflowing = true; // a re-fold may show or hide a scroll bar, which resizes the viewport again
    GraphViewState state = viewState();
    state.columns = 0; // as many as fit now
    applyViewState(state);
    m_reflowing = false;
}

GraphViewState LayerGraphPanel::viewState() const
{
    GraphViewState state;
    state.zoom = m_view->zoom();
    state.columns = m_layout.columnsPerRow();
    const QPointF centre = m_view->centre();
    qreal best = 0;
    for (int i = 0; i < m_layout.layerCount(); ++i) {
        const QPointF d = centre - m_layout.box(i).center();
        const qreal distance = QPointF::dotProduct(d, d);
        if (state.layer < 0 || distance < best) {
            state.layer = i;
            best = distance;
            state.offset = d;
        }
    }
    return state;
}

void LayerGraphPanel::applyViewState(const GraphViewState &state)
{
    m_view->setZoom(state.zoom);
    refold(state.columns > 0 ? state.columns
                             : LayerGraphFit::columnsFor(m_view->viewport()->width(), m_view->zoom(), kSceneMargin));
    if (state.layer >= 0 && state.layer < m_layout.layerCount())
        m_view->centerOn(m_layout.box(state.layer).center() + state.offset);
    showVisibleInStrip();
}

QByteArray LayerGraphPanel::saveViewState() const
{
    return viewState().toBytes();
}

bool LayerGraphPanel::restoreViewState(const QByteArray &state)
{
    const auto restored = GraphViewState::fromBytes(state);
    if (!restored)
        return false;
    if (isVisible() && m_layout.layerCount() > 0 && !m_fitPending) {
        applyViewState(*restored);
    } else {
        m_pendingState = state;
        m_fitPending = true;
    }
    qCDebug(lcUi) << "layer graph: view state restored at zoom" << restored->zoom << "around layer" << restored->layer;
    return true;
}

void LayerGraphPanel::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_fitPending && m_layout.layerCount() > 0)
        initialView();
}

} // namespace d3::ui
