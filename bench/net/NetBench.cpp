// d3bench_net: the wire. Shaping accuracy (throughput and one-way delay through LinkShaper on loopback) and the
// protocol's overhead against raw TCP. Core only (no LibTorch). See usage() and docs/BENCHMARKS.md.
#include "BenchMain.h"
#include "util/HeapTuning.h"
#include "BenchOptions.h"
#include "LanShapingBench.h"
#include "LatencyBench.h"
#include "NamespaceLan.h"
#include "NetReport.h"
#include "OverheadBench.h"
#include "ShapingBench.h"

#include <QCoreApplication>
#include <QHash>

#include <cmath>
#include <iostream>
#include <type_traits>

#ifdef __GLIBC__
#endif

namespace {

/// The options only d3bench_net has; the rest go to BenchOptions.
struct NetOptions {
    QVector<double> rates{1, 10, 100, 1000}; ///< Mbit/s
    QVector<double> delays{0, 10, 50};       ///< one-way, ms
    double seconds = 2;                      ///< data per shaping point at its rate
    int repeats = 3;                         ///< runs per shaping point
    int samples = 20;                        ///< small frames per latency point
    QVector<int> sizes{1, 10, 100};          ///< tensor sizes, MiB
    qint64 burst = 0;                        ///< bytes, given to setShaping
    QStringList parts{QStringLiteral("shaping"), QStringLiteral("latency"), QStringLiteral("overhead")};
    QVector<QPair<double, double>> changes{{100, 10}, {10, 100}}; ///< live rate changes of the lan part, Mbit/s
};

QString usage()
{
    return QStringLiteral("usage: d3bench_net [--parts shaping,latency,overhead,lan] [--rates 1,10,100,1000] "
                          "[--delays 0,10,50] [--seconds S] [--repeats N] [--burst BYTES] [--samples N] "
                          "[--sizes 1,10,100] [--changes 100:10,10:100] [--runs R] [--warmup W] [--json]\n")
        + QStringLiteral(R"(
The wire between two d3lab peers, on loopback (shaping and latency: both ends in one thread; overhead: the
receivers in a second thread):
  shaping   a stream of frames through a sender shaped with setShaping(rate, burst, delay), for every rate x
            delay, plus one unshaped stream (the loopback's own limit); measured throughput (payload bits over
            last arrival - first send - delay), the sender's sendStats() and the receiver's arrival rate;
  latency   a small frame's send() to arrival on an idle shaped link against delay + serialization time;
  overhead  a float32 tensor sent as one frame (encode, PeerConnection, decode) against a raw QTcpSocket
            transfer of the same bytes, in interleaved rounds over 5 connections per variant;
  lan       (only when named; root) both shapers across two network namespaces joined by a veth pair (made and
            removed by the benchmark, named $D3_LAB_PREFIX, default d3bench-, on $D3_LAB_SUBNET, default
            10.213.250): the process's LinkShaper and the worker's KernelShaper (htb on the sender's eth0) at every
            rate, delivered against configured; then every --changes pair live mid-stream, its settling time and
            whether the connection survived.

  --parts LIST     which parts to run (default shaping,latency,overhead)
  --rates LIST     shaped rates in Mbit/s (default 1,10,100,1000)
  --delays LIST    one-way delays in ms (default 0,10,50)
  --seconds S      data per shaping point, in seconds at its rate (default 2)
  --repeats N      runs per shaping point, each on a fresh connection; the median is reported (default 3)
  --burst BYTES    the burst given to setShaping (default 0: none)
  --samples N      small frames per latency point (default 20)
  --sizes LIST     tensor sizes in MiB for the overhead part (default 1,10,100)
  --changes LIST   live rate changes FROM:TO in Mbit/s for the lan part (default 100:10,10:100)
  --runs R         measured overhead rounds (default 15)
  --warmup W       unmeasured overhead rounds first (default 2)
  --json           JSON on stdout instead of the Markdown tables
(--threads and --models are accepted for uniformity with the other benchmarks and have no effect. glibc's
allocator is held in the state a long-running worker reaches: see docs/BENCHMARKS.md.)
)");
}

/// Takes the value of every option in names out of args (as "--name value" or "--name=value").
bool takeOptions(QStringList *args, const QStringList &names, QHash<QString, QString> *out, QString *error)
{
    for (int i = 0; i < args->size();) {
        QString name = args->at(i);
        QString value;
        const int eq = name.indexOf(QLatin1Char('='));
        const bool inlineValue = name.startsWith(QLatin1String("--")) && eq >= 0;
        if (inlineValue) {
            value = name.mid(eq + 1);
            name.truncate(eq);
        }
        if (!names.contains(name)) {
            ++i;
            continue;
        }
        if (!inlineValue) {
            if (i + 1 >= args->size()) {
                *error = QStringLiteral("%1 needs a value").arg(name);
                return false;
            }
            value = args->at(i + 1);
            args->removeAt(i + 1);
        }
        args->removeAt(i);
        out->insert(name, value);
    }
    return true;
}

/// A comma-separated list of numbers within [low, high] (whole numbers when integer).
bool readList(const QString &name, const QString &text, double low, double high, bool integer, QVector<double> *out,
              QString *error)
{
    out->clear();
    for (const QString &item : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        bool ok = false;
        const double v = item.toDouble(&ok);
        if (!ok || v < low || v > high || (integer && v != std::floor(v))) {
            *error = QStringLiteral("%1: '%2' is not %3 in %4..%5")
                         .arg(name, item, integer ? QStringLiteral("a whole number") : QStringLiteral("a number"))
                         .arg(low)
                         .arg(high);
            return false;
        }
        out->append(v);
    }
    if (out->isEmpty()) {
        *error = QStringLiteral("%1 needs at least one value").arg(name);
        return false;
    }
    return true;
}

bool parseNetOptions(QStringList *args, NetOptions *o, QString *error)
{
    QHash<QString, QString> v;
    const QStringList names{QStringLiteral("--parts"),   QStringLiteral("--rates"),   QStringLiteral("--delays"),
                            QStringLiteral("--seconds"), QStringLiteral("--repeats"), QStringLiteral("--burst"),
                            QStringLiteral("--samples"), QStringLiteral("--sizes"), QStringLiteral("--changes")};
    if (!takeOptions(args, names, &v, error))
        return false;
    auto list = [&](const char *name, double low, double high, bool integer, QVector<double> *out) {
        const QString key = QLatin1String(name);
        return !v.contains(key) || readList(key, v.value(key), low, high, integer, out, error);
    };
    auto number = [&](const char *name, double low, double high, bool integer, auto *out) {
        QVector<double> one;
        if (!list(name, low, high, integer, &one))
            return false;
        if (one.size() > 1) {
            *error = QStringLiteral("%1 takes one value").arg(QLatin1String(name));
            return false;
        }
        if (!one.isEmpty())
            *out = std::remove_pointer_t<decltype(out)>(one.first());
        return true;
    };
    QVector<double> sizes;
    if (!list("--rates", 0.01, 1e6, false, &o->rates) || !list("--delays", 0, 10000, false, &o->delays)
        || !number("--seconds", 0.1, 600, false, &o->seconds) || !number("--repeats", 1, 1000, true, &o->repeats)
        || !number("--samples", 1, 100000, true, &o->samples) || !number("--burst", 0, 1e9, true, &o->burst)
        || !list("--sizes", 1, 512, true, &sizes))
        return false;
    if (!sizes.isEmpty()) {
        o->sizes.clear();
        for (double mib : sizes)
            o->sizes.append(int(mib));
    }
    if (v.contains(QStringLiteral("--parts"))) {
        o->parts = v.value(QStringLiteral("--parts")).split(QLatin1Char(','), Qt::SkipEmptyParts);
        const QStringList known{QStringLiteral("shaping"), QStringLiteral("latency"), QStringLiteral("overhead"),
                                QStringLiteral("lan")};
        for (const QString &part : o->parts) {
            if (!known.contains(part)) {
                *error = QStringLiteral("--parts: '%1' is not one of shaping, latency, overhead, lan").arg(part);
                return false;
            }
        }
    }
    if (v.contains(QStringLiteral("--changes"))) {
        o->changes.clear();
        for (const QString &pair : v.value(QStringLiteral("--changes")).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            const QStringList ends = pair.split(QLatin1Char(':'));
            QVector<double> from, to;
            if (ends.size() != 2 || !readList(QStringLiteral("--changes"), ends.at(0), 0.01, 1e6, false, &from, error)
                || !readList(QStringLiteral("--changes"), ends.at(1), 0.01, 1e6, false, &to, error)) {
                if (ends.size() != 2)
                    *error = QStringLiteral("--changes: '%1' is not FROM:TO").arg(pair);
                return false;
            }
            o->changes.append({from.first(), to.first()});
        }
    }
    return true;
}

} // namespace

int main(int argc, char *argv[])
{
    using namespace d3;
    using bench::BenchMain;
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("d3bench_net"));
    BenchMain::setUpLogging();
    // As d3worker does: left dynamic, which buffers came back warm depended on the order of earlier frees, and
    // the 1 and 10 MiB figures moved by up to 2x between runs.
    core::keepLargeBuffersWarm();

