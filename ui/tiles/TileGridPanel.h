#pragma once

#include "NodePalette.h"
#include "graph/ModelGraph.h"
#include "plan/Plan.h"

#include <QStringList>
#include <QVector>
#include <QWidget>

#include <optional>

class QCheckBox;
class QLabel;
class QPushButton;
class QSpinBox;

namespace d3::ui {

class TileGridView;

/// The tile grid panel: the edge stack's output feature map cut into the plan's R x C tiles, each in its node's
/// colour with the node's name and latest compute time, the halo (the input region each tile reads) as an optional
/// overlay, and a header "stack [a, b) · R x C · k nodes · redundant FLOPs x%". A grid chooser asks for another
/// grid or the planner's; the panel only shows and asks, the main window carries the requests. GUI thread.
class TileGridPanel : public QWidget
{
    Q_OBJECT
public:
    /// Largest grid dimension the chooser offers.
    static constexpr int kMaxChooser = 4;

    /// An empty panel ("no plan yet").
    explicit TileGridPanel(QWidget *parent = nullptr);

    /// The model plans refer to (copied; implicitly shared).
    void setModel(const core::ModelGraph &graph);
    /// Shows plan: tileNodeNames is the worker of each tile (row-major), edgeNodeName the worker running the
    /// untiled edge layers. Sets the chooser to the plan's grid; keeps the tile times if the placement is the same.
    void setPlan(const core::Plan &plan, const QStringList &tileNodeNames, const QString &edgeNodeName);
    /// Each tile's latest compute time in ms, row-major (a list of another size than the tiles is ignored).
    void setTileTimes(const QVector<double> &ms);

    /// The header line shown.
    QString headerText() const;
    /// The painted grid (tile and halo rectangles, labels), for tests and layout.
    TileGridView *view() const { return m_view; }
    /// The "halo" check box.
    QCheckBox *haloBox() const { return m_halo; }
    /// The chooser's rows spin box (1..kMaxChooser).
    QSpinBox *rowsBox() const { return m_rows; }
    /// The chooser's columns spin box (1..kMaxChooser).
    QSpinBox *colsBox() const { return m_cols; }
    /// The "Apply grid" button.
    QPushButton *applyButton() const { return m_apply; }
    /// The "Planner's grid" button.
    QPushButton *plannerButton() const { return m_planner; }

Q_SIGNALS:
    /// The operator picked a rows x cols grid for the current cuts.
    void gridRequested(int rows, int cols);
    /// The operator wants the planner to choose the grid again.
    void plannerGridRequested();

private:
    void rebuild();
    void showTiles(const core::Plan &plan);

    std::optional<core::ModelGraph> m_graph;
    std::optional<core::Plan> m_plan;
    QStringList m_tileNames;
    QString m_edgeName;
    QVector<double> m_times;
    NodePalette m_palette;
    QLabel *m_header;
    TileGridView *m_view;
    QCheckBox *m_halo;
    QSpinBox *m_rows;
    QSpinBox *m_cols;
    QPushButton *m_apply;
    QPushButton *m_planner;
};

} // namespace d3::ui
