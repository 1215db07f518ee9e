#include "ReplayCommand.h"

#include "CommandLine.h"
#include "Output.h"
#include "plots/RunPlots.h"
#include "record/RunReader.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>

namespace d3::cli {
namespace {

/// Reads --formats, --size and --dpi into options; false with one line in *error.
bool exportOptions(const CommandLine &cl, ui::ExportOptions *options, QString *error)
{
    if (cl.has(QStringLiteral("formats"))) {
        const QString text = cl.value(QStringLiteral("formats"));
        options->formats = text.split(QLatin1Char(','), Qt::KeepEmptyParts);
        if (text.isEmpty() || options->formats.contains(QString())) {
            *error = QStringLiteral("--formats must be a comma-separated list of %1, got '%2'")
                         .arg(ui::ExportOptions::knownFormats().join(QLatin1Char(',')), text);
            return false;
        }
    }
    if (cl.has(QStringLiteral("size"))) {
        static const QRegularExpression re(QStringLiteral("^(\\d{1,6})x(\\d{1,6})$"));
        const QString text = cl.value(QStringLiteral("size"));
        const auto m = re.match(text);
        if (!m.hasMatch()) {
            *error = QStringLiteral("--size must be WxH in pixels (e.g. 1600x1000), got '%1'").arg(text);
            return false;
        }
        options->widthPx = m.captured(1).toInt();
        options->heightPx = m.captured(2).toInt();
    }
    if (cl.has(QStringLiteral("dpi"))) {
        static const QRegularExpression re(QStringLiteral("^\\d{1,5}$"));
        const QString text = cl.value(QStringLiteral("dpi"));
        if (!re.match(text).hasMatch()) {
            *error = QStringLiteral("--dpi must be an integer (dots per inch), got '%1'").arg(text);
            return false;
        }
        options->dpi = text.toInt();
    }
    const QString problem = options->problem();
    if (!problem.isEmpty()) {
        const QString option = problem.startsWith(QLatin1String("size")) ? QStringLiteral("--size")
                             : problem.startsWith(QLatin1String("dpi"))  ? QStringLiteral("--dpi")
                                                                         : QStringLiteral("--formats");
        *error = option + QStringLiteral(": ") + problem;
        return false;
    }
    return true;
}

} // namespace

int ReplayCommand::run(const QStringList &args)
{
    const CommandLine cl(args,
                         {QStringLiteral("out"), QStringLiteral("formats"), QStringLiteral("size"),
                          QStringLiteral("dpi")},
                         {QStringLiteral("json")});
    if (!cl.error().isEmpty())
        return Output::fail(QStringLiteral("replay: ") + cl.error());
    if (cl.positionals().size() != 1)
        return Output::fail(QStringLiteral("replay: expects one DIR (the folder a run wrote)"));
    ui::ExportOptions options;
    QString error;
    if (!exportOptions(cl, &options, &error))
        return Output::fail(QStringLiteral("replay: ") + error);
    const QString dir = cl.positionals().first();
    if (cl.has(QStringLiteral("out")) && cl.value(QStringLiteral("out")).isEmpty())
        return Output::fail(QStringLiteral("replay: --out needs a folder"));
    const auto data = core::RunReader::read(dir, &error);
    if (!data)
        return Output::fail(error);
    const QString out = cl.value(QStringLiteral("out"), dir);
    QStringList written;
    if (!ui::RunPlots::exportAll(*data, out, options, &written, &error))
        return Output::fail(error);

    if (cl.has(QStringLiteral("json"))) {
        Output::printJson(QJsonDocument(QJsonObject{
            {QStringLiteral("plots"), QJsonArray::fromStringList(written)},
            {QStringLiteral("requests"), int(data->requests.size())},
            {QStringLiteral("events"), int(data->events.size())},
        }));
        return ExitOk;
    }
    int failed = 0;
    for (const core::RequestRecord &r : data->requests)
        failed += r.completed ? 0 : 1;
    Output::print(QStringLiteral("%1: %2 requests (%3 failed), %4 events\n")
                      .arg(dir).arg(data->requests.size()).arg(failed).arg(data->events.size()));
    for (const QString &path : written)
        Output::print(QStringLiteral("wrote %1\n").arg(path));
    return ExitOk;
}

} // namespace d3::cli
