#pragma once

#include "record/RunData.h"

#include <QJsonObject>
#include <QSizeF>
#include <QString>

class QApplication;

namespace d3::ui {

/// Runs for the figure tests, built by hand, and readers of the files the figures are written to.
class PlotTestData
{
public:
    /// The one QApplication of the test process (offscreen).
    static QApplication &app();
    /// 42 requests in a closed loop 130 ms apart (each arriving as it is sent), the 10th, 20th, 30th and 40th failed, the last two oracle probes;
    /// a phase start, a timeline event, two plans without details and a node_lost.
    static core::RunData singlePhaseRun();
    /// A sweep: models resnet18 and alexnet x planners hpa, dads, cloud-only x edge<->cloud.mbps 5, 50, 500 (with
    /// edge_nodes 2 held), one phase each, 10 requests a phase whose times differ by model, planner and bandwidth; a
    /// plan event per phase. With bandwidth false, the swept axis is edge_nodes 2, 3, 4 instead; with tilesSwept,
    /// each planner runs with tiles allowed and forbidden (six planner labels).
    static core::RunData sweepRun(bool bandwidth = true, bool tilesSwept = false);
    /// The offered rates of streamRun, requests/s.
    static QVector<double> streamRates() { return {5, 10, 20, 40, 80}; }
    /// A stream's sweep: models resnet18 and alexnet x 3 repeats x stream.rate_hz streamRates() x edge_nodes 2, 3 x
    /// planners hpa, cloud-only (with objectives, an "objective" axis before them: latency, throughput). Each phase
    /// offers 24 requests at its rate, 1000/rate ms apart, to one server that takes a time of the model, planner,
    /// edge nodes, objective and repeat per request, first come first served (each request sent when the previous
    /// one ends); an arrival that would wait longer than 4 such times is dropped.
    static core::RunData streamRun(bool objectives = false);
    /// A plan event at tMs in phase: details planner, cuts [p, q], grid [rows, cols], layers, reason.
    static core::RunEvent planEvent(double tMs, int phase, const QString &planner, int p, int q, int rows = 1,
                                    int cols = 1, const QString &reason = QStringLiteral("planner"));
    /// A request that arrived and was sent at startMs and completed endToEndMs later.
    static core::RequestRecord completedAt(double startMs, double endToEndMs);
    /// An event of kind at tMs with a label.
    static core::RunEvent event(double tMs, const char *kind, const QString &label, int phase = 0);

    /// The page size of a PDF in inches, from its first /MediaBox; (0, 0) when it has none.
    static QSizeF pdfInches(const QString &path);
    /// The width and height of an SVG's root element in inches (from mm, in, pt or cm); (0, 0) when missing.
    static QSizeF svgInches(const QString &path);
    /// A PNG's pixels over its density, in inches; (0, 0) when it is no image.
    static QSizeF pngInches(const QString &path);
};

} // namespace d3::ui
