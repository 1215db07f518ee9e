// d3lab: the console (docs/ARCHITECTURE.md, The console). With no argument it starts a local cluster of 1 device, 3
// edge and 1 cloud worker; with an experiment file it opens that experiment.
#include "Autopilot.h"
#include "console/Console.h"
#include "net/PeerAuth.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QStandardPaths>

#include <cstdio>

namespace {

int fail(const QString &message)
{
    std::fprintf(stderr, "d3lab: %s\n", qPrintable(message));
    return 2;
}

/// Remote workers and the local ones must share a token: without $D3_TOKEN_FILE the console keeps one of its own
/// (created once, mode 0600) and says where, so that workers on other machines can be started with a copy.
bool ensureTokenFile(QString *error)
{
    if (!qEnvironmentVariableIsEmpty("D3_TOKEN_FILE"))
        return true;
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    const QString path = QDir(dir).filePath(QStringLiteral("cluster.token"));
    if (!QFileInfo::exists(path)
        && (!QDir().mkpath(dir) || !d3::core::PeerAuth::writeTokenFile(path, d3::core::PeerAuth::newToken(), error)))
        return false;
    qputenv("D3_TOKEN_FILE", QFile::encodeName(path));
    return true;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication::setApplicationName(QStringLiteral("d3lab"));
    QCoreApplication::setOrganizationName(QStringLiteral("d3lab"));
    // Problems reach the operator in the window's event log; the workers' chatter stays out of the terminal
    // (QT_LOGGING_RULES=d3.*.debug=true brings it back).
    QLoggingCategory::setFilterRules(QStringLiteral("d3.*.debug=false\nd3.*.info=false"));
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("d3lab console: device-edge-cloud DNN inference, live"));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("experiment"), QStringLiteral("experiment file to open"),
                                 QStringLiteral("[EXPERIMENT.json]"));
    const QCommandLineOption run(QStringLiteral("run"), QStringLiteral("start sending requests when ready"));
    const QCommandLineOption rate(QStringLiteral("rate"),
                                  QStringLiteral("requests per second (0: closed loop; default: the experiment's)"),
                                  QStringLiteral("HZ"), QStringLiteral("0"));
    const QCommandLineOption after(QStringLiteral("after"), QStringLiteral("requests before --screenshot/--export"),
                                   QStringLiteral("N"), QStringLiteral("60"));
    const QCommandLineOption shot(QStringLiteral("screenshot"), QStringLiteral("save the window as PNG, then quit"),
                                  QStringLiteral("FILE"));
    const QCommandLineOption exportDir(QStringLiteral("export"), QStringLiteral("export plots and CSV, then quit"),
                                       QStringLiteral("DIR"));
    parser.addOptions({run, rate, after, shot, exportDir});
    // Everything is checked before the window system is touched, so a bad argument is one line even without a display.
    if (!parser.parse(arguments))
        return fail(parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        std::fputs(qPrintable(parser.helpText().replace(QStringLiteral("<executable_name>"), QStringLiteral("d3lab"))),
                   stdout);
        return 0;
    }
    if (parser.positionalArguments().size() > 1)
        return fail(QStringLiteral("one experiment file at most; usage: d3lab [EXPERIMENT.json]"));
    bool ok = false;
    const double hz = parser.value(rate).toDouble(&ok);
    if (!ok || hz < 0 || hz > 1000)
        return fail(QStringLiteral("--rate must be a number in 0..1000"));
    const int n = parser.value(after).toInt(&ok);
    if (!ok || n < 1)
        return fail(QStringLiteral("--after must be a positive integer"));

    QString error;
    const auto experiment = parser.positionalArguments().isEmpty()
                                ? d3::ui::Console::defaultExperiment(&error)
                                : d3::core::Experiment::load(parser.positionalArguments().first(), &error);
    if (!experiment)
        return fail(error);
    if (!ensureTokenFile(&error))
        return fail(error);
    if (qEnvironmentVariableIsEmpty("DISPLAY") && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY")
        && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        return fail(QStringLiteral("no display to show the console on (DISPLAY is not set); run an experiment "
                                   "headless with: d3ctl run EXPERIMENT.json"));

    QApplication app(argc, argv);
    d3::ui::Console console;
    console.show();
    console.open(*experiment);
    std::unique_ptr<d3::app::Autopilot> pilot;
    if (parser.isSet(run) || parser.isSet(shot) || parser.isSet(exportDir)) {
        d3::app::Autopilot::Settings s;
        s.rateHz = parser.isSet(rate) ? hz : experiment->requests.rateHz;
        s.afterRequests = n;
        s.screenshot = parser.value(shot);
        s.exportDir = parser.value(exportDir);
        s.quit = parser.isSet(shot) || parser.isSet(exportDir);
        pilot = std::make_unique<d3::app::Autopilot>(&console, s);
    }
    return app.exec();
}
