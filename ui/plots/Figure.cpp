#include "Figure.h"

#include "QCustomPlotInclude.h"

#include <QFontMetrics>

namespace d3::ui {
namespace {

/// text on two lines, broken at the space nearest its middle (text itself when it has no space or is broken).
QString twoLines(const QString &text)
{
    if (text.contains(QLatin1Char('\n')))
        return text;
    int best = -1;
    for (int i = 0; i < text.size(); ++i) {
        if (text.at(i) == QLatin1Char(' ') && (best < 0 || qAbs(i - text.size() / 2) < qAbs(best - text.size() / 2)))
            best = i;
    }
    return best < 0 ? text : text.left(best) + QLatin1Char('\n') + text.mid(best + 1);
}

/// The width of the widest line of text in font.
int textWidth(const QFont &font, const QString &text)
{
    const QFontMetrics fm(font);
    int w = 0;
    for (const QString &line : text.split(QLatin1Char('\n')))
        w = qMax(w, fm.horizontalAdvance(line));
    return w;
}

} // namespace

Figure::Figure(QCustomPlot *plot, const QString &title, const QString &xLabel, const QString &yLabel)
    : m_plot(plot), m_labels{{plot->xAxis, xLabel}, {plot->yAxis, yLabel}}
{
    plot->setInteractions(QCP::Interactions());
    plot->plotLayout()->insertRow(0);
    QFont titleFont = plot->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() + 2);
    titleFont.setBold(true);
    m_title = new QCPTextElement(plot, title, titleFont);
    plot->plotLayout()->addElement(0, 0, m_title);

    plot->xAxis->setLabel(xLabel);
    plot->yAxis->setLabel(yLabel);
    plot->xAxis->setRange(0, 1);
    plot->yAxis->setRange(0, 1);

    plot->legend->setVisible(true);
    plot->legend->setBorderPen(Qt::NoPen);
    plot->legend->setFillOrder(QCPLegend::foColumnsFirst);
    plot->legend->setWrap(5);
    plot->plotLayout()->addElement(2, 0, plot->legend); // below the axis rect, out of its way
    plot->plotLayout()->setRowStretchFactor(2, 0.001);
    m_legendFont = plot->legend->font();
    m_legendIconSize = plot->legend->iconSize();
    m_labelFont = plot->xAxis->labelFont();
}

Figure::~Figure() = default;

bool Figure::titleVisible() const
{
    return m_title->layout() != nullptr;
}

void Figure::setTitleVisible(bool visible)
{
    if (visible == titleVisible())
        return;
    if (visible) {
        m_plot->plotLayout()->insertRow(0);
        m_plot->plotLayout()->addElement(0, 0, m_title);
    } else {
        m_plot->plotLayout()->take(m_title); // the plot still owns it (QObject parent)
        m_plot->plotLayout()->simplify();
    }
    m_title->setVisible(visible); // out of the layout it would still be drawn, at its last rect
}

void Figure::applyOptions(const ExportOptions &options)
{
    setTitleVisible(options.title);
    if (options.fontPt <= 0)
        return;
    QFont font = m_plot->font();
    font.setPointSizeF(options.fontPt);
    for (QCPAxisRect *rect : m_plot->axisRects()) {
        for (QCPAxis *axis : rect->axes()) {
            axis->setTickLabelFont(font);
            axis->setLabelFont(font);
            axis->setLabelPadding(3);
            axis->setTickLabelPadding(3);
        }
    }
    m_labelFont = font;
    QCPLegend *legend = m_plot->legend;
    setLegendFont(font);
    const QFontMetrics fm(font);
    m_legendIconSize = QSize(qRound(fm.height() * 1.8), qRound(fm.height() * 0.9));
    legend->setIconSize(m_legendIconSize);
    legend->setIconTextPadding(qRound(fm.height() * 0.3));
    legend->setColumnSpacing(qRound(fm.height() * 0.6));
    legend->setRowSpacing(0);
    legend->setMargins(QMargins(2, 2, 2, 0));
    QFont titleFont = font;
    titleFont.setPointSizeF(options.fontPt + 1);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    applyFont(font);
}

void Figure::setLegendFont(const QFont &font)
{
    m_legendFont = font;
    m_plot->legend->setFont(font);
}

void Figure::setAxisLabel(QCPAxis *axis, const QString &label)
{
    m_labels.insert(axis, label);
    axis->setLabel(label);
}

void Figure::layoutNow()
{
    m_plot->setViewport(m_plot->rect());
    QCPLayoutGrid *layout = m_plot->plotLayout();
    layout->update(QCPLayoutElement::upPreparation);
    layout->update(QCPLayoutElement::upMargins);
    layout->update(QCPLayoutElement::upLayout);
}

void Figure::arrange()
{
    // Each step changes the room the others have (legend rows, label rows, two-line labels): twice settles it.
    for (int pass = 0; pass < 2; ++pass) {
        layoutNow();
        fitLegend();
        layoutNow();
        arrangeItems();
        layoutNow();
        fitTickLabels();
        for (auto it = m_labels.cbegin(); it != m_labels.cend(); ++it)
            fitAxisLabel(it.key(), it.value(), m_labelFont);
    }
    layoutNow();
    arrangeItems();
    layoutNow();
}

