#pragma once

#include "RunFigure.h"

class QCPGraph;

namespace d3::ui {

/// "backbone": the bytes each completed request (not probes) sent over the edge <-> cloud backbone, in KiB, at its
/// start time. GUI thread.
class BackboneFigure : public RunFigure
{
    Q_DECLARE_TR_FUNCTIONS(d3::ui::BackboneFigure)

public:
    /// Sets up plot (a fresh QCustomPlot, not owned).
    explicit BackboneFigure(QCustomPlot *plot);

    /// "backbone".
    QString name() const override { return QStringLiteral("backbone"); }
    /// Adds one request (see the class comment for what is drawn).
    void appendRequest(const core::RequestRecord &request) override;

    /// Backbone KiB per completed request, and a NaN (a gap) at each failed one.
    QCPGraph *traffic() const { return m_traffic; }

protected:
    void clearData() override;

private:
    QCPGraph *m_traffic;
    QCPGraph *m_raw; // the same bytes before the codecs
};

} // namespace d3::ui
