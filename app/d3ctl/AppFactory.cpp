#include "AppFactory.h"

#include <QApplication>

#include <cstring>

namespace d3::cli {
namespace {

QtMessageHandler previousHandler = nullptr;

/// Drops Qt's warning that XDG_RUNTIME_DIR is unset (usual in containers, cron jobs and CI), which the Qt platform
/// set-up prints once while the QApplication is created; d3ctl needs no runtime directory, and its stderr is kept
/// for its own one-line errors. Everything else goes to the previous handler.
void quietHandler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (type == QtWarningMsg && message.startsWith(QLatin1String("QStandardPaths: XDG_RUNTIME_DIR not set")))
        return;
    if (previousHandler)
        previousHandler(type, context, message);
}

} // namespace

bool AppFactory::draws(const char *command)
{
    return command && (std::strcmp(command, "replay") == 0 || std::strcmp(command, "run") == 0);
}

std::unique_ptr<QCoreApplication> AppFactory::create(int &argc, char **argv)
{
    if (argc > 1 && draws(argv[1])) {
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        previousHandler = qInstallMessageHandler(quietHandler);
        auto app = std::make_unique<QApplication>(argc, argv);
        qInstallMessageHandler(previousHandler);
        return app;
    }
    return std::make_unique<QCoreApplication>(argc, argv);
}

} // namespace d3::cli
