#include "ExportOptions.h"

#include <QtMath>

namespace d3::ui {
namespace {

/// A preset: a column's width and a figure height in inches, at 300 dpi.
struct Preset {
    const char *name;
    double widthIn;
    double heightIn;
};

constexpr int kPresetDpi = 300;
const Preset kPresets[] = {{"single", 3.5, 2.5}, {"double", 7.0, 3.0}};

} // namespace

QStringList ExportOptions::knownFormats()
{
    return {QStringLiteral("pdf"), QStringLiteral("svg"), QStringLiteral("png")};
}

QStringList ExportOptions::presetNames()
{
    QStringList names;
    for (const Preset &p : kPresets)
        names << QString::fromLatin1(p.name);
    return names;
}

bool ExportOptions::forPreset(const QString &name, ExportOptions *options)
{
    for (const Preset &p : kPresets) {
        if (name != QLatin1String(p.name))
            continue;
        options->preset = name;
        options->dpi = kPresetDpi;
        options->widthPx = qRound(p.widthIn * kPresetDpi);
        options->heightPx = qRound(p.heightIn * kPresetDpi);
        options->fontPt = kPaperFontPt;
        options->title = false;
        return true;
    }
    return false;
}

QString ExportOptions::problem() const
{
    if (formats.isEmpty())
        return QStringLiteral("no format (choose from %1)").arg(knownFormats().join(QLatin1Char(',')));
    for (int i = 0; i < formats.size(); ++i) {
        if (!knownFormats().contains(formats.at(i)))
            return QStringLiteral("unknown format '%1' (choose from %2)")
                .arg(formats.at(i), knownFormats().join(QLatin1Char(',')));
        if (formats.indexOf(formats.at(i)) != i)
            return QStringLiteral("format '%1' given twice").arg(formats.at(i));
    }
    if (!preset.isEmpty() && !presetNames().contains(preset))
        return QStringLiteral("preset '%1' is unknown (choose from %2)")
            .arg(preset, presetNames().join(QLatin1Char(',')));
    if (widthPx < kMinPixels || widthPx > kMaxPixels || heightPx < kMinPixels || heightPx > kMaxPixels)
        return QStringLiteral("size %1x%2 is out of range (width and height in %3..%4 pixels)")
            .arg(widthPx).arg(heightPx).arg(kMinPixels).arg(kMaxPixels);
    if (dpi < kMinDpi || dpi > kMaxDpi)
        return QStringLiteral("dpi %1 is out of range (%2..%3)").arg(dpi).arg(kMinDpi).arg(kMaxDpi);
    if (fontPt < 0 || fontPt > 72)
        return QStringLiteral("font size %1 pt is out of range (0..72)").arg(fontPt);
    if (condition < 0)
        return QStringLiteral("condition %1 is out of range (an index from 0)").arg(condition);
    const QSize layout = layoutSize();
    if (layout.width() < kMinLayoutPixels || layout.height() < kMinLayoutPixels)
        return QStringLiteral("size %1x%2 at %3 dpi is too small to draw in (%4x%5 at 96 dpi; at least %6 pixels "
                              "each way: raise the size or lower the dpi)")
            .arg(widthPx).arg(heightPx).arg(dpi).arg(layout.width()).arg(layout.height()).arg(kMinLayoutPixels);
    return QString();
}

QSize ExportOptions::layoutSize() const
{
    return QSize(qMax(1, qRound(widthPx * 96.0 / dpi)), qMax(1, qRound(heightPx * 96.0 / dpi)));
}

QSizeF ExportOptions::inches() const
{
    return QSizeF(double(widthPx) / dpi, double(heightPx) / dpi);
}

} // namespace d3::ui
