#include "DiscoverCommand.h"

#include "CommandLine.h"
#include "Output.h"
#include "TextTable.h"
#include "net/BeaconListener.h"
#include "net/WorkerBeacon.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QTimer>

namespace d3::cli {

int DiscoverCommand::run(const QStringList &args)
{
    const CommandLine cl(args, {QStringLiteral("seconds"), QStringLiteral("port")}, {QStringLiteral("json")});
    if (!cl.error().isEmpty())
        return Output::fail(cl.error());
    if (!cl.positionals().isEmpty())
        return Output::fail(QStringLiteral("discover takes no positional arguments"));
    bool ok = false;
    const double seconds = cl.value(QStringLiteral("seconds"), QStringLiteral("5")).toDouble(&ok);
    if (!ok || seconds < 0.1 || seconds > 3600)
        return Output::fail(QStringLiteral("--seconds must be a number in 0.1..3600"));
    const uint port = cl.value(QStringLiteral("port"), QString::number(core::WorkerBeacon::kPort)).toUInt(&ok);
    if (!ok || port < 1 || port > 65535)
        return Output::fail(QStringLiteral("--port must be an integer in 1..65535"));

    core::BeaconListener listener;
    QString error;
    if (!listener.start(quint16(port), &error))
        return Output::fail(error);
    QMap<QString, core::WorkerBeacon> heard; // by address: a worker heard again is one worker
    QObject::connect(&listener, &core::BeaconListener::heard,
                     [&](const core::WorkerBeacon &b) { heard.insert(b.address(), b); });
    if (!cl.has(QStringLiteral("json")))
        Output::status(QStringLiteral("listening for worker beacons on UDP port %1 for %2 s").arg(port).arg(seconds));
    QEventLoop loop;
    QTimer::singleShot(int(seconds * 1000), &loop, &QEventLoop::quit);
    loop.exec();
    Output::clearStatus();

    QJsonArray workers;
    for (const core::WorkerBeacon &b : std::as_const(heard))
        workers.append(QJsonObject{{QStringLiteral("name"), b.name}, {QStringLiteral("role"), b.role},
                                   {QStringLiteral("address"), b.address()}});
    if (cl.has(QStringLiteral("json"))) {
        Output::printJson(QJsonDocument(workers));
        return ExitOk;
    }
    TextTable table({QStringLiteral("name"), QStringLiteral("role"), QStringLiteral("address")});
    for (const core::WorkerBeacon &b : std::as_const(heard))
        table.addRow({b.name, b.role, b.address()});
    Output::print(table.render());
    Output::print(QStringLiteral("%1 worker(s) heard in %2 s on UDP port %3\n").arg(heard.size()).arg(seconds).arg(port));
    return ExitOk;
}

} // namespace d3::cli
