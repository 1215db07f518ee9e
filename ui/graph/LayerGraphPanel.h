#pragma once

#include "LayerGraphLayout.h"
#include "graph/ModelGraph.h"
#include "plan/LayerCosts.h"
#include "plan/Plan.h"

#include <QUndoStack>
#include <QVector>
#include <QWidget>

#include <functional>
#include <utility>

class QGraphicsRectItem;
class QGraphicsScene;
class QGraphicsSimpleTextItem;
class QLabel;

namespace d3::ui {

class LayerGraphView;
class LayerNodeItem;
class LayerTableModel;
class PartitionHandleItem;

/// The console's layer graph: the model's DAG (LayerGraphLayout) with every layer coloured by the tier that runs it,
/// two partition handles the user drags to set the cuts (snapping to cut positions, p <= q, showing the crossing bytes
/// and the predicted latency while dragging), undo and redo of those moves, and the selected layer's figures.
/// GUI thread only.
class LayerGraphPanel : public QWidget
{
    Q_OBJECT
public:
    /// An empty panel; call setModel().
    explicit LayerGraphPanel(QWidget *parent = nullptr);

    /// Shows graph (laid out afresh, fitted to the view) and clears the undo stack; cuts kept where they fit.
    void setModel(const core::ModelGraph &graph);
    /// Per-layer times at speed 1 and the tier speeds {device, edge, cloud} (time on a tier = ms / speed, as in
    /// core::Conditions), for the details of the selected layer. Optional.
    void setLayerCosts(const core::LayerCosts &costs, const QVector<double> &tierSpeeds);
    /// Shows the controller's plan: colours (the tiled stack patterned) and handles. No undo entry, no signal.
    void setPlan(const core::Plan &plan);
    /// The predicted end-to-end ms of cuts (p, q), shown while dragging; may be empty (then nothing is predicted).
    void setPredictor(std::function<double(int p, int q)> predictedMs);
    /// The moves of the cuts, for undo and redo actions elsewhere (owned by the panel).
    QUndoStack *undoStack() const { return m_undo; }

    /// The device | edge cut shown.
    int p() const { return m_p; }
    /// The edge | cloud cut shown.
    int q() const { return m_q; }
    /// Selects layer (and scrolls to it); -1 clears the selection.
    void selectLayer(int layer);
    /// The view (zoom, pan).
    LayerGraphView *view() const { return m_view; }
    /// The layout shown.
    const LayerGraphLayout &layout() const { return m_layout; }
    /// The box of layer (null when out of range).
    LayerNodeItem *node(int layer) const { return m_nodes.value(layer); }
    /// Handle 0 (p) or 1 (q).
    PartitionHandleItem *handle(int which) const { return which == 0 ? m_handleP : m_handleQ; }
    /// The text shown while a handle is dragged ("cut 7: 392.0 KiB crossing (1 tensor) · predicted 41.2 ms");
    /// empty when no handle is dragged.
    QString cutLabel() const;
    /// The selected layer's figures as shown.
    QString details() const;

Q_SIGNALS:
    /// The user dropped a handle at new cuts, or undo/redo changed them.
    void cutsRequested(int p, int q);
    /// The user selected layer.
    void layerSelected(int layer);

protected:
    void showEvent(QShowEvent *event) override;

private:
    /// Builds the toolbar above the view.
    QWidget *createToolBar();
    /// Creates the items for m_layout: blocks, edges, the input, the layers, the handles and the cut label.
    void buildScene();
    /// Shows cuts (p, q) and the tiled stack's end (-1: none) in colours and handles.
    void showCuts(int p, int q, int stackEnd);
    /// The stack end still valid for cuts (p, q): the current one when p is unchanged and it ends by q, else -1.
    int keptStack(int p, int q) const;
    /// Colours every layer for cuts (p, q) and the stack end.
    void colourLayers(int p, int q, int stackEnd);
    /// What CutsCommand applies: shows the cuts and asks for them.
    void applyCuts(int p, int q);
    /// The cuts (p, q) if handle `which` were dropped at scene x (snapped, p <= q); when both handles sit on one
    /// cut, a drag to the left moves p and a drag to the right moves q, whichever was grabbed.
    std::pair<int, int> cutsAt(int which, qreal x) const;
    /// Follows a drag of handle `which` to scene x: handle, colours, label.
    void dragTo(int which, qreal x);
    /// Ends a drag of handle `which` at scene x: an undo entry if the cuts changed.
    void dropAt(int which, qreal x);
    /// Shows the label of cut k beside its handle.
    void showCutLabel(int k, int p, int q);
    /// The whole model when it fits readably, else its beginning at a readable zoom.
    void initialView();
    /// Fills the details area for layer (or the hint when -1).
    void showDetails(int layer);
    /// The selected layer, or -1.
    int selectedLayer() const;

    QGraphicsScene *m_scene;
    LayerGraphView *m_view;
    QLabel *m_details;
    QUndoStack *m_undo;
    LayerTableModel *m_table;
    core::ModelGraph m_graph;
    LayerGraphLayout m_layout;
    core::LayerCosts m_costs;
    QVector<double> m_speeds;
    std::function<double(int, int)> m_predictor;
    QVector<LayerNodeItem *> m_nodes;
    PartitionHandleItem *m_handleP = nullptr;
    PartitionHandleItem *m_handleQ = nullptr;
    QGraphicsRectItem *m_label = nullptr;
    QGraphicsSimpleTextItem *m_labelText = nullptr;
    int m_p = 0;
    int m_q = 0;
    int m_stackEnd = -1;
    int m_dragStartP = 0;
    int m_dragStartQ = 0;
    bool m_fitPending = false;
};

} // namespace d3::ui
