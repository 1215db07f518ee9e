#include "RunPlots.h"

#include "BackboneFigure.h"
#include "LatencyFigure.h"
#include "PaperFigures.h"
#include "StagesFigure.h"

namespace d3::ui {

QStringList RunPlots::figureNames()
{
    return {QStringLiteral("latency"), QStringLiteral("stages"), QStringLiteral("backbone")};
}

std::unique_ptr<RunFigure> RunPlots::create(const QString &name, QCustomPlot *plot)
{
    if (name == QLatin1String("latency"))
        return std::make_unique<LatencyFigure>(plot);
    if (name == QLatin1String("stages"))
        return std::make_unique<StagesFigure>(plot);
    if (name == QLatin1String("backbone"))
        return std::make_unique<BackboneFigure>(plot);
    return nullptr;
}

std::unique_ptr<RunFigure> RunPlots::build(const QString &name, const core::RunData &data, QCustomPlot *plot)
{
    std::unique_ptr<RunFigure> figure = create(name, plot);
    if (figure)
        figure->load(data);
    return figure;
}

bool RunPlots::exportAll(const core::RunData &data, const QString &dir, const ExportOptions &options,
                         QStringList *written, QString *error)
{
    return PaperFigures::exportTimeSeries(data, dir, options, written, error);
}

} // namespace d3::ui