    NetOptions net;
    int exitCode = BenchMain::ExitOk;
    const auto options = BenchMain::parseArguments(
        [&](QStringList *args, QString *error) { return parseNetOptions(args, &net, error); }, usage(), &exitCode);
    if (!options)
        return exitCode;
    QString error;

    bench::NetResults results;
    results.burstBytes = net.burst;
    results.repeats = net.repeats;
    results.seconds = net.seconds;
    if (net.parts.contains(QLatin1String("shaping"))) {
        results.shaping = bench::ShapingBench::grid(net.rates, net.delays, net.seconds, true);
        if (!bench::ShapingBench::run(&results.shaping, net.burst, net.repeats, &error))
            return BenchMain::fail(error, BenchMain::ExitFailed);
    }
    if (net.parts.contains(QLatin1String("latency"))) {
        results.latency = bench::LatencyBench::grid(net.rates, net.delays);
        if (!bench::LatencyBench::run(&results.latency, net.burst, net.samples, &error))
            return BenchMain::fail(error, BenchMain::ExitFailed);
    }
    if (net.parts.contains(QLatin1String("overhead"))) {
        results.overhead = bench::OverheadBench::grid(net.sizes);
        if (!bench::OverheadBench::run(&results.overhead, *options, &error))
            return BenchMain::fail(error, BenchMain::ExitFailed);
    }

    if (net.parts.contains(QLatin1String("lan"))) {
        const auto lan = bench::NamespaceLan::make(&error);
        if (!lan)
            return BenchMain::fail(QStringLiteral("lan: ") + error, BenchMain::ExitFailed);
        if (!bench::LanShapingBench::run(*lan, net.rates, net.changes, net.seconds, net.repeats, &results.lan,
                                         &results.lanChanges, &error))
            return BenchMain::fail(QStringLiteral("lan: ") + error, BenchMain::ExitFailed);
    }

    if (options->json)
        std::cout << bench::NetReport::json(results, *options).toJson(QJsonDocument::Indented).toStdString();
    else
        std::cout << bench::NetReport::markdown(results, *options).toStdString();
    std::cout.flush();
    return BenchMain::ExitOk;
}
