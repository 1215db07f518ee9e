#include "RunPlots.h"

#include "BackboneFigure.h"
#include "LatencyFigure.h"
#include "PlotExporter.h"
#include "QCustomPlotInclude.h"
#include "StagesFigure.h"
#include "record/RunFiles.h"

#include <QApplication>
#include <QDir>
#include <QFileInfo>

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
    if (!qobject_cast<QApplication *>(QCoreApplication::instance())) {
        *error = QStringLiteral("drawing plots needs a QApplication");
        return false;
    }
    const QString problem = options.problem();
    if (!problem.isEmpty()) {
        *error = problem;
        return false;
    }
    if (!core::RunFiles::makeWritableFolder(dir, error))
        return false;
    const QDir out(dir);
    for (const QString &name : figureNames()) {
        QCustomPlot plot;
        plot.resize(options.layoutSize());
        const std::unique_ptr<RunFigure> figure = build(name, data, &plot);
        if (!PlotExporter::save(&plot, out.filePath(name), options, written, error))
            return false;
    }
    return true;
}

} // namespace d3::ui
