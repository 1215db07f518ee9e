#pragma once

#include <QColor>
#include <QRectF>
#include <QSizeF>
#include <QString>
#include <QVector>
#include <QWidget>

namespace d3::ui {

/// Paints a fused stack's output feature map as its tiles: each filled with its node's colour and labelled with
/// the node and its latest compute time, optionally with the outline of the input region each tile reads (its
/// halo) scaled onto the same map. Keeps the map's aspect ratio. Shows only; TileGridPanel fills it. GUI thread.
class TileGridView : public QWidget
{
    Q_OBJECT
public:
    /// One tile, in map coordinates (x = column, y = row of the stack output).
    struct Cell {
        QRectF share;   ///< the tile's part of the output
        QRectF reads;   ///< the stack input region it reads, scaled onto the output map (contains share)
        QString node;   ///< the worker computing it
        QColor colour;  ///< its node's colour
        double ms = -1; ///< latest compute time in ms, negative while none is known
        QString tip;    ///< tooltip text
    };

    /// An empty view.
    explicit TileGridView(QWidget *parent = nullptr);

    /// Shows a map of size (width = columns, height = rows) cut into cells.
    void setCells(const QSizeF &map, const QVector<Cell> &cells);
    /// Shows no map, only message (centred).
    void clear(const QString &message);
    /// Sets each cell's latest compute time in ms (a list of another size than the cells is ignored: false).
    bool setTimes(const QVector<double> &ms);
    /// Shows or hides the halo outlines.
    void setHaloShown(bool shown);
    /// True when the halo outlines are drawn.
    bool haloShown() const { return m_halo; }

    /// Number of cells shown.
    int cellCount() const { return m_cells.size(); }
    /// Cell i as given.
    const Cell &cell(int i) const { return m_cells.at(i); }
    /// Where cell i's tile is drawn, in widget coordinates.
    QRectF tileRect(int i) const { return toWidget(m_cells.at(i).share); }
    /// Where cell i's halo outline is drawn, in widget coordinates.
    QRectF haloRect(int i) const { return toWidget(m_cells.at(i).reads); }
    /// The text drawn in cell i: the node and, once known, its latest time ("edge1\n12.3 ms").
    QString label(int i) const;
    /// The message shown instead of a map (empty while a map is shown).
    QString message() const { return m_message; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    bool event(QEvent *event) override;

private:
    QRectF mapRect() const;
    QRectF toWidget(const QRectF &r) const;

    QSizeF m_map;
    QVector<Cell> m_cells;
    QString m_message;
    bool m_halo = false;
};

} // namespace d3::ui