void Figure::fitLegend()
{
    QCPLegend *legend = m_plot->legend;
    if (!legend || !legend->visible() || legend->itemCount() == 0)
        return;
    const QMargins outer = m_plot->plotLayout()->margins();
    const int available = m_plot->viewport().width() - outer.left() - outer.right() - legend->margins().left()
                        - legend->margins().right() - 2;
    const int maxHeight = qRound(m_plot->viewport().height() * m_legendHeightShare);
    // As many columns as the widest item of each column allows, in the figure's own font; a smaller font only when
    // one item alone is wider than the figure or the rows would take too much of its height.
    // The icons shrink with the font: a row is as tall as the taller of the two.
    legend->setFont(m_legendFont);
    legend->setIconSize(m_legendIconSize);
    while (!legendFits(available, maxHeight)) {
        QFont font = legend->font();
        if (font.pointSizeF() - 0.5 < kMinFontPt)
            return;
        font.setPointSizeF(font.pointSizeF() - 0.5);
        legend->setFont(font);
        const double scale = font.pointSizeF() / m_legendFont.pointSizeF();
        legend->setIconSize(qRound(m_legendIconSize.width() * scale), qRound(m_legendIconSize.height() * scale));
    }
}

bool Figure::legendFits(int available, int maxHeight)
{
    QCPLegend *legend = m_plot->legend;
    QVector<int> widths;
    for (int i = 0; i < legend->elementCount(); ++i)
        if (QCPLayoutElement *e = legend->elementAt(i))
            widths << e->minimumOuterSizeHint().width();
    for (int k = int(widths.size()); k >= 1; --k) {
        QVector<int> column(k, 0);
        for (int i = 0; i < widths.size(); ++i)
            column[i % k] = qMax(column[i % k], widths[i]);
        int total = (k - 1) * legend->columnSpacing();
        for (int w : std::as_const(column))
            total += w;
        if (total <= available) {
            legend->setWrap(k);
            legend->setFillOrder(QCPLegend::foColumnsFirst, true);
            return legend->minimumOuterSizeHint().height() <= maxHeight;
        }
    }
    legend->setWrap(1);
    legend->setFillOrder(QCPLegend::foColumnsFirst, true);
    return false;
}

void Figure::fitTickLabels()
{
    // Category axes (a text ticker): a name wider than its category breaks onto two lines, and when that is still
    // too wide every name is turned 45 degrees.
    QCPAxis *axis = m_plot->xAxis;
    const auto ticker = axis->ticker().dynamicCast<QCPAxisTickerText>();
    if (!ticker || ticker->ticks().isEmpty() || axis->scaleType() != QCPAxis::stLinear)
        return;
    const double perCategory = axis->axisRect()->width() / qMax(1.0, axis->range().size());
    QMap<double, QString> ticks = ticker->ticks();
    int widest = 0;
    for (auto it = ticks.begin(); it != ticks.end(); ++it) {
        QString single = it.value();
        single.replace(QLatin1Char('\n'), QLatin1Char(' '));
        const QString text = textWidth(axis->tickLabelFont(), single) > 0.95 * perCategory ? twoLines(single) : single;
        it.value() = text;
        widest = qMax(widest, textWidth(axis->tickLabelFont(), text));
    }
    const bool turned = widest > 0.95 * perCategory;
    if (turned) {
        for (auto it = ticks.begin(); it != ticks.end(); ++it)
            it.value().replace(QLatin1Char('\n'), QLatin1Char(' '));
    }
    ticker->setTicks(ticks);
    axis->setTickLabelRotation(turned ? -45 : 0);
}

bool Figure::fitAxisLabel(QCPAxis *axis, const QString &label, const QFont &font)
{
    const QRect rect = axis->axisRect()->rect();
    const int length = axis->orientation() == Qt::Horizontal ? rect.width() : rect.height();
    const QString fitted = textWidth(font, label) > length ? twoLines(label) : label;
    // Centred on its axis, the label may overhang the axis rect but not the plot: beyond it, it would be cut.
    const QRect plot = m_plot->viewport();
    const QPoint c = rect.center();
    const int room = axis->orientation() == Qt::Horizontal ? 2 * qMin(c.x() - plot.left(), plot.right() + 1 - c.x())
                                                            : 2 * qMin(c.y() - plot.top(), plot.bottom() + 1 - c.y());
    QFont shrunk = font;
    while (textWidth(shrunk, fitted) > room && shrunk.pointSizeF() - 0.5 >= kMinFontPt)
        shrunk.setPointSizeF(shrunk.pointSizeF() - 0.5);
    if (fitted == axis->label() && shrunk == axis->labelFont())
        return false;
    axis->setLabel(fitted);
    axis->setLabelFont(shrunk);
    return true;
}

} // namespace d3::ui
