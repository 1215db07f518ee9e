#include "LivePlotsPanel.h"

#include "QCustomPlotInclude.h"
#include "QueueDepthPanel.h"
#include "RunPlots.h"

#include <QEvent>
#include <QSplitter>
#include <QVBoxLayout>

namespace d3::ui {

LivePlotsPanel::LivePlotsPanel(QWidget *parent)
    : QWidget(parent)
    , m_depths(new QueueDepthPanel(this))
{
    auto *split = new QSplitter(Qt::Vertical, this);
    auto *below = new QSplitter(Qt::Horizontal, split);
    for (const QString &name : RunPlots::figureNames()) {
        auto *plot = new QCustomPlot(name == QLatin1String("latency") ? static_cast<QWidget *>(split) : below);
        plot->setObjectName(name);
        plot->setMinimumSize(240, 160);
        plot->setNotAntialiasedElements(QCP::aeAll); // thousands of points redrawn 30 times a second
        plot->setPlottingHint(QCP::phCacheLabels, true);
        m_figures.push_back(RunPlots::create(name, plot));
        RunFigure *figure = m_figures.back().get();
        QFont legendFont = plot->legend->font(); // the smaller figures keep their legends readable in rows
        legendFont.setPointSizeF(legendFont.pointSizeF() - 1);
        figure->setLegendFont(legendFont); // its columns follow the plot's size (Figure::arrange at each redraw)
        figure->setLegendHeightShare(kLegendHeightShare);
        figure->setMarkerHeightShare(kMarkerHeightShare);
        // The latency figure on top explains the marker styles; the two below keep their rows for their own data.
        figure->setMarkersInLegend(name == QLatin1String("latency"));
        plot->installEventFilter(this); // a resized plot is arranged again
        // Thin lines, no dots and no fills: a 1.4 px pen costs the raster engine a hundred times a 1 px one, an hour
        // of requests would be tens of thousands of dots, and the area under a line that wobbles from request to
        // request is a polygon with two edges per pixel column across its whole height, which took two thirds of a
        // frame at 100 requests a second (exports keep the figures' own style).
        for (int g = 0; g < plot->graphCount(); ++g) {
            QCPGraph *graph = plot->graph(g);
            QPen pen = graph->pen();
            pen.setWidthF(1);
            graph->setPen(pen);
            graph->setBrush(Qt::NoBrush);
            if (graph->scatterStyle().shape() == QCPScatterStyle::ssDisc)
                graph->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssNone));
        }
        if (name == QLatin1String("latency"))
            split->insertWidget(0, plot);
        else
            below->addWidget(plot);
    }
    split->setStretchFactor(0, 1); // the latency figure has more legend and marker rows, the two below more legend
    split->setStretchFactor(1, 1);
    split->setSizes({1000, 1000});
    below->setSizes({600, 400});
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_depths);
    layout->addWidget(split);
    m_timer.setInterval(kRedrawMs);
    connect(&m_timer, &QTimer::timeout, this, &LivePlotsPanel::redrawIfDirty);
    m_timer.start();
}

LivePlotsPanel::~LivePlotsPanel()
{
    m_figures.clear(); // before the plots (children of this widget) go
}

bool LivePlotsPanel::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::Resize)
        m_dirty = true; // legends, labels and marker rows follow the new size at the next redraw
    return QWidget::eventFilter(watched, event);
}

RunFigure *LivePlotsPanel::figure(const QString &name) const
{
    for (const auto &f : m_figures)
        if (f->name() == name)
            return f.get();
    return nullptr;
}

void LivePlotsPanel::appendRequest(const core::RequestRecord &record)
{
    for (const auto &f : m_figures)
        f->appendRequest(record);
    m_depths->appendRequest(record);
    m_dirty = true;
}

void LivePlotsPanel::setDepths(const core::StageDepths::Counts &counts)
{
    m_depths->setDepths(counts); // the strip paints at the next redraw, not at each change
}

void LivePlotsPanel::setStream(const core::ExperimentStream &stream)
{
    m_depths->setStream(stream);
}

void LivePlotsPanel::addEvent(const core::RunEvent &event)
{
    for (const auto &f : m_figures)
        f->addEvent(event);
    m_dirty = true;
}

void LivePlotsPanel::clear()
{
    for (const auto &f : m_figures)
        f->clear();
    m_depths->clear();
    m_dirty = true;
}

void LivePlotsPanel::setFollowSeconds(double seconds)
{
    m_followSeconds = qMax(0.0, seconds);
    m_dirty = true;
}

void LivePlotsPanel::redrawIfDirty()
{
    m_depths->redrawIfDirty(); // depths move without a new request: the strip has its own dirty flag
    if (!m_dirty)
        return;
    m_dirty = false;
    ++m_redraws;
    for (const auto &f : m_figures) {
        f->fit(m_followSeconds);
        f->arrange(); // legend columns and marker label rows for the plot's size now
        f->plot()->replot(QCustomPlot::rpQueuedRefresh);
    }
}

} // namespace d3::ui
