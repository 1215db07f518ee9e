#pragma once

#include "QCustomPlotInclude.h"

namespace d3::ui {

/// QCPBars filled with a colour and drawn over with hatch lines, so that bars stay apart in greyscale print. The
/// lines are drawn as line segments cut to each bar (not as a pattern brush), so PDF, SVG and PNG show the same.
/// The legend icon shows the fill and the hatch. Owned by the plot; GUI thread.
class HatchedBars : public QCPBars
{
public:
    /// The hatch drawn over the fill.
    enum class Hatch { None, Forward, Backward, Cross, Horizontal, Vertical };

    /// Registers the bars with the axes' plot, which owns them.
    HatchedBars(QCPAxis *keyAxis, QCPAxis *valueAxis);

    /// Sets the hatch (None by default).
    void setHatch(Hatch hatch) { m_hatch = hatch; }
    /// The hatch.
    Hatch hatch() const { return m_hatch; }
    /// Draws hatch lines spacingPx apart over rect (nothing on a rect narrower or lower than one spacing), in black or white, whichever shows better on fill.
    static void drawHatch(QCPPainter *painter, const QRectF &rect, Hatch hatch, const QColor &fill, double spacingPx);

protected:
    /// The bars, then the hatch over each.
    void draw(QCPPainter *painter) override;
    /// The fill, the hatch and the outline in rect.
    void drawLegendIcon(QCPPainter *painter, const QRectF &rect) const override;

private:
    static constexpr double kSpacingPx = 4;
    Hatch m_hatch = Hatch::None;
};

} // namespace d3::ui
