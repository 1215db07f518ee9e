#include "ExportOptions.h"

#include <QtMath>

namespace d3::ui {

QStringList ExportOptions::knownFormats()
{
    return {QStringLiteral("pdf"), QStringLiteral("svg"), QStringLiteral("png")};
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
    if (widthPx < kMinPixels || widthPx > kMaxPixels || heightPx < kMinPixels || heightPx > kMaxPixels)
        return QStringLiteral("size %1x%2 is out of range (width and height in %3..%4 pixels)")
            .arg(widthPx).arg(heightPx).arg(kMinPixels).arg(kMaxPixels);
    if (dpi < kMinDpi || dpi > kMaxDpi)
        return QStringLiteral("dpi %1 is out of range (%2..%3)").arg(dpi).arg(kMinDpi).arg(kMaxDpi);
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

} // namespace d3::ui
