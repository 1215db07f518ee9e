// d3bench_plots: the console's live plots under a long, fast session. Requests arrive at a fixed rate (simulated
// time, 20 a second by default) for up to an hour; at checkpoints it measures what one frame costs the GUI thread:
// adding the requests of one ~33 ms frame, moving the stream's queue depths, and redrawing every figure and the
// depth strip (fit + replot + paint), with the x axis following the last minute and with the whole session shown:
// the median frame and the fastest and slowest of them. Offscreen; run with QT_QPA_PLATFORM=offscreen.
#include "MarkdownTable.h"
#include "Samples.h"
#include "plots/LivePlotsPanel.h"
#include "plots/QCustomPlotInclude.h"
#include "plots/QueueDepthPanel.h"

#include <QApplication>
#include <QElapsedTimer>

#include <cstdio>
#include <cstdlib>

namespace {

using d3::bench::MarkdownTable;
using d3::bench::Samples;

constexpr int kFrames = 15; // frames timed at each checkpoint (the median is kept)

d3::core::RequestRecord request(quint64 id, double rateHz)
{
    d3::core::RequestRecord r;
    r.id = id;
    r.planId = 1 + id / 5000;
    r.planner = QStringLiteral("hpa");
    r.completed = id % 997 != 0;
    r.startMs = id * 1000.0 / rateHz;
    const double wobble = (id * 2654435761u % 1000) / 1000.0;
    r.deviceMs = 3 + wobble;
    r.uplinkMs = 2;
    r.tilesMs = 10 + 3 * wobble;
    r.edgeMs = 5;
    r.backboneMs = 8 + 4 * wobble;
    r.cloudMs = 4;
    r.returnMs = 0.5;
    r.endToEndMs = r.completed ? r.deviceMs + r.uplinkMs + r.tilesMs + r.edgeMs + r.backboneMs + r.cloudMs + r.returnMs : 0;
    r.predictedMs = 33;
    r.backboneBytes = 400000 + qint64(wobble * 1e5);
    return r;
}

/// The frames timed at a checkpoint: median, fastest and slowest, ms; the median of the depth strip's part.
struct Frames {
    double median = 0;
    double fastest = 0;
    double slowest = 0;
    double strip = 0;
};

/// What one frame costs: the requests of one redraw period added, the depths moved, then a redraw painted.
Frames frames(d3::ui::LivePlotsPanel &panel, quint64 *next, double rateHz)
{
    const int perFrame = qMax(1, int(rateHz * d3::ui::LivePlotsPanel::kRedrawMs / 1000.0 + 0.5));
    QVector<double> ms;
    QVector<double> strip;
    for (int f = 0; f < kFrames; ++f) {
        QElapsedTimer t;
        t.start();
        for (int i = 0; i < perFrame; ++i)
            panel.appendRequest(request((*next)++, rateHz));
        const int k = int(*next % 5);
        panel.setDepths({k, 1, 2 - k % 2, 1, k % 3, k % 2}); // requests moved between places
        panel.redrawIfDirty();
        for (const auto &figure : panel.figures())
            figure->plot()->repaint();
        const qint64 before = t.nsecsElapsed();
        panel.queueDepths()->repaint();
        strip << (t.nsecsElapsed() - before) / 1e6;
        ms << t.nsecsElapsed() / 1e6;
    }
    return {Samples::median(ms), Samples::minimum(ms), Samples::maximum(ms), Samples::median(strip)};
}

QString spread(const Frames &f)
{
    return QStringLiteral("%1-%2").arg(MarkdownTable::fixed(f.fastest, 2), MarkdownTable::fixed(f.slowest, 2));
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    double rateHz = 20;
    int minutes = 60;
    for (int i = 1; i + 1 < argc; i += 2) {
        const QString name = QString::fromLatin1(argv[i]);
        bool ok = false;
        if (name == QLatin1String("--rate"))
            rateHz = QString::fromLatin1(argv[i + 1]).toDouble(&ok);
        else if (name == QLatin1String("--minutes"))
            minutes = QString::fromLatin1(argv[i + 1]).toInt(&ok);
        if (!ok || rateHz <= 0 || rateHz > 1000 || minutes < 1 || minutes > 600) {
            std::fprintf(stderr, "d3bench_plots: usage: d3bench_plots [--rate HZ (0..1000]] [--minutes M (1..600)]\n");
            return 2;
        }
    }
    if (argc % 2 == 0) {
        std::fprintf(stderr, "d3bench_plots: usage: d3bench_plots [--rate HZ] [--minutes M]\n");
        return 2;
    }
    d3::ui::LivePlotsPanel follow;
    d3::ui::LivePlotsPanel whole;
    whole.setFollowSeconds(0);
    d3::core::ExperimentStream stream;
    stream.enabled = true;
    stream.rateHz = rateHz;
    for (auto *panel : {&follow, &whole}) {
        panel->resize(1400, 800);
        panel->setStream(stream);
        panel->show();
    }
    QApplication::processEvents(); // the windows are exposed: a repaint paints
    const int stripPaints = follow.queueDepths()->paints();
    MarkdownTable table({QStringLiteral("session (min)"), QStringLiteral("requests"),
                         QStringLiteral("frame ms, last minute shown"), QStringLiteral("fastest-slowest"),
                         QStringLiteral("frame ms, whole session"), QStringLiteral("fastest-slowest"),
                         QStringLiteral("of a frame, depth strip ms"), QStringLiteral("frame budget ms")});
    quint64 nextFollow = 0;
    quint64 nextWhole = 0;
    for (int checkpoint : {1, 10, 30, 60, 120, 300, 600}) {
        if (checkpoint > minutes)
            break;
        const quint64 target = quint64(checkpoint * 60 * rateHz);
        for (; nextFollow < target; ++nextFollow)
            follow.appendRequest(request(nextFollow, rateHz));
        for (; nextWhole < target; ++nextWhole)
            whole.appendRequest(request(nextWhole, rateHz));
        const Frames a = frames(follow, &nextFollow, rateHz);
        const Frames b = frames(whole, &nextWhole, rateHz);
        table.addRow({QString::number(checkpoint), QString::number(target), MarkdownTable::fixed(a.median, 2), spread(a),
                      MarkdownTable::fixed(b.median, 2), spread(b), MarkdownTable::fixed(a.strip, 2),
                      QString::number(d3::ui::LivePlotsPanel::kRedrawMs)});
        std::fprintf(stderr, "d3bench_plots: %d min done\n", checkpoint);
    }
    if (follow.queueDepths()->paints() == stripPaints) {
        std::fprintf(stderr, "d3bench_plots: the depth strip was never painted\n");
        return 1;
    }
    std::printf("%s", qPrintable(table.toString()));
    return 0;
}
