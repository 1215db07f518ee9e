#include "LayerGraphPanel.h"

#include "CutsCommand.h"
#include "LayerGraphView.h"
#include "LayerNodeItem.h"
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
#include <QSplitter>
#include <QToolBar>
#include <QUndoStack>
#include <QVBoxLayout>

#include <algorithm>

namespace d3::ui {

namespace {

constexpr qreal kSceneMargin = 30;  ///< scene units around the drawing
constexpr qreal kHandleReach = 24;  ///< how far the handles reach above and below the boxes
constexpr qreal kReadableZoom = 0.7; ///< the zoom a model opens at when fitting it would be smaller
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
    layout->addWidget(split, 1);

    connect(m_scene, &QGraphicsScene::selectionChanged, this, [this] {
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
    QAction *fit = bar->addAction(tr("Fit"), m_view, &LayerGraphView::fitAll);
    fit->setToolTip(tr("Show the whole model"));
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
    m_graph = graph;
    m_table->setGraph(graph);
    m_layout = LayerGraphLayout(graph);
    if (m_costs.ms.size() != graph.layerCount())
        m_costs = {};
    const int n = graph.layerCount();
    m_q = std::clamp(m_q, 0, n);
    m_p = std::clamp(m_p, 0, m_q);
    buildScene();
    showCuts(m_p, m_q, -1);
    showDetails(-1);
    m_fitPending = true;
    if (isVisible())
        initialView();
    qCDebug(lcUi) << "layer graph:" << graph.name() << n << "layers in" << m_layout.laneCount() << "lanes,"
                  << m_layout.blocks().size() << "blocks";
}

void LayerGraphPanel::buildScene()
{
    m_scene->clear();
    m_nodes.clear();
    const QRectF bounds = m_layout.bounds();
    const QPen edgePen(kEdgeColour, 1.2);

    QFont small;
    small.setPointSizeF(7);
    for (const LayerGraphLayout::Block &b : m_layout.blocks()) {
        auto *frame = m_scene->addRect(b.rect, QPen(kBlockColour.darker(115)), kBlockColour);
        frame->setZValue(-2);
        if (b.name.isEmpty())
            continue;
        auto *name = m_scene->addSimpleText(b.name, small);
        name->setBrush(kBlockColour.darker(250));
        name->setPos(b.rect.topLeft() + QPointF(2, 1));
        name->setZValue(-1);
    }
    for (const LayerGraphLayout::Edge &e : m_layout.edges()) {
        QPainterPath path(e.route.first());
        for (int i = 1; i < e.route.size(); ++i)
            path.lineTo(e.route[i]);
        auto *item = m_scene->addPath(path, edgePen);
        item->setZValue(-1);
    }
    const QRectF input = m_layout.inputBox();
    m_scene->addRect(input, QPen(Qt::darkGray), QColor(245, 245, 245));
    auto *inputText = m_scene->addSimpleText(tr("input"), small);
    inputText->setPos(input.center() - inputText->boundingRect().center());
    inputText->setToolTip(m_graph.inputName() + QLatin1Char(' ') + m_graph.inputShape().toString());

    for (int i = 0; i < m_graph.layerCount(); ++i) {
        auto *node = new LayerNodeItem(m_graph.layer(i), m_layout.box(i));
        m_scene->addItem(node);
        m_nodes.append(node);
    }

    const qreal top = bounds.top() - kHandleReach;
    const qreal bottom = bounds.bottom() + kHandleReach;
    m_handleP = new PartitionHandleItem(QStringLiteral("p"), top, bottom,
                                        LayerNodeItem::tierColour(LayerNodeItem::Tier::Device).darker(140));
    m_handleQ = new PartitionHandleItem(QStringLiteral("q"), top, bottom,
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
        connect(h, &PartitionHandleItem::dragMoved, this, [this, which](qreal x) { dragTo(which, x); });
        connect(h, &PartitionHandleItem::dragFinished, this, [this, which](qreal x) { dropAt(which, x); });
    }

    m_label = m_scene->addRect(QRectF(), QPen(QColor(60, 60, 60)), QColor(255, 255, 225, 235));
    m_label->setFlag(QGraphicsItem::ItemIgnoresTransformations);
    m_label->setZValue(20);
    m_label->hide();
    m_labelText = new QGraphicsSimpleTextItem(m_label);

    m_scene->setSceneRect(QRectF(bounds.left(), top, bounds.width(), bottom - top)
                              .adjusted(-kSceneMargin, -kSceneMargin, kSceneMargin, kSceneMargin));
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
    if (m_handleP) {
        m_handleP->setX(m_layout.cutX(p));
        m_handleQ->setX(m_layout.cutX(q));
    }
    const int layer = selectedLayer();
    if (layer >= 0)
        showDetails(layer);
}

void LayerGraphPanel::colourLayers(int p, int q, int stackEnd)
{
    using Tier = LayerNodeItem::Tier;
    for (LayerNodeItem *node : std::as_const(m_nodes)) {
        const int i = node->layer();
        node->setTier(i < p ? Tier::Device : i < stackEnd ? Tier::TiledEdge : i < q ? Tier::Edge : Tier::Cloud);
    }
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

std::pair<int, int> LayerGraphPanel::cutsAt(int which, qreal x) const
{
    const int k = m_layout.nearestCut(x);
    if (m_dragStartP == m_dragStartQ) // one on top of the other: the direction tells which one moves
        which = k < m_dragStartP ? 0 : 1;
    if (which == 0)
        return {std::min(k, m_dragStartQ), m_dragStartQ};
    return {m_dragStartP, std::max(k, m_dragStartP)};
}

void LayerGraphPanel::dragTo(int which, qreal x)
{
    const auto [p, q] = cutsAt(which, x);
    m_handleP->setX(m_layout.cutX(p));
    m_handleQ->setX(m_layout.cutX(q));
    colourLayers(p, q, keptStack(p, q));
    showCutLabel(p != m_dragStartP ? p : q, p, q);
}

void LayerGraphPanel::dropAt(int which, qreal x)
{
    m_label->hide();
    const auto [p, q] = cutsAt(which, x);
    if (p == m_dragStartP && q == m_dragStartQ) {
        showCuts(p, q, m_stackEnd); // back where it started
        return;
    }
    m_undo->push(new CutsCommand(m_dragStartP, m_dragStartQ, p, q, [this](int p, int q) { applyCuts(p, q); }));
}

void LayerGraphPanel::showCutLabel(int k, int p, int q)
{
    const core::CutInfo &cut = m_graph.cut(k);
    const QLocale locale;
    QString text = tr("cut %1: %2 KiB crossing (%n tensor(s))", nullptr, int(cut.tensors.size()))
                       .arg(k)
                       .arg(locale.toString(double(cut.bytes) / 1024.0, 'f', 1));
    if (m_predictor)
        text += tr(" · predicted %1 ms").arg(locale.toString(m_predictor(p, q), 'f', 1));
    m_labelText->setText(text);
    // Level with the handle's grip, above the boxes, on the side with room in the view (pixels: the label ignores
    // the zoom).
    const QRectF textRect = m_labelText->boundingRect();
    const QRectF box(14, -textRect.height() - 8, textRect.width() + 8, textRect.height() + 6);
    m_label->setRect(box);
    m_labelText->setPos(box.topLeft() + QPointF(4, 3));
    const QPointF anchor(m_layout.cutX(k), m_layout.bounds().top() - kHandleReach);
    const QPoint inView = m_view->mapFromScene(anchor);
    const bool flip = inView.x() + box.right() > m_view->viewport()->width();
    m_label->setTransform(QTransform::fromTranslate(flip ? -box.right() - box.left() : 0, 0));
    m_label->setPos(anchor);
    m_label->show();
}

QString LayerGraphPanel::cutLabel() const
{
    return m_label && m_label->isVisible() ? m_labelText->text() : QString();
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
    m_view->fitAll();
    if (m_view->zoom() >= kReadableZoom)
        return;
    m_view->setZoom(kReadableZoom); // a long model: its beginning, readable
    m_view->centerOn(m_layout.inputBox().left() + m_view->viewport()->width() / kReadableZoom / 2,
                     m_layout.bounds().center().y());
}

void LayerGraphPanel::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_fitPending)
        initialView();
}

} // namespace d3::ui
