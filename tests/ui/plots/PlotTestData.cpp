#include "PlotTestData.h"

#include "TestFiles.h"

#include <QApplication>
#include <QImage>
#include <QJsonArray>
#include <QRegularExpression>
#include <QXmlStreamReader>

namespace d3::ui {

QApplication &PlotTestData::app()
{
    static int argc = 1;
    static char name[] = "ui_plots_tests";
    static char *argv[] = {name, nullptr};
    // Never destroyed: a window shown on the offscreen platform leaves a pointing device that Qt 6.4 deletes after a
    // static QApplication's destructor has run, which crashed the process at exit.
    static QApplication *instance = new QApplication(argc, argv);
    return *instance;
}

core::RequestRecord PlotTestData::completedAt(double startMs, double endToEndMs)
{
    core::RequestRecord r;
    r.completed = true;
    r.arrivalMs = startMs;
    r.startMs = startMs;
    r.endToEndMs = endToEndMs;
    return r;
}

core::RunEvent PlotTestData::event(double tMs, const char *kind, const QString &label, int phase)
{
    core::RunEvent e;
    e.tMs = tMs;
    e.phase = phase;
    e.kind = QString::fromLatin1(kind);
    e.label = label;
    return e;
}

core::RunEvent PlotTestData::planEvent(double tMs, int phase, const QString &planner, int p, int q, int rows, int cols,
                                       const QString &reason)
{
    core::RunEvent e = event(tMs, "plan", QStringLiteral("%1: p=%2 q=%3").arg(planner).arg(p).arg(q), phase);
    e.details = QJsonObject{{QStringLiteral("planner"), planner},
                            {QStringLiteral("cuts"), QJsonArray{p, q}},
                            {QStringLiteral("grid"), QJsonArray{rows, cols}},
                            {QStringLiteral("layers"), 69},
                            {QStringLiteral("reason"), reason}};
    if (rows * cols > 1)
        e.details.insert(QStringLiteral("stack"), QJsonArray{p, q - 1});
    return e;
}

core::RunData PlotTestData::singlePhaseRun()
{
    core::RunData data;
    double t = 0;
    for (int i = 0; i < 42; ++i) {
        core::RequestRecord r;
        r.id = quint64(i);
        r.planId = i < 16 ? 1 : 2;
        r.planner = QStringLiteral("hpa");
        r.plan = i < 16 ? QStringLiteral("p=3 q=14") : QStringLiteral("p=3 q=18");
        r.probe = i == 40 || i == 41;
        r.completed = i % 10 != 9;
        r.failure = r.completed ? QString() : QStringLiteral("timeout");
        r.startMs = t;
        r.arrivalMs = t;
        r.deviceMs = 20;
        r.uplinkMs = 8;
        r.tilesMs = 15;
        r.edgeEdgeMs = 3;
        r.edgeMs = 10;
        r.backboneMs = i < 16 ? 12 : 40;
        r.cloudMs = 25;
        r.returnMs = 2;
        r.endToEndMs = r.completed ? 125 + (i % 3) : 0;
        r.predictedMs = i < 16 ? 118 : 140;
        r.backboneBytes = i < 16 ? 200704 : 802816;
        data.requests << r;
        t += 130;
    }
    data.events << event(0, "phase", QStringLiteral("phase 0")) << event(1990, "timeline", QStringLiteral("backbone drops"))
                << event(2050, "plan", QStringLiteral("hpa: edge|cloud cut 14 -> 18"))
                << event(4000, "plan", QStringLiteral("hpa: tiles 2x2")) << event(4100, "node_lost", QStringLiteral("edge1 lost"));
    return data;
}

core::RunData PlotTestData::sweepRun(bool bandwidth, bool tilesSwept)
{
    const QStringList models{QStringLiteral("resnet18"), QStringLiteral("alexnet")};
    const QStringList planners{QStringLiteral("hpa"), QStringLiteral("dads"), QStringLiteral("cloud-only")};
    const QVector<double> swept = bandwidth ? QVector<double>{5, 50, 500} : QVector<double>{2, 3, 4};
    const QString axis = bandwidth ? QStringLiteral("edge<->cloud.mbps") : QStringLiteral("edge_nodes");
    const QStringList axes = bandwidth ? QStringList{axis, QStringLiteral("edge_nodes")} : QStringList{axis};
    core::RunData data;
    int phase = 0;
    double t = 0;
    quint64 planId = 1;
    for (int m = 0; m < models.size(); ++m) {
        for (int k = 0; k < swept.size(); ++k) {
            for (int run = 0; run < planners.size() * (tilesSwept ? 2 : 1); ++run, ++phase) {
                const int pl = tilesSwept ? run / 2 : run;
                const bool tiles = !tilesSwept || run % 2 == 0;
                QJsonObject condition{{axis, swept[k]}};
                if (bandwidth)
                    condition.insert(QStringLiteral("edge_nodes"), 2);
                core::RunEvent start = event(t, "phase", QStringLiteral("phase %1").arg(phase), phase);
                start.details = QJsonObject{{QStringLiteral("model"), models[m]},
                                            {QStringLiteral("planner"), planners[pl]},
                                            {QStringLiteral("tiles"), tiles},
                                            {QStringLiteral("tiles_swept"), tilesSwept},
                                            {QStringLiteral("repeat"), 0},
                                            {QStringLiteral("condition_index"), k},
                                            {QStringLiteral("axes"), QJsonArray::fromStringList(axes)},
                                            {QStringLiteral("condition"), condition}};
                data.events << start;
                const int p = pl == 2 ? 0 : 2 + pl + m;
                const int q = pl == 2 ? 0 : 10 + 3 * k + pl;
                core::RunEvent plan = planEvent(t + 1, phase, planners[pl], p, q);
                plan.details.insert(QStringLiteral("plan_id"), qint64(planId));
                data.events << plan;
                for (int i = 0; i < 10; ++i) {
                    core::RequestRecord r;
                    r.phase = phase;
                    r.id = quint64(phase * 10 + i);
                    r.planId = planId;
                    r.planner = planners[pl];
                    r.plan = QStringLiteral("p=%1 q=%2").arg(p).arg(q);
                    r.completed = true;
                    r.startMs = t + 10 + 50 * i;
                    r.arrivalMs = r.startMs;
                    const double base = 40 + 30 * m + 15 * pl + 200.0 / swept[k] * (pl + 1) + (tiles ? 0 : 9);
                    r.deviceMs = 5 + pl;
                    r.uplinkMs = 3 + i % 4;
                    r.tilesMs = pl == 0 ? 8 : 0;
                    r.edgeMs = 10 + m;
                    r.backboneMs = 100.0 / swept[k];
                    r.cloudMs = 12 + i % 3;
                    r.returnMs = 1;
                    r.endToEndMs = base + (i * 7) % 11;
                    r.predictedMs = base + 3;
                    r.backboneBytes = qint64(150000 * (pl + 1) + 1000 * m + 97 * i);
                    data.requests << r;
                }
                ++planId;
                t += 1000;
            }
        }
    }
    return data;
}

core::RunData PlotTestData::streamRun(bool objectives)
{
    const QStringList models{QStringLiteral("resnet18"), QStringLiteral("alexnet")};
    const QStringList planners{QStringLiteral("hpa"), QStringLiteral("cloud-only")};
    const QVector<int> objectiveValues = objectives ? QVector<int>{0, 1} : QVector<int>{-1};
    QStringList axes{QStringLiteral("stream.rate_hz"), QStringLiteral("edge_nodes")};
    if (objectives)
        axes.prepend(QStringLiteral("objective"));
    core::RunData data;
    int phase = 0;
    double t = 0;
    for (int m = 0; m < models.size(); ++m) {
        for (int repeat = 0; repeat < 3; ++repeat) {
            int k = 0;
            for (int objective : objectiveValues) {
                for (double rate : streamRates()) {
                    for (int edges : {2, 3}) {
                        QJsonObject condition{{QStringLiteral("stream.rate_hz"), rate},
                                              {QStringLiteral("edge_nodes"), edges}};
                        if (objectives)
                            condition.insert(QStringLiteral("objective"), objective);
                        for (int pl = 0; pl < planners.size(); ++pl, ++phase) {
                            core::RunEvent start = event(t, "phase", QStringLiteral("phase %1").arg(phase), phase);
                            start.details = QJsonObject{{QStringLiteral("model"), models[m]},
                                                        {QStringLiteral("planner"), planners[pl]},
                                                        {QStringLiteral("tiles"), true},
                                                        {QStringLiteral("tiles_swept"), false},
                                                        {QStringLiteral("repeat"), repeat},
                                                        {QStringLiteral("condition_index"), k},
                                                        {QStringLiteral("axes"), QJsonArray::fromStringList(axes)},
                                                        {QStringLiteral("condition"), condition}};
                            data.events << start;
                            // hpa is faster with more edge nodes, and faster again (a pipelined plan) under the
                            // throughput objective; cloud-only is neither.
                            const double serviceMs = (40 + 15 * m + (pl == 0 ? 10.0 * (3 - edges) : 25.0))
                                                   * (pl == 0 && objective == 1 ? 0.5 : 1) * (1 + 0.04 * repeat);
                            const QString plan = pl == 0 ? QStringLiteral("p=%1 q=20").arg(edges + objective)
                                                         : QStringLiteral("p=0 q=0");
                            double free = t; // when the server is next free
                            for (int i = 0; i < 24; ++i) {
                                core::RequestRecord r;
                                r.phase = phase;
                                r.id = quint64(phase * 100 + i);
                                r.planId = quint64(phase + 1);
                                r.planner = planners[pl];
                                r.plan = plan;
                                r.arrivalMs = t + 1000.0 / rate * i;
                                r.startMs = qMax(r.arrivalMs, free);
                                r.dropped = r.startMs - r.arrivalMs > 4 * serviceMs;
                                r.completed = !r.dropped;
                                r.failure = r.dropped ? QStringLiteral("dropped (oldest)") : QString();
                                r.endToEndMs = r.completed ? serviceMs : 0;
                                r.cloudMs = r.endToEndMs;
                                r.predictedMs = serviceMs;
                                r.inFlight = 1;
                                if (r.completed)
                                    free = r.startMs + serviceMs;
                                else
                                    r.startMs = r.arrivalMs;
                                data.requests << r;
                            }
                            t = qMax(free, t + 24000.0 / rate) + 100;
                        }
                        ++k;
                    }
                }
            }
        }
    }
    return data;
}

QSizeF PlotTestData::pdfInches(const QString &path)
{
    static const QRegularExpression box(QStringLiteral(
        "/MediaBox\\s*\\[\\s*([-\\d.]+)\\s+([-\\d.]+)\\s+([-\\d.]+)\\s+([-\\d.]+)\\s*\\]"));
    const auto m = box.match(QString::fromLatin1(d3::test::TestFiles::read(path)));
    if (!m.hasMatch())
        return QSizeF();
    return QSizeF((m.captured(3).toDouble() - m.captured(1).toDouble()) / 72.0,
                  (m.captured(4).toDouble() - m.captured(2).toDouble()) / 72.0);
}

QSizeF PlotTestData::svgInches(const QString &path)
{
    QXmlStreamReader xml(d3::test::TestFiles::read(path));
    while (!xml.atEnd() && !xml.isStartElement())
        xml.readNext();
    const auto inches = [&](const char *name) {
        static const QRegularExpression length(QStringLiteral("^([\\d.]+)(mm|cm|in|pt)$"));
        const auto m = length.match(xml.attributes().value(QLatin1String(name)).toString());
        if (!m.hasMatch())
            return 0.0;
        const double v = m.captured(1).toDouble();
        const QString unit = m.captured(2);
        return unit == QLatin1String("mm") ? v / 25.4 : unit == QLatin1String("cm") ? v / 2.54
             : unit == QLatin1String("pt") ? v / 72.0 : v;
    };
    return QSizeF(inches("width"), inches("height"));
}

QSizeF PlotTestData::pngInches(const QString &path)
{
    const QImage image(path);
    if (image.isNull() || image.dotsPerMeterX() <= 0 || image.dotsPerMeterY() <= 0)
        return QSizeF();
    return QSizeF(image.width() / (image.dotsPerMeterX() * 0.0254), image.height() / (image.dotsPerMeterY() * 0.0254));
}

} // namespace d3::ui
