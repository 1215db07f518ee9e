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

class QGraphicsScene;
class QLabel;

namespace d3::ui {

class CutLabelItem;
struct GraphViewState;
class LayerGraphView;
class LayerNodeItem;
class LayerStrip;
class LayerTableModel;
class PartitionHandleItem;

/// The console's layer graph: the model's DAG (LayerGraphLayout) folded into rows as wide as the view and re-folded
/// when the view is resized, every layer coloured by the tier that runs it, two partition handles the user drags to
/// set the cuts (snapping to cut positions, p <= q, showing the crossing bytes and the predicted latency while
/// dragging), undo and redo of those moves, and the selected layer's figures. It opens on the whole model at the
/// largest zoom that shows it whole with readable labels, or on its first rows at the readable zoom (the rows scroll
/// vertically). GUI thread only.
class LayerGraphPanel : public QWidget
{
    Q_OBJECT
public:
    /// An empty panel; call setModel().
    explicit LayerGraphPanel(QWidget *parent = nullptr);

    /// Shows graph (laid out afresh, fitted to the view; the same model again keeps the zoom and centre) and clears
    /// the undo stack; cuts kept where they fit.
    void setModel(const core::ModelGraph &graph);
    /// Per-layer times at speed 1 and the tier speeds {device, edge, cloud} (time on a tier = ms / speed, as in
    /// core::Conditions), for the details of the selected layer. Optional.
    void setLayerCosts(const core::LayerCosts &costs, const QVector<double> &tierSpeeds);
    /// Shows the controller's plan: colours (the tiled stack patterned) and handles. No undo entry, no signal.
    void setPlan(const core::Plan &plan);
    /// The predicted end-to-end ms of cuts (p, q), shown while dragging; may be empty (then nothing is predicted).
    void setPredictor(std::function<double(int p, int q)> predictedMs);
    /// Who records a drop: when set, a handle dropped at new cuts shows them and calls dropped(p, q) instead of
    /// pushing a CutsCommand of its own (the main window pushes one that also restores the planner and tiles).
    void setDropHandler(std::function<void(int p, int q)> dropped);
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
    /// The strip above the view: the whole model, its cuts and what the view shows.
    LayerStrip *strip() const { return m_strip; }
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
    /// Where the cut label is drawn, in the view's viewport pixels (meaningful while a handle is dragged).
    QRect cutLabelRect() const;

    /// The view's zoom and centre, for restoreViewState() on another panel (a window rebuilt for another language).
    QByteArray saveViewState() const;
    /// Shows what saveViewState() saved: now when the panel is shown with a model, else when it is. False (and
    /// nothing changes) when state is not a saved view state.
    bool restoreViewState(const QByteArray &state);

    /// The smallest on-screen height of the layers' labels when fitting (pixels).
    static constexpr int kReadablePixels = 11;

public Q_SLOTS:
    /// Folds the rows for the view's width and shows the whole model, or its first rows when it does not fit at a
    /// readable zoom.
    void fitToView();

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
    /// Puts the handles on cuts p and q.
    void placeHandles(int p, int q);
    /// The stack end still valid for cuts (p, q): the current one when p is unchanged and it ends by q, else -1.
    int keptStack(int p, int q) const;
    /// Outlines in the strip the layers the view shows.
    void showVisibleInStrip();
    /// Colours every layer for cuts (p, q) and the stack end (in the graph and the strip).
    void colourLayers(int p, int q, int stackEnd);
    /// What CutsCommand applies: shows the cuts and asks for them.
    void applyCuts(int p, int q);
    /// The cuts (p, q) if handle `which` were dropped at scene point at (snapped, p <= q); when both handles sit on
    /// one cut, a drag to the left moves p and a drag to the right moves q, whichever was grabbed.
    std::pair<int, int> cutsAt(int which, const QPointF &at) const;
    /// Follows a drag of handle `which` to scene point at: handle, colours, label.
    void dragTo(int which, const QPointF &at);
    /// Ends a drag of handle `which` at scene point at: an undo entry if the cuts changed.
    void dropAt(int which, const QPointF &at);
    /// Shows the label of cut k beside handle `which`.
    void showCutLabel(int which, int k, int p, int q);
    /// A saved view state when one waits, else fitToView().
    void initialView();
    /// Lays the rows out anew with columns per row (no change when they already are).
    void refold(int columns);
    /// Re-folds the rows for the view's width at the current zoom, keeping the layer at the centre there.
    void reflow();
    /// The zoom and centre shown.
    GraphViewState viewState() const;
    /// Shows state: its zoom, rows folded for it, its centre.
    void applyViewState(const GraphViewState &state);
    /// Fills the details area for layer (or the hint when -1).
    void showDetails(int layer);
    /// The selected layer, or -1.
    int selectedLayer() const;

    QGraphicsScene *m_scene;
    LayerGraphView *m_view;
    QLabel *m_details;
    QUndoStack *m_undo;
    LayerTableModel *m_table;
    LayerStrip *m_strip;
    core::ModelGraph m_graph;
    LayerGraphLayout m_layout;
    core::LayerCosts m_costs;
    QVector<double> m_speeds;
    std::function<double(int, int)> m_predictor;
    std::function<void(int, int)> m_dropped;
    QVector<LayerNodeItem *> m_nodes;
    PartitionHandleItem *m_handleP = nullptr;
    PartitionHandleItem *m_handleQ = nullptr;
    CutLabelItem *m_label = nullptr;
    QByteArray m_pendingState; ///< a saved view state to show once the panel is shown with a model
    int m_p = 0;
    int m_q = 0;
    int m_stackEnd = -1;
    int m_dragStartP = 0;
    int m_dragStartQ = 0;
    bool m_fitPending = false;
    bool m_rebuilding = false; ///< the scene is being rebuilt (its selection changes are not the user's)
    bool m_reflowing = false;  ///< reflow() is running
};

} // namespace d3::ui
