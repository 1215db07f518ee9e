#include "PaperFigures.h"

#include "BackboneBarsFigure.h"
#include "BandwidthFigure.h"
#include "ComparisonView.h"
#include "KneeFigure.h"
#include "LatencyBarsFigure.h"
#include "PlotExporter.h"
#include "QCustomPlotInclude.h"
#include "RunPlots.h"
#include "StageBarsFigure.h"
#include "TimelineFigure.h"
#include "record/Comparison.h"
#include "record/RunFiles.h"

#include <QApplication>

#include <functional>
#include <memory>

namespace d3::ui {
namespace {

/// A figure to write: its name and how to draw it into a fresh plot.
struct Entry {
    QString name;
    std::function<std::unique_ptr<Figure>(QCustomPlot *)> make;
};

/// The comparison of a run of more than one phase (Comparison::ofSweep), or nothing.
std::shared_ptr<const core::Comparison> comparisonOf(const core::RunData &data)
{
    QString error;
    auto c = core::Comparison::ofSweep(data, &error);
    return c && !c->conditions.isEmpty() ? std::make_shared<const core::Comparison>(std::move(*c)) : nullptr;
}

QVector<Entry> timeSeries(const core::RunData &data)
{
    QVector<Entry> entries;
    for (const QString &name : RunPlots::figureNames())
        entries.append({name, [&data, name](QCustomPlot *plot) -> std::unique_ptr<Figure> {
                            return RunPlots::build(name, data, plot);
                        }});
    return entries;
}

/// Every figure of data (see PaperFigures), in order.
QVector<Entry> paperFigures(const core::RunData &data, int condition)
{
    QVector<Entry> entries = timeSeries(data);
    entries.append({QStringLiteral("timeline"), [&data](QCustomPlot *plot) -> std::unique_ptr<Figure> {
                        return std::make_unique<TimelineFigure>(plot, data);
                    }});
    const std::shared_ptr<const core::Comparison> c = comparisonOf(data);
    if (!c || condition >= c->conditions.size())
        return entries;
    entries.append({QStringLiteral("latency_bars"), [c, condition](QCustomPlot *plot) -> std::unique_ptr<Figure> {
                        return std::make_unique<LatencyBarsFigure>(plot, *c, condition);
                    }});
    if (ComparisonView::bandwidthAxis(*c) >= 0) {
        for (const QString &model : c->models)
            entries.append({ComparisonView::figureName(QStringLiteral("latency_vs_bandwidth"), model),
                            [c, model, condition](QCustomPlot *plot) -> std::unique_ptr<Figure> {
                                return std::make_unique<BandwidthFigure>(plot, *c, model, condition);
                            }});
    }
    if (ComparisonView::rateAxis(*c) >= 0) {
        for (const QString &model : c->models)
            entries.append({ComparisonView::figureName(QStringLiteral("knee"), model),
                            [c, model, condition](QCustomPlot *plot) -> std::unique_ptr<Figure> {
                                return std::make_unique<KneeFigure>(plot, *c, model, condition);
                            }});
    }
    entries.append({QStringLiteral("backbone_bars"), [c, condition](QCustomPlot *plot) -> std::unique_ptr<Figure> {
                        return std::make_unique<BackboneBarsFigure>(plot, *c, condition);
                    }});
    for (const QString &model : c->models)
        entries.append({ComparisonView::figureName(QStringLiteral("stage_bars"), model),
                        [c, model, condition](QCustomPlot *plot) -> std::unique_ptr<Figure> {
                            return std::make_unique<StageBarsFigure>(plot, *c, model, condition);
                        }});
    return entries;
}

bool write(const QVector<Entry> &entries, const QString &dir, const ExportOptions &options, QStringList *written,
           QString *error)
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
    for (const Entry &entry : entries) {
        QCustomPlot plot;
        const std::unique_ptr<Figure> figure = entry.make(&plot);
        if (!PlotExporter::saveFigure(figure.get(), dir, options, written, error))
            return false;
    }
    return true;
}

} // namespace

int PaperFigures::conditionCount(const core::RunData &data)
{
    const std::shared_ptr<const core::Comparison> c = comparisonOf(data);
    return c ? int(c->conditions.size()) : 1;
}

QStringList PaperFigures::figureNames(const core::RunData &data, const ExportOptions &options)
{
    QStringList names;
    for (const Entry &entry : paperFigures(data, options.condition))
        names << entry.name;
    return names;
}

bool PaperFigures::exportAll(const core::RunData &data, const QString &dir, const ExportOptions &options,
                             QStringList *written, QString *error)
{
    const int conditions = conditionCount(data);
    if (options.condition < 0 || options.condition >= conditions) {
        *error = QStringLiteral("condition %1 is out of range (the run has %2 condition(s): 0..%3)")
                     .arg(options.condition).arg(conditions).arg(conditions - 1);
        return false;
    }
    return write(paperFigures(data, options.condition), dir, options, written, error);
}

bool PaperFigures::exportTimeSeries(const core::RunData &data, const QString &dir, const ExportOptions &options,
                                    QStringList *written, QString *error)
{
    return write(timeSeries(data), dir, options, written, error);
}

core::RunData PaperFigures::fromFirstRequest(const core::RunData &data)
{
    if (data.requests.isEmpty())
        return data;
    double first = data.requests.first().startMs;
    for (const core::RequestRecord &r : data.requests)
        first = qMin(first, qMin(r.startMs, r.arrivalMs)); // a request arrives before it is sent
    core::RunData shifted = data;
    for (core::RequestRecord &r : shifted.requests) {
        r.startMs -= first;
        r.arrivalMs -= first;
    }
    for (core::RunEvent &e : shifted.events)
        e.tMs = qMax(0.0, e.tMs - first);
    return shifted;
}

} // namespace d3::ui
