// d3bench_plots: the console's live plots under a long, fast session. Requests arrive at a fixed rate (simulated
// time, 20 a second by default) for up to an hour; at checkpoints it measures what one frame costs the GUI thread:
// adding the requests of one ~33 ms frame and redrawing every figure (fit + replot + paint), with the x axis
// following the last minute and with the whole session shown. Offscreen; run with QT_QPA_PLATFORM=offscreen.
#include "MarkdownTable.h"
#include "Samples.h"
#include "plots/LivePlotsPanel.h"
#include "plots/QCustomPlotInclude.h"

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

/// Median ms of one frame: the requests of one redraw period added, then a redraw painted.
double frameMs(d3::ui::LivePlotsPanel &panel, quint64 *next, double rateHz)
{
    const int perFrame = qMax(1, int(rateHz * d3::ui::LivePlotsPanel::kRedrawMs / 1000.0 + 0.5));
    QVector<double> ms;
    for (int f = 0; f < kFrames; ++f) {
        QElapsedTimer t;
        t.start();
        for (int i = 0; i < perFrame; ++i)
            panel.appendRequest(request((*next)++, rateHz));
        panel.redrawIfDirty();
        for (const auto &figure : panel.figures())
            figure->plot()->repaint();
        ms << t.nsecsElapsed() / 1e6;
    }
    return Samples::median(ms);
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
    for (auto *panel : {&follow, &whole}) {
        panel->resize(1400, 800);
        panel->show();
    }
    MarkdownTable table({QStringLiteral("session (min)"), QStringLiteral("requests"),
                         QStringLiteral("frame ms, last minute shown"), QStringLiteral("frame ms, whole session"),
                         QStringLiteral("frame budget ms")});
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
        const double a = frameMs(follow, &nextFollow, rateHz);
        const double b = frameMs(whole, &nextWhole, rateHz);
        table.addRow({QString::number(checkpoint), QString::number(target), MarkdownTable::fixed(a, 2),
                      MarkdownTable::fixed(b, 2), QString::number(d3::ui::LivePlotsPanel::kRedrawMs)});
        std::fprintf(stderr, "d3bench_plots: %d min done\n", checkpoint);
    }
    std::printf("%s", qPrintable(table.toString()));
    return 0;
}
