#include "ReplayCommand.h"

#include "CommandLine.h"
#include "Output.h"
#include "plots/PaperFigures.h"
#include "record/Comparison.h"
#include "record/RunReader.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>

namespace d3::cli {
namespace {

/// Reads --name as a whole number of at most digits digits into *value (left alone when --name is absent); false
/// with one line in *error ("--name must be what, got 'x'").
bool wholeNumber(const CommandLine &cl, const QString &name, int digits, const QString &what, int *value,
                 QString *error)
{
    if (!cl.has(name))
        return true;
    const QString text = cl.value(name);
    const QRegularExpression re(QStringLiteral("^\\d{1,%1}$").arg(digits));
    if (!re.match(text).hasMatch()) {
        *error = QStringLiteral("--%1 must be %2, got '%3'").arg(name, what, text);
        return false;
    }
    *value = text.toInt();
    return true;
}

/// Reads --preset, --formats, --size, --dpi, --title and --condition into options; false with one line in *error.
bool exportOptions(const CommandLine &cl, ui::ExportOptions *options, QString *error)
{
    if (cl.has(QStringLiteral("preset"))) {
        const QString name = cl.value(QStringLiteral("preset"));
        if (cl.has(QStringLiteral("size")) || cl.has(QStringLiteral("dpi"))) {
            *error = QStringLiteral("--preset sets the size and dpi: give either --preset or --size/--dpi, not both");
            return false;
        }
        if (!ui::ExportOptions::forPreset(name, options)) {
            *error = QStringLiteral("--preset must be one of %1, got '%2'")
                         .arg(ui::ExportOptions::presetNames().join(QLatin1Char('|')), name);
            return false;
        }
    }
    if (cl.has(QStringLiteral("title")))
        options->title = true;
    if (!wholeNumber(cl, QStringLiteral("condition"), 6, QStringLiteral("a condition's index (0, 1, ...)"),
                     &options->condition, error))
        return false;
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
    if (!wholeNumber(cl, QStringLiteral("dpi"), 5, QStringLiteral("an integer (dots per inch)"), &options->dpi, error))
        return false;
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
                          QStringLiteral("dpi"), QStringLiteral("preset"), QStringLiteral("condition")},
                         {QStringLiteral("json"), QStringLiteral("title")});
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
    const int conditions = ui::PaperFigures::conditionCount(*data);
    if (options.condition >= conditions)
        return Output::fail(QStringLiteral("replay: --condition %1 is out of range: %2 has %3 condition(s), 0..%4")
                                .arg(options.condition).arg(dir).arg(conditions).arg(conditions - 1));
    const QString out = cl.value(QStringLiteral("out"), dir);
    QStringList written;
    if (!ui::PaperFigures::exportAll(*data, out, options, &written, &error))
        return Output::fail(error);
    QStringList tables; // a sweep's comparison, rebuilt from the files as `d3ctl run` wrote it
    QString why;
    const auto comparison = core::Comparison::ofSweep(*data, &why);
    if (!why.isEmpty() || (comparison && !comparison->save(out, &tables, &why)))
        return Output::fail(QStringLiteral("replay: %1").arg(why));

    if (cl.has(QStringLiteral("json"))) {
        Output::printJson(QJsonDocument(QJsonObject{
            {QStringLiteral("plots"), QJsonArray::fromStringList(written)},
            {QStringLiteral("tables"), QJsonArray::fromStringList(tables)},
            {QStringLiteral("requests"), int(data->requests.size())},
            {QStringLiteral("events"), int(data->events.size())},
            {QStringLiteral("figures"), QJsonArray::fromStringList(ui::PaperFigures::figureNames(*data, options))},
            {QStringLiteral("preset"), options.preset.isEmpty() ? QJsonValue() : QJsonValue(options.preset)},
            {QStringLiteral("condition"), options.condition},
            {QStringLiteral("conditions"), conditions},
            {QStringLiteral("inches"), QJsonArray{options.inches().width(), options.inches().height()}},
        }));
        return ExitOk;
    }
    int failed = 0;
    for (const core::RequestRecord &r : data->requests)
        failed += r.completed ? 0 : 1;
    Output::print(QStringLiteral("%1: %2 requests (%3 failed), %4 events\n")
                      .arg(dir).arg(data->requests.size()).arg(failed).arg(data->events.size()));
    for (const QString &path : written + tables)
        Output::print(QStringLiteral("wrote %1\n").arg(path));
    return ExitOk;
}

} // namespace d3::cli
