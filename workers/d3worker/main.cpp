// d3worker: serves one node role (device, edge or cloud) over TCP. See docs/PROTOCOL.md.
#include "Engine.h"
#include "KernelShaper.h"
#include "QuitOnSignal.h"
#include "WorkerServer.h"
#include "net/BeaconSender.h"
#include "net/PeerAuth.h"
#include "net/WorkerBeacon.h"
#include "util/HeapTuning.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QHostAddress>
#include <QLoggingCategory>

#include <cstdio>
#include <memory>

namespace {

int fail(const QString &message)
{
    std::fprintf(stderr, "d3worker: %s\n", qPrintable(message));
    return 2;
}

const char *kUsage = "usage: d3worker --role device|edge|cloud --listen HOST:PORT --token-file FILE "
                     "[--threads N] [--slowdown F] [--name NAME] [--weights FILE [--ignore-extra-weights]] "
                     "[--beacon HOST:PORT] [--kernel-shaping]\n";

/// Reads "HOST:PORT" with a numeric host address.
bool parseEndpoint(const QString &text, QHostAddress *host, uint *port)
{
    const int colon = text.lastIndexOf(QLatin1Char(':'));
    bool ok = false;
    *port = text.mid(colon + 1).toUInt(&ok);
    QString h = text.left(colon);
    if (h.startsWith(QLatin1Char('[')) && h.endsWith(QLatin1Char(']')))
        h = h.mid(1, h.size() - 2);
    return colon > 0 && ok && *port <= 65535 && host->setAddress(h);
}

} // namespace

int main(int argc, char *argv[])
{
    d3::core::keepLargeBuffersWarm(); // tensors in and out all day: keep their buffers' pages mapped
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("d3worker"));
    QLoggingCategory::setFilterRules(QStringLiteral("d3.*.debug=false"));

    QHash<QString, QString> options;
    const QStringList args = app.arguments().mid(1);
    const QStringList known{QStringLiteral("role"), QStringLiteral("listen"), QStringLiteral("token-file"),
                            QStringLiteral("threads"), QStringLiteral("slowdown"), QStringLiteral("name"), QStringLiteral("weights"),
                            QStringLiteral("beacon")};
    for (int i = 0; i < args.size(); ++i) {
        if (args[i] == QLatin1String("--help") || args[i] == QLatin1String("-h")) {
            std::fputs(kUsage, stdout);
            return 0;
        }
        const QString name = args[i].startsWith(QLatin1String("--")) ? args[i].mid(2) : QString();
        if (name == QLatin1String("ignore-extra-weights") || name == QLatin1String("kernel-shaping")) { // flags
            options.insert(name, QString());
            continue;
        }
        if (!known.contains(name))
            return fail(QStringLiteral("unknown argument '%1'; %2").arg(args[i], QString::fromLatin1(kUsage).trimmed()));
        if (i + 1 >= args.size())
            return fail(QStringLiteral("option --%1 needs a value").arg(name));
        options.insert(name, args[++i]);
    }
    const QString role = options.value(QStringLiteral("role"));
    if (role != QLatin1String("device") && role != QLatin1String("edge") && role != QLatin1String("cloud"))
        return fail(QStringLiteral("--role must be device, edge or cloud"));
    QHostAddress host;
    uint port = 0;
    if (!parseEndpoint(options.value(QStringLiteral("listen")), &host, &port))
        return fail(QStringLiteral("--listen must be HOST:PORT with a numeric address, got '%1'")
                        .arg(options.value(QStringLiteral("listen"))));
    QHostAddress beaconHost;
    uint beaconPort = 0;
    if (options.contains(QStringLiteral("beacon"))
        && (!parseEndpoint(options.value(QStringLiteral("beacon")), &beaconHost, &beaconPort) || beaconPort == 0))
        return fail(QStringLiteral("--beacon must be HOST:PORT with a numeric address (the LAN's broadcast address, "
                                   "e.g. 255.255.255.255:%1), got '%2'")
                        .arg(d3::core::WorkerBeacon::kPort).arg(options.value(QStringLiteral("beacon"))));
    if (!options.contains(QStringLiteral("token-file")))
        return fail(QStringLiteral("--token-file FILE is required (the shared secret every peer must prove)"));
    QString error;
    const auto token = d3::core::PeerAuth::readTokenFile(options.value(QStringLiteral("token-file")), &error);
    if (!token)
        return fail(error);
    bool ok = true;
    int threads = 0;
    if (options.contains(QStringLiteral("threads"))) {
        threads = options.value(QStringLiteral("threads")).toInt(&ok);
        if (!ok || threads < 1 || threads > 256)
            return fail(QStringLiteral("--threads must be an integer in 1..256"));
        d3::engine::Engine::setThreads(threads);
    }
    const double slowdown = options.value(QStringLiteral("slowdown"), QStringLiteral("1")).toDouble(&ok);
    if (!ok || slowdown < 1 || slowdown > 1000)
        return fail(QStringLiteral("--slowdown must be a number in 1..1000"));
    const QString name = options.value(QStringLiteral("name"), role);

    const QString weights = options.value(QStringLiteral("weights"));
    if (options.contains(QStringLiteral("weights")) && !QFileInfo(weights).isReadable())
        return fail(QStringLiteral("--weights %1: no such readable file").arg(weights));

    if (options.contains(QStringLiteral("ignore-extra-weights")) && !options.contains(QStringLiteral("weights")))
        return fail(QStringLiteral("--ignore-extra-weights applies to a --weights FILE"));

    const bool kernelShaping = options.contains(QStringLiteral("kernel-shaping"));
    if (kernelShaping && !d3::worker::KernelShaper::available(&error))
        return fail(error);

    d3::worker::WorkerServer server(role, name, *token, slowdown, weights, threads);
    server.setIgnoreExtraWeights(options.contains(QStringLiteral("ignore-extra-weights")));
    d3::worker::QuitOnSignal quitOnSignal; // a kernel-shaping worker removes its qdiscs when it is stopped
    if (kernelShaping) {
        server.enableKernelShaping();
        if (!quitOnSignal.install())
            return fail(QStringLiteral("--kernel-shaping: cannot catch SIGTERM to remove its qdiscs on exit"));
    }
    if (!server.listen(host, quint16(port), &error))
        return fail(error);
    std::printf("d3worker %s (%s) listening on %s:%u\n", qPrintable(name), qPrintable(role),
                qPrintable(host.toString()), unsigned(server.port()));
    std::fflush(stdout);
    std::unique_ptr<d3::core::BeaconSender> beacon;
    if (beaconPort)
        beacon = std::make_unique<d3::core::BeaconSender>(name, role, server.port(), beaconHost, quint16(beaconPort));
    return app.exec();
}
